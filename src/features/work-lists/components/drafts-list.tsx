import { useEffect, useRef, useState } from 'react';
import { Link } from 'react-router';
import type { DraftListRequest, DraftListSort } from '../../../contracts/certificates';
import { formatIdentityNumber } from '../../../contracts/identity-number';
import { Loading } from '../../../components/ui/loading';
import { MessageBox } from '../../../components/ui/message-box';
import {
  draftListStatus,
  draftStatusLabels,
  draftListStatuses,
  parentNote,
} from '../../../lib/certificate-labels';
import { formatDateTime } from '../../../lib/format';
import { useDrafts } from '../api/query-lists';
import {
  FilterSelect,
  Pagination,
  PatientFilter,
  SortHeader,
  StatusFilter,
  TypeFilter,
  usePaging,
  useSettledText,
  withFilter,
} from './list-controls';

type Props = { certificatePath: (certificateId: string) => string };

type Filter = NonNullable<DraftListRequest['filter']>;

const columns: { sort: DraftListSort; label: string }[] = [
  { sort: 'patient', label: 'Patient' },
  { sort: 'type', label: 'Intyg' },
  { sort: 'status', label: 'Status' },
  { sort: 'savedBy', label: 'Sparat av' },
  { sort: 'savedAt', label: 'Senast sparat' },
];

/** "Ej signerade utkast": the unit's drafts, filtered, sorted and paged by the backend. */
export function DraftsList({ certificatePath }: Props) {
  const headingRef = useRef<HTMLHeadingElement>(null);
  const [filter, setFilter] = useState<Filter>({});
  const [patientText, setPatientText] = useState('');
  const [sort, setSort] = useState<DraftListSort>('savedAt');
  const [order, setOrder] = useState<'asc' | 'desc'>('desc');
  const { page, setPage, pageSize, setPageSize, range } = usePaging();
  useEffect(() => headingRef.current?.focus(), []);

  useSettledText(patientText, (text) => {
    if (text === (filter.patient ?? '')) return;
    setFilter(withFilter(filter, 'patient', text === '' ? undefined : text));
    setPage(1);
  });

  const drafts = useDrafts({ filter, sort, order, page, pageSize });

  const changeFilter = (next: Filter) => {
    setFilter(next);
    setPage(1);
  };
  const sortBy = (column: DraftListSort) => {
    if (column === sort) setOrder(order === 'asc' ? 'desc' : 'asc');
    else {
      setSort(column);
      setOrder(column === 'savedAt' ? 'desc' : 'asc');
    }
    setPage(1);
  };

  const data = drafts.data;
  const total = data?.total ?? 0;
  const { pages, first, last } = range(total);

  return (
    <div className="work-list drafts-list">
      <h1 ref={headingRef} tabIndex={-1}>
        Ej signerade utkast
      </h1>
      <p>Utkast på din vårdenhet som ännu inte är signerade.</p>
      <form
        className="list-filters"
        aria-label="Filtrera utkasten"
        onSubmit={(event) => event.preventDefault()}
      >
        <PatientFilter value={patientText} onChange={setPatientText} />
        <TypeFilter
          types={data?.types}
          value={filter.type}
          onChange={(type) => changeFilter(withFilter(filter, 'type', type))}
        />
        <StatusFilter
          states={draftListStatuses}
          labels={draftStatusLabels}
          value={filter.status}
          onChange={(status) => changeFilter(withFilter(filter, 'status', status))}
        />
        <FilterSelect
          label="Sparat av"
          allLabel="Alla"
          value={filter.savedBy}
          options={(data?.savers ?? []).map((saver) => ({ value: saver.id, label: saver.name }))}
          onChange={(value) => changeFilter(withFilter(filter, 'savedBy', value))}
        />
      </form>
      {drafts.isPending && <Loading label="Hämtar utkast…" />}
      {drafts.isError && (
        <MessageBox variant="error" heading="Utkasten kunde inte hämtas" live="alert">
          <p>{drafts.error.message}</p>
        </MessageBox>
      )}
      {data !== undefined && (
        <>
          <p role="status" className="list-summary">
            {total === 0
              ? 'Det finns inga ej signerade utkast som matchar.'
              : `Visar ${first}–${last} av ${total.toLocaleString('sv-SE')} utkast`}
          </p>
          {total > 0 && (
            <div className="table-scroll">
              <table className="table list-table" aria-busy={drafts.isFetching}>
                <caption className="sr-only">Ej signerade utkast</caption>
                <SortHeader columns={columns} sort={sort} order={order} onSort={sortBy} />
                <tbody>
                  {data.items.map((item) => (
                    <tr key={item.id}>
                      <td data-label="Patient">
                        <Link to={certificatePath(item.id)}>{item.patient.name}</Link>
                        <span className="list-table__sub">
                          {formatIdentityNumber(item.patient.identityNumber)}
                        </span>
                      </td>
                      <td data-label="Intyg">
                        {item.formNumber}
                        <span className="list-table__sub">{item.typeName}</span>
                      </td>
                      <td data-label="Status">
                        {draftStatusLabels[draftListStatus(item)]}
                        {item.parent !== undefined && (
                          <span className="list-table__sub">{parentNote(item)}</span>
                        )}
                      </td>
                      <td data-label="Sparat av">{item.savedBy}</td>
                      <td data-label="Senast sparat">{formatDateTime(item.savedAt)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          <Pagination
            page={page}
            pages={pages}
            pageSize={pageSize}
            onPage={setPage}
            onPageSize={(size) => {
              setPageSize(size);
              setPage(1);
            }}
          />
        </>
      )}
    </div>
  );
}
