import { useEffect, useRef } from 'react';
import { Link } from 'react-router';
import type { InboxRequest, InboxRow, InboxSort } from '../../../contracts/threads';
import { threadPartySchema, threadTopicLabels } from '../../../contracts/threads';
import { formatIdentityNumber } from '../../../contracts/identity-number';
import { Loading } from '../../../components/ui/loading';
import { MessageBox } from '../../../components/ui/message-box';
import { formatDate, formatDateTime } from '../../../lib/format';
import {
  inboxToDoFilterLabels,
  inboxToDoFilters,
  threadDueLabels,
  threadPartyLabels,
  threadToDoLabels,
} from '../../../lib/thread-labels';
import { useInbox } from '../api/query-lists';
import {
  DayRangeFilter,
  FilterSelect,
  Pagination,
  PatientFilter,
  SortHeader,
  useListQuery,
} from './list-controls';

type Props = { threadPath: (row: InboxRow) => string };

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

/**
 * "Ej hanterade ärenden": the unit's threads with Försäkringskassan, filtered, sorted and
 * paged by the backend. By default what is due first: overdue, then soon-due questions.
 */
export function InboxList({ threadPath }: Props) {
  const headingRef = useRef<HTMLHeadingElement>(null);
  // "due" sorts ascending (what is due first); the date columns newest first.
  const list = useListQuery<InboxSort, Filter>('due', ['sentAt'], 'asc');
  const { filter, changeFilter } = list;
  useEffect(() => headingRef.current?.focus(), []);
  const inbox = useInbox(list.request);
  const data = inbox.data;
  const total = data?.total ?? 0;
  const { first, last, pagination } = list.paging(total);

  return (
    <div className="work-list inbox-list">
      <h1 ref={headingRef} tabIndex={-1}>
        Ej hanterade ärenden
      </h1>
      <p>
        Frågor och kompletteringsbegäranden från Försäkringskassan, och vårdenhetens egna frågor,
        som väntar på något från din vårdenhet eller från Försäkringskassan.
      </p>
      <form
        className="list-filters"
        aria-label="Filtrera ärendena"
        onSubmit={(event) => event.preventDefault()}
      >
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
          onChange={({ from, to }) => changeFilter({ ...filter, sentFrom: from, sentTo: to })}
        />
      </form>
      {inbox.isPending && <Loading label="Hämtar ärenden…" />}
      {inbox.isError && (
        <MessageBox variant="error" heading="Ärendena kunde inte hämtas" live="alert">
          <p>{inbox.error.message}</p>
        </MessageBox>
      )}
      {data !== undefined && (
        <>
          <p role="status" className="list-summary">
            {total === 0
              ? 'Det finns inga ärenden som matchar.'
              : `Visar ${first}–${last} av ${total.toLocaleString('sv-SE')} ärenden`}
          </p>
          {total > 0 && (
            <div className="table-scroll">
              <table className="table list-table" aria-busy={inbox.isFetching}>
                <caption className="sr-only">Ärenden</caption>
                <SortHeader
                  columns={columns}
                  sort={list.sort}
                  order={list.order}
                  onSort={list.sortBy}
                />
                <tbody>
                  {data.items.map((row) => (
                    <InboxTableRow key={row.threadId} row={row} href={threadPath(row)} />
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

function InboxTableRow({ row, href }: { row: InboxRow; href: string }) {
  const dueNote = threadDueLabels[row.due];
  const toDo = `${row.reminded ? 'Påminnelse: ' : ''}${threadToDoLabels[row.toDo]}`;
  return (
    <tr
      className={row.due === 'overdue' || row.due === 'soon' ? `inbox-row--${row.due}` : undefined}
    >
      <td data-label="Åtgärd">
        {/* Named with the patient: every row has a link of the same few words. */}
        <Link to={href} aria-label={`${toDo}, ${row.patient.name}`}>
          {toDo}
        </Link>
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
    </tr>
  );
}
