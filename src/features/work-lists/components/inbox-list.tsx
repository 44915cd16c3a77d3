import { z } from 'zod';
import { isoDateSchema, opaqueIdSchema } from '../../../contracts/common';
import type { InboxRequest, InboxRow, InboxSort } from '../../../contracts/threads';
import {
  inboxSortSchema,
  inboxToDoFilterSchema,
  threadPartySchema,
  threadTopicLabels,
} from '../../../contracts/threads';
import { formatIdentityNumber } from '../../../contracts/identity-number';
import { formatDate, formatDateTime } from '../../../lib/format';
import {
  inboxToDoFilterLabels,
  inboxToDoFilters,
  threadDueLabels,
  threadPartyLabels,
  threadToDoLabels,
} from '../../../lib/thread-labels';
import { useInbox } from '../api/query-lists';
import { DayRangeFilter, FilterSelect, PatientFilter } from './list-controls';
import { useListQuery, withoutInvertedRange } from './use-list-query';
import { WorkList } from './work-list';

type Props = {
  threadPath: (row: InboxRow) => string;
  /** The backend's today: the day filters' "idag" and calendar. */
  today: string;
};

type Filter = NonNullable<InboxRequest['filter']>;

const columns: { sort: InboxSort; label: string }[] = [
  { sort: 'toDo', label: 'Åtgärd' },
  { sort: 'due', label: 'Svara senast' },
  { sort: 'from', label: 'Avsändare' },
  { sort: 'patient', label: 'Patient' },
  { sort: 'signedBy', label: 'Signerat av' },
  { sort: 'sentAt', label: 'Skickat/mottaget' },
  { sort: 'forwarded', label: 'Vidarebefordrad' },
];

const forwardedOptions = [
  { value: 'yes', label: 'Vidarebefordrade' },
  { value: 'no', label: 'Inte vidarebefordrade' },
];

/** The filter in the URL (never the patient text). */
const filterParams = z
  .object({
    toDo: inboxToDoFilterSchema.optional().catch(undefined),
    from: threadPartySchema.optional().catch(undefined),
    signedBy: opaqueIdSchema.optional().catch(undefined),
    sentFrom: isoDateSchema.optional().catch(undefined),
    sentTo: isoDateSchema.optional().catch(undefined),
    forwarded: z
      .enum(['true', 'false'])
      .transform((value) => value === 'true')
      .optional()
      .catch(undefined),
  })
  .transform((filter) => withoutInvertedRange(filter, 'sentFrom', 'sentTo'));

/** What a row says to do, with "Påminnelse: " when FK has reminded. */
const toDoOf = (row: InboxRow) =>
  `${row.reminded ? 'Påminnelse: ' : ''}${threadToDoLabels[row.toDo]}`;

/**
 * "Ej hanterade ärenden": the unit's threads with Försäkringskassan, filtered, sorted and
 * paged by the backend. By default what is due first: overdue, then soon-due questions.
 */
export function InboxList({ threadPath, today }: Props) {
  // "due" sorts ascending (what is due first); the date columns newest first.
  const list = useListQuery<InboxSort, Filter>({
    sorts: inboxSortSchema,
    defaultSort: 'due',
    newestFirst: ['sentAt'],
    defaultOrder: 'asc',
    filterParams,
  });
  const { filter, changeFilter } = list;
  const inbox = useInbox(list.request);
  const data = inbox.data;

  return (
    <WorkList
      className="inbox-list"
      heading="Ej hanterade ärenden"
      intro="Frågor och kompletteringsbegäranden från Försäkringskassan, och vårdenhetens egna frågor, som väntar på något från din vårdenhet eller från Försäkringskassan."
      filtersLabel="Filtrera ärendena"
      filters={
        <>
          <FilterSelect
            label="Åtgärd"
            allLabel={inboxToDoFilterLabels.unhandled}
            value={filter.toDo === 'unhandled' ? undefined : filter.toDo}
            options={inboxToDoFilters.map((toDo) => ({
              value: toDo,
              label: inboxToDoFilterLabels[toDo],
            }))}
            onChange={(picked) =>
              changeFilter({
                ...filter,
                toDo: inboxToDoFilters.find((toDo) => toDo === picked),
              })
            }
          />
          <FilterSelect
            label="Avsändare"
            allLabel="Alla"
            value={filter.from}
            options={threadPartySchema.options.map((party) => ({
              value: party,
              label: threadPartyLabels[party],
            }))}
            onChange={(picked) =>
              changeFilter({
                ...filter,
                from: threadPartySchema.options.find((party) => party === picked),
              })
            }
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
          <FilterSelect
            label="Vidarebefordrad"
            allLabel="Alla"
            value={filter.forwarded === undefined ? undefined : filter.forwarded ? 'yes' : 'no'}
            options={forwardedOptions}
            onChange={(picked) =>
              changeFilter({
                ...filter,
                forwarded: picked === undefined ? undefined : picked === 'yes',
              })
            }
          />
          <PatientFilter value={list.patientText} onChange={list.setPatientText} />
          <DayRangeFilter
            fromLabel="Skickat/mottaget från och med"
            toLabel="Skickat/mottaget till och med"
            value={{ from: filter.sentFrom, to: filter.sentTo }}
            today={today}
            onChange={({ from, to }) => changeFilter({ ...filter, sentFrom: from, sentTo: to })}
          />
        </>
      }
      query={inbox}
      loadingLabel="Hämtar ärenden…"
      errorHeading="Ärendena kunde inte hämtas"
      noun={['ärende', 'ärenden']}
      emptyText={
        Object.values(filter).every((value: unknown) => value === undefined) &&
        list.patientText === ''
          ? 'Det finns inga ej hanterade ärenden.'
          : 'Det finns inga ärenden som matchar.'
      }
      columns={columns}
      list={list}
      rowKey={(row) => row.threadId}
      rowClassName={(row) =>
        row.due === 'overdue' || row.due === 'soon' ? `inbox-row--${row.due}` : undefined
      }
      open={(row) => ({ href: threadPath(row), name: `${toDoOf(row)}, ${row.patient.name}` })}
      row={(row) => <InboxCells row={row} />}
    />
  );
}

/** One thread's cells: what to do, its deadline, sender, patient and more. */
function InboxCells({ row }: { row: InboxRow }) {
  const dueNote = threadDueLabels[row.due];
  return (
    <>
      <td data-label="Åtgärd">
        <span className="list-table__main">{toDoOf(row)}</span>
        <span className="list-table__sub">
          {threadTopicLabels[row.topic]}, {row.formNumber}
        </span>
      </td>
      <td data-label="Svara senast">
        {row.lastDateToReply === undefined ? '–' : formatDate(row.lastDateToReply)}
        {dueNote !== '' && (
          <span className={`list-table__sub due-note due-note--${row.due}`}>{dueNote}</span>
        )}
      </td>
      <td data-label="Avsändare">{threadPartyLabels[row.from]}</td>
      <td data-label="Patient">
        {row.patient.name}
        <span className="list-table__sub">{formatIdentityNumber(row.patient.identityNumber)}</span>
      </td>
      <td data-label="Signerat av">{row.signedBy.name}</td>
      <td data-label="Skickat/mottaget">{formatDateTime(row.sentAt)}</td>
      <td data-label="Vidarebefordrad">{row.forwarded ? 'Ja' : 'Nej'}</td>
    </>
  );
}
