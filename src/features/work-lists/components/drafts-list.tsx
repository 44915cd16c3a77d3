import { z } from 'zod';
import {
  certificateTypeCodeSchema,
  draftListSortSchema,
  draftListStatusSchema,
  type DraftListRequest,
  type DraftListSort,
} from '../../../contracts/certificates';
import { opaqueIdSchema } from '../../../contracts/common';
import {
  draftListStatus,
  draftStatusLabels,
  draftListStatuses,
  readyForSignNote,
} from '../../../lib/certificate-labels';
import { formatDateTime } from '../../../lib/format';
import { useDrafts } from '../api/query-lists';
import {
  certificateRowName,
  FilterSelect,
  PatientAndTypeCells,
  PatientFilter,
  StatusCell,
  StatusFilter,
  TypeFilter,
} from './list-controls';
import { useListQuery } from './use-list-query';
import { WorkList } from './work-list';

type Props = { certificatePath: (certificateId: string) => string };

type Filter = NonNullable<DraftListRequest['filter']>;

const columns: { sort: DraftListSort; label: string }[] = [
  { sort: 'patient', label: 'Patient' },
  { sort: 'type', label: 'Intyg' },
  { sort: 'status', label: 'Status' },
  { sort: 'savedBy', label: 'Sparat av' },
  { sort: 'savedAt', label: 'Senast sparat' },
];

/** The filter in the URL (never the patient text). */
const filterParams = z.object({
  type: certificateTypeCodeSchema.optional().catch(undefined),
  status: draftListStatusSchema.optional().catch(undefined),
  savedBy: opaqueIdSchema.optional().catch(undefined),
});

/** "Ej signerade utkast": the unit's drafts, filtered, sorted and paged by the backend. */
export function DraftsList({ certificatePath }: Props) {
  const list = useListQuery<DraftListSort, Filter>({
    sorts: draftListSortSchema,
    defaultSort: 'savedAt',
    newestFirst: ['savedAt'],
    filterParams,
  });
  const { filter, changeFilter } = list;
  const drafts = useDrafts(list.request);
  const data = drafts.data;

  return (
    <WorkList
      className="drafts-list"
      heading="Ej signerade utkast"
      intro="Utkast på din vårdenhet som ännu inte är signerade."
      filtersLabel="Filtrera utkasten"
      filters={
        <>
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
        </>
      }
      query={drafts}
      loadingLabel="Hämtar utkast…"
      errorHeading="Utkasten kunde inte hämtas"
      noun={['utkast', 'utkast']}
      emptyText="Det finns inga ej signerade utkast som matchar."
      columns={columns}
      list={list}
      rowKey={(item) => item.id}
      open={(item) => ({ href: certificatePath(item.id), name: certificateRowName(item) })}
      row={(item) => (
        <>
          <PatientAndTypeCells item={item} />
          <StatusCell
            item={item}
            label={draftStatusLabels[draftListStatus(item)]}
            detail={readyForSignNote(item)}
          />
          <td data-label="Sparat av">{item.savedBy}</td>
          <td data-label="Senast sparat">{formatDateTime(item.savedAt)}</td>
        </>
      )}
    />
  );
}
