import { useEffect, useRef } from 'react';
import type { DraftListRequest, DraftListSort } from '../../../contracts/certificates';
import { Loading } from '../../../components/ui/loading';
import { MessageBox } from '../../../components/ui/message-box';
import {
  draftListStatus,
  draftStatusLabels,
  draftListStatuses,
} from '../../../lib/certificate-labels';
import { formatDateTime } from '../../../lib/format';
import { useDrafts } from '../api/query-lists';
import {
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
  const list = useListQuery<DraftListSort, Filter>('savedAt', ['savedAt']);
  const { filter, changeFilter } = list;
  useEffect(() => headingRef.current?.focus(), []);
  const drafts = useDrafts(list.request);
  const data = drafts.data;
  const total = data?.total ?? 0;
  const { first, last, pagination } = list.paging(total);

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
        <PatientFilter value={list.patientText} onChange={list.setPatientText} />
        <TypeFilter
          types={data?.types}
          value={filter.type}
          onChange={(type) => changeFilter({ ...filter, type })}
        />
        <StatusFilter
          states={draftListStatuses}
          labels={draftStatusLabels}
          value={filter.status}
          onChange={(status) => changeFilter({ ...filter, status })}
        />
        <FilterSelect
          label="Sparat av"
          allLabel="Alla"
          value={filter.savedBy}
          options={(data?.savers ?? []).map((saver) => ({ value: saver.id, label: saver.name }))}
          onChange={(savedBy) => changeFilter({ ...filter, savedBy })}
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
                      <StatusCell item={item} label={draftStatusLabels[draftListStatus(item)]} />
                      <td data-label="Sparat av">{item.savedBy}</td>
                      <td data-label="Senast sparat">{formatDateTime(item.savedAt)}</td>
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
