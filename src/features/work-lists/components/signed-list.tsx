import type { SignedListRequest, SignedListSort } from '../../../contracts/certificates';
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
  PatientAndTypeCells,
  PatientFilter,
  StatusCell,
  StatusFilter,
  TypeFilter,
  useListQuery,
} from './list-controls';
import { WorkList } from './work-list';

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
  const list = useListQuery<SignedListSort, Filter>('signedAt', ['signedAt', 'sentAt']);
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
      row={(item) => (
        <>
          <PatientAndTypeCells item={item} href={certificatePath(item.id)} />
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
