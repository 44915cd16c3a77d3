import { useEffect, useRef } from 'react';
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
  DayRangeFilter,
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

/** "Signerade intyg": the unit's signed certificates, filtered, sorted and paged by the backend. */
export function SignedList({ certificatePath }: Props) {
  const headingRef = useRef<HTMLHeadingElement>(null);
  const list = useListQuery<SignedListSort, Filter>('signedAt', ['signedAt', 'sentAt']);
  const { filter, changeFilter } = list;
  useEffect(() => headingRef.current?.focus(), []);

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
        <DayRangeFilter
          fromLabel="Signerat från och med"
          toLabel="Signerat till och med"
          onChange={({ from, to }) => changeFilter({ ...filter, signedFrom: from, signedTo: to })}
        />
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
