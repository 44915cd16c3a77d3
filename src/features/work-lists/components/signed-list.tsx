import { useEffect, useId, useRef, useState } from 'react';
import type { SignedListRequest, SignedListSort } from '../../../contracts/certificates';
import { Loading } from '../../../components/ui/loading';
import { MessageBox } from '../../../components/ui/message-box';
import {
  signedListStatus,
  signedListStatuses,
  signedStatusLabels,
} from '../../../lib/certificate-labels';
import { formatDateTime } from '../../../lib/format';
import { useSigned } from '../api/query-lists';
import {
  DayFilter,
  FilterSelect,
  Pagination,
  PatientAndTypeCells,
  PatientFilter,
  SortHeader,
  StatusCell,
  StatusFilter,
  TypeFilter,
  useListQuery,
} from './list-controls';

type Props = { certificatePath: (certificateId: string) => string };

type Filter = NonNullable<SignedListRequest['filter']>;

const columns: { sort: SignedListSort; label: string }[] = [
  { sort: 'patient', label: 'Patient' },
  { sort: 'type', label: 'Intyg' },
  { sort: 'status', label: 'Status' },
  { sort: 'signedBy', label: 'Signerat av' },
  { sort: 'signedAt', label: 'Signerat' },
  { sort: 'sentAt', label: 'Skickat' },
];

const rangeMessage = 'Från-datumet får inte vara senare än till-datumet.';

/** "Signerade intyg": the unit's signed certificates, filtered, sorted and paged by the backend. */
export function SignedList({ certificatePath }: Props) {
  const headingRef = useRef<HTMLHeadingElement>(null);
  const list = useListQuery<SignedListSort, Filter>('signedAt', ['signedAt', 'sentAt']);
  const { filter, changeFilter } = list;
  const [days, setDays] = useState({ from: '', to: '' });
  const rangeErrorId = useId();
  useEffect(() => headingRef.current?.focus(), []);

  // A range that ends before it starts is not sent: the fields say why, and keep what was typed.
  const rangeInvalid = days.from !== '' && days.to !== '' && days.from > days.to;
  const changeDays = (next: { from: string; to: string }) => {
    setDays(next);
    if (next.from !== '' && next.to !== '' && next.from > next.to) return;
    changeFilter({
      ...filter,
      signedFrom: next.from === '' ? undefined : next.from,
      signedTo: next.to === '' ? undefined : next.to,
    });
  };

  const signed = useSigned(list.request);
  const data = signed.data;
  const total = data?.total ?? 0;
  const { first, last, pagination } = list.paging(total);

  return (
    <div className="work-list signed-list">
      <h1 ref={headingRef} tabIndex={-1}>
        Signerade intyg
      </h1>
      <p>Intyg som har signerats på din vårdenhet, även ersatta och makulerade.</p>
      <form
        className="list-filters"
        aria-label="Filtrera de signerade intygen"
        onSubmit={(event) => event.preventDefault()}
      >
        <PatientFilter value={list.patientText} onChange={list.setPatientText} />
        <TypeFilter
          types={data?.types}
          value={filter.type}
          onChange={(type) => changeFilter({ ...filter, type })}
        />
        <StatusFilter
          states={signedListStatuses}
          labels={signedStatusLabels}
          value={filter.status}
          onChange={(status) => changeFilter({ ...filter, status })}
        />
        <FilterSelect
          label="Signerat av"
          allLabel="Alla"
          value={filter.signedBy}
          options={(data?.signers ?? []).map((signer) => ({
            value: signer.id,
            label: signer.name,
          }))}
          onChange={(signedBy) => changeFilter({ ...filter, signedBy })}
        />
        <DayFilter
          label="Signerat från och med"
          value={days.from}
          invalid={rangeInvalid}
          errorId={rangeErrorId}
          onChange={(from) => changeDays({ ...days, from })}
        />
        <DayFilter
          label="Signerat till och med"
          value={days.to}
          invalid={rangeInvalid}
          errorId={rangeErrorId}
          onChange={(to) => changeDays({ ...days, to })}
        />
        <p id={rangeErrorId} className="list-filters__error" role="alert">
          {rangeInvalid ? rangeMessage : ''}
        </p>
      </form>
      {signed.isPending && <Loading label="Hämtar signerade intyg…" />}
      {signed.isError && (
        <MessageBox variant="error" heading="De signerade intygen kunde inte hämtas" live="alert">
          <p>{signed.error.message}</p>
        </MessageBox>
      )}
      {data !== undefined && (
        <>
          <p role="status" className="list-summary">
            {total === 0
              ? 'Det finns inga signerade intyg som matchar.'
              : `Visar ${first}–${last} av ${total.toLocaleString('sv-SE')} intyg`}
          </p>
          {total > 0 && (
            <div className="table-scroll">
              <table className="table list-table" aria-busy={signed.isFetching}>
                <caption className="sr-only">Signerade intyg</caption>
                <SortHeader
                  columns={columns}
                  sort={list.sort}
                  order={list.order}
                  onSort={list.sortBy}
                />
                <tbody>
                  {data.items.map((item) => (
                    <tr key={item.id}>
                      <PatientAndTypeCells item={item} href={certificatePath(item.id)} />
                      <StatusCell item={item} label={signedStatusLabels[signedListStatus(item)]} />
                      <td data-label="Signerat av">{item.signedBy}</td>
                      <td data-label="Signerat">
                        {item.signedAt === undefined ? '' : formatDateTime(item.signedAt)}
                      </td>
                      <td data-label="Skickat">
                        {item.sentAt === undefined ? 'Inte skickat' : formatDateTime(item.sentAt)}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          <Pagination {...pagination} />
        </>
      )}
    </div>
  );
}
