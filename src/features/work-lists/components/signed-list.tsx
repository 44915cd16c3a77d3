import { z } from 'zod';
import {
  certificateTypeCodeSchema,
  signedListSortSchema,
  signedListStatusSchema,
  type SignedListRequest,
  type SignedListSort,
} from '../../../contracts/certificates';
import { isoDateSchema, opaqueIdSchema } from '../../../contracts/common';
import {
  signedListStatus,
  signedListStatuses,
  signedStatusLabels,
} from '../../../lib/certificate-labels';
import { formatDateTime } from '../../../lib/format';
import { useSigned } from '../api/query-lists';
import {
  certificateRowName,
  DayRangeFilter,
  FilterSelect,
  PatientAndTypeCells,
  PatientFilter,
  StatusCell,
  StatusFilter,
  TypeFilter,
} from './list-controls';
import { useListQuery, withoutInvertedRange } from './use-list-query';
import { WorkList } from './work-list';

type Props = {
  certificatePath: (certificateId: string) => string;
  /** The backend's today: the day filters' "idag" and calendar. */
  today: string;
};

type Filter = NonNullable<SignedListRequest['filter']>;

const columns: { sort: SignedListSort; label: string }[] = [
  { sort: 'patient', label: 'Patient' },
  { sort: 'type', label: 'Intyg' },
  { sort: 'status', label: 'Status' },
  { sort: 'signedBy', label: 'Signerat av' },
  { sort: 'signedAt', label: 'Signerat' },
  { sort: 'sentAt', label: 'Skickat' },
];

/** The filter in the URL (never the patient text). */
const filterParams = z
  .object({
    type: certificateTypeCodeSchema.optional().catch(undefined),
    status: signedListStatusSchema.optional().catch(undefined),
    signedBy: opaqueIdSchema.optional().catch(undefined),
    signedFrom: isoDateSchema.optional().catch(undefined),
    signedTo: isoDateSchema.optional().catch(undefined),
  })
  .transform((filter) => withoutInvertedRange(filter, 'signedFrom', 'signedTo'));

/** "Signerade intyg": the unit's signed certificates, filtered, sorted and paged by the backend. */
export function SignedList({ certificatePath, today }: Props) {
  const list = useListQuery<SignedListSort, Filter>({
    sorts: signedListSortSchema,
    defaultSort: 'signedAt',
    newestFirst: ['signedAt', 'sentAt'],
    filterParams,
  });
  const { filter, changeFilter } = list;
  const signed = useSigned(list.request);
  const data = signed.data;

  return (
    <WorkList
      className="signed-list"
      heading="Signerade intyg"
      intro="Intyg som har signerats på din vårdenhet, även ersatta och makulerade."
      filtersLabel="Filtrera de signerade intygen"
      filters={
        <>
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
            value={{ from: filter.signedFrom, to: filter.signedTo }}
            today={today}
            onChange={({ from, to }) => changeFilter({ ...filter, signedFrom: from, signedTo: to })}
          />
        </>
      }
      query={signed}
      loadingLabel="Hämtar signerade intyg…"
      errorHeading="De signerade intygen kunde inte hämtas"
      noun={['intyg', 'intyg']}
      emptyText="Det finns inga signerade intyg som matchar."
      columns={columns}
      list={list}
      rowKey={(item) => item.id}
      open={(item) => ({ href: certificatePath(item.id), name: certificateRowName(item) })}
      row={(item) => (
        <>
          <PatientAndTypeCells item={item} />
          <StatusCell item={item} label={signedStatusLabels[signedListStatus(item)]} />
          <td data-label="Signerat av">{item.signedBy}</td>
          <td data-label="Signerat">
            {item.signedAt === undefined ? '' : formatDateTime(item.signedAt)}
          </td>
          <td data-label="Skickat">
            {item.sentAt === undefined ? 'Inte skickat' : formatDateTime(item.sentAt)}
            {item.sentByPatient === true ? ' av patienten' : ''}
          </td>
        </>
      )}
    />
  );
}
