import { endpoints } from '../../src/contracts/endpoints';
import {
  certificateThreadsResponseSchema,
  inboxRequestSchema,
  inboxResponseSchema,
  type InboxRequest,
  type InboxRow,
  type ThreadDue,
} from '../../src/contracts/threads';
import type { z } from 'zod';
import type { Database, ReadCache } from '../store/store';
import { threadListRowSchema, type ThreadListRow } from '../store/schema';
import { patientName, patientSortName } from '../domain/certificates';
import { swedishDay } from '../domain/clock';
import { mayHandleProtected } from '../domain/lifecycle';
import { isRejection } from '../domain/outcome';
import {
  answerThread,
  cannotComplement,
  complementFromThread,
  forwardThread,
  saveAnswerDraft,
  setThreadHandled,
  startThread,
  type ThreadOutcome,
} from '../domain/thread-commands';
import { dueOf, toDoOf } from '../domain/threads';
import {
  certificateAuthority,
  commandContext,
  noSuchCertificate,
  certificateRead,
  rejectionResponse,
  validationFor,
  type CertificateServices,
} from './certificate-action';
import { storeDraft } from './certificate-lifecycle';
import { serve } from './guard';
import { persist } from './persist';
import { jsonResponse } from './support';
import {
  definitionOf,
  loadComplements,
  loadDefinitions,
  presentThread,
  respondThread,
  threadAction,
  type ThreadActionContext,
} from './thread-support';

/**
 * The care unit's side of the dialogue with Försäkringskassan: the inbox, a certificate's
 * threads, starting an administrative question, answering (with an autosaved answer draft),
 * handling, forwarding, and meeting a complement request with a complementing draft or with
 * "Kan ej komplettera". The thread rules (server/domain/threads.ts) decide every action.
 */

type InboxQuery = z.output<typeof inboxRequestSchema>;

const dueRank: Readonly<Record<ThreadDue, number>> = { overdue: 0, soon: 1, later: 2, none: 3 };
const toDoRank = { complement: 0, answer: 1, 'read-answer': 2, 'await-answer': 3, handled: 4 };

function matchesToDo(filter: InboxQuery['filter']['toDo'], row: InboxRow): boolean {
  switch (filter) {
    case 'all':
      return true;
    case 'unhandled':
      return row.toDo !== 'handled';
    default:
      return row.toDo === filter;
  }
}

/** Which stored states a filter needs read at all (the index is by unit and state). */
function statesFor(filter: InboxQuery['filter']['toDo']): ('open' | 'handled')[] {
  if (filter === 'all') return ['open', 'handled'];
  return filter === 'handled' ? ['handled'] : ['open'];
}

function compareRows(
  sort: InboxRequest['sort'],
  collator: Intl.Collator,
  /** A row's patient as the lists sort patients: by family name. */
  sortName: (row: InboxRow) => string,
) {
  const byLatest = (a: InboxRow, b: InboxRow) => b.sentAt.localeCompare(a.sentAt);
  switch (sort) {
    case 'toDo':
      return (a: InboxRow, b: InboxRow) => toDoRank[a.toDo] - toDoRank[b.toDo] || byLatest(a, b);
    case 'from':
      return (a: InboxRow, b: InboxRow) => a.from.localeCompare(b.from) || byLatest(a, b);
    case 'patient':
      return (a: InboxRow, b: InboxRow) =>
        collator.compare(sortName(a), sortName(b)) || byLatest(a, b);
    case 'signedBy':
      return (a: InboxRow, b: InboxRow) =>
        collator.compare(a.signedBy.name, b.signedBy.name) || byLatest(a, b);
    case 'sentAt':
      return (a: InboxRow, b: InboxRow) => a.sentAt.localeCompare(b.sentAt);
    case 'forwarded':
      return (a: InboxRow, b: InboxRow) => Number(a.forwarded) - Number(b.forwarded);
    case 'due':
    case undefined:
      // What is due first: overdue, then soon due (earliest last day first), then the newest.
      return (a: InboxRow, b: InboxRow) =>
        dueRank[a.due] - dueRank[b.due] ||
        (a.lastDateToReply ?? '').localeCompare(b.lastDateToReply ?? '') ||
        byLatest(a, b);
  }
}

function inboxRow(
  thread: ThreadListRow,
  patient: { name: string; identityNumber: string },
  formNumber: string,
  today: string,
): InboxRow {
  const facts = {
    topic: thread.topic,
    from: thread.from,
    handled: thread.handled !== undefined,
    answered: thread.answer !== undefined,
    reminded: thread.reminders.length > 0,
  };
  return {
    threadId: thread.id,
    certificateId: thread.certificateId,
    certificateType: thread.certificateType,
    formNumber,
    topic: thread.topic,
    toDo: toDoOf(facts),
    reminded: facts.reminded && !facts.handled,
    from: thread.from,
    patient,
    signedBy: { id: thread.signedBy.userId, name: thread.signedBy.name },
    sentAt: thread.lastMessageAt,
    ...(thread.lastDateToReply === undefined ? {} : { lastDateToReply: thread.lastDateToReply }),
    due: dueOf(thread.lastDateToReply, today, facts.handled),
    forwarded: thread.forwarded,
  };
}

export function threadHandlers(
  db: Database,
  services: CertificateServices,
  threadRows: ReadCache<ThreadListRow>,
) {
  return [
    /** "Ej hanterade ärenden": the unit's threads, filtered, sorted and paged by the server. */
    serve(db, endpoints.queryInbox, async ({ auth, body }) => {
      const definitions = await loadDefinitions();
      return db.read(async (tx) => {
        const unitHsaId = auth.unit.hsaId;
        const today = swedishDay(auth.now);
        const { filter } = body;
        const stored = await Promise.all(
          statesFor(filter.toDo).map((state) =>
            tx.threads.cachedByIndexAs(
              'by-unit-state',
              { equals: [unitHsaId, state] },
              threadListRowSchema,
              threadRows,
            ),
          ),
        );
        // Only the patients of the unit's threads, not every patient of every unit.
        const patients = await tx.patients.getMany(stored.flat().map((thread) => thread.patientId));
        const patientById = new Map(patients.map((patient) => [patient.id, patient]));
        const needle = filter.patient?.toLocaleLowerCase('sv-SE').replaceAll('-', '') ?? '';
        const signers = new Map<string, string>();
        const rows: InboxRow[] = [];
        const sortNames = new Map<string, string>();
        for (const thread of stored.flat()) {
          const patient = patientById.get(thread.patientId);
          // The type's policy (who may handle protected identities): the current version's.
          const definition = definitions.current(thread.certificateType);
          if (patient === undefined) continue;
          // Protected identities only for those who may handle them; nothing of them otherwise.
          if (patient.protectedIdentity && !mayHandleProtected(definition.policy, auth.user.role)) {
            continue;
          }
          signers.set(thread.signedBy.userId, thread.signedBy.name);
          const name = patientName(patient);
          const row = inboxRow(
            thread,
            { name, identityNumber: patient.identityNumber },
            definition.formNumber,
            today,
          );
          if (!matchesToDo(filter.toDo, row)) continue;
          if (filter.from !== undefined && row.from !== filter.from) continue;
          if (filter.signedBy !== undefined && row.signedBy.id !== filter.signedBy) continue;
          if (filter.forwarded !== undefined && row.forwarded !== filter.forwarded) continue;
          if (filter.sentFrom !== undefined || filter.sentTo !== undefined) {
            // The sending day only when a day filter asks (formatting a date is not free).
            const day = swedishDay(Date.parse(row.sentAt));
            if (filter.sentFrom !== undefined && day < filter.sentFrom) continue;
            if (filter.sentTo !== undefined && day > filter.sentTo) continue;
          }
          if (
            needle !== '' &&
            !name.toLocaleLowerCase('sv-SE').includes(needle) &&
            !patient.identityNumber.includes(needle)
          ) {
            continue;
          }
          rows.push(row);
          sortNames.set(row.threadId, patientSortName(patient));
        }
        const collator = new Intl.Collator('sv');
        const compare = compareRows(
          body.sort,
          collator,
          (row) => sortNames.get(row.threadId) ?? row.patient.name,
        );
        rows.sort(body.order === 'desc' ? (a, b) => compare(b, a) : compare);
        const start = (body.page - 1) * body.pageSize;
        return jsonResponse(inboxResponseSchema, {
          items: rows.slice(start, start + body.pageSize),
          total: rows.length,
          page: body.page,
          pageSize: body.pageSize,
          signers: [...signers]
            .map(([id, name]) => ({ id, name }))
            .sort((a, b) => collator.compare(a.name, b.name)),
        });
      });
    }),

    /** The certificate's dialogue panel: its threads, newest first, each with its actions. */
    certificateRead(
      db,
      endpoints.listCertificateThreads,
      async ({ tx, auth, record, patient, definition }) => {
        const threads = await tx.threads.getAllByIndex('by-certificate', { equals: record.id });
        threads.sort((a, b) => b.sentAt.localeCompare(a.sentAt));
        const complements = await loadComplements(tx, record.id);
        return jsonResponse(certificateThreadsResponseSchema, {
          threads: threads.map((thread) =>
            presentThread({ thread, certificate: record, patient, definition, complements }, auth),
          ),
        });
      },
    ),

    /** Care asks FK an administrative question about a sent certificate. */
    serve(
      db,
      endpoints.startThread,
      { access: (input) => certificateAuthority(input) },
      async ({ params, auth, body }) => {
        const definitions = await loadDefinitions();
        return db.write(async (tx) => {
          const certificate = await tx.certificates.get(params.id);
          const patient =
            certificate === undefined ? undefined : await tx.patients.get(certificate.patientId);
          if (certificate === undefined || patient === undefined) return noSuchCertificate();
          const definition = definitionOf(definitions, certificate);
          const complements = await loadComplements(tx, certificate.id);
          const started = startThread(
            certificate,
            body,
            { patient, definition, complements },
            commandContext(auth),
          );
          if (isRejection(started)) return rejectionResponse(started);
          await persist(tx, auth, { threads: [started.thread], audit: started.audit });
          const { thread } = started;
          return respondThread(
            { thread, certificate, patient, definition, complements },
            auth,
            201,
          );
        });
      },
    ),

    /** The unit's unsent answer, saved as it is typed; an empty text removes it. */
    threadAction(db, endpoints.saveAnswerDraft, { action: () => 'answer' }, async (context) =>
      storeThread(context, saveAnswerDraft(context.thread, context.body.text, context.command)),
    ),

    /** Answering FK's question sends the answer and handles the thread. */
    threadAction(db, endpoints.answerThread, { action: () => 'answer' }, async (context) => {
      const { thread, body, patient, command } = context;
      return storeThread(context, answerThread(thread, body.text, patient, command));
    }),

    /** Handled, or (an administrative question) not handled again. */
    threadAction(
      db,
      endpoints.setThreadHandled,
      {
        action: (body) => (body.handled ? 'mark-handled' : 'reopen'),
      },
      async (context) => {
        const { thread, body, patient, command } = context;
        return storeThread(context, setThreadHandled(thread, body.handled, patient, command));
      },
    ),

    /** Forwarding happens by e-mail outside the service; this records that it was done. */
    threadAction(db, endpoints.setThreadForwarded, { action: () => 'forward' }, async (context) =>
      storeThread(context, forwardThread(context.thread, context.patient)),
    ),

    /**
     * "Komplettera": the consent to complementing is recorded first (FK requires it), then a
     * complementing draft linked to the original is made. While one is begun, the thread's
     * action leads to it (complementedBy) and a second is refused.
     */
    threadAction(
      db,
      endpoints.complementCertificate,
      {
        action: () => 'complement',
        prepare: (auth) => validationFor(services, auth.now),
      },
      async (context) => {
        const { tx, auth, body, certificate, patient, prepared, command } = context;
        const threads = await tx.threads.getAllByIndex('by-certificate', {
          equals: certificate.id,
        });
        const made = complementFromThread(context, body, threads, prepared, command);
        if (isRejection(made)) return rejectionResponse(made);
        return storeDraft(tx, auth, patient, made);
      },
    ),

    /** "Kan ej komplettera": a message answers every open complement request and handles it. */
    threadAction(
      db,
      endpoints.cannotComplement,
      { action: () => 'cannot-complement' },
      async (context) => {
        const { tx, auth, body, certificate, patient, definition, complements, command } = context;
        const all = await tx.threads.getAllByIndex('by-certificate', { equals: certificate.id });
        const answered = cannotComplement(all, body, { certificate, patient }, command);
        await persist(tx, auth, { threads: answered.changed, audit: answered.audit });
        const threads = [...answered.threads].sort((a, b) => b.sentAt.localeCompare(a.sentAt));
        return jsonResponse(certificateThreadsResponseSchema, {
          threads: threads.map((thread) =>
            presentThread({ thread, certificate, patient, definition, complements }, auth),
          ),
        });
      },
    ),
  ];
}

/** Stores what a command on one thread returned and answers with the thread as it is now. */
async function storeThread<B, P>(
  context: ThreadActionContext<B, P>,
  outcome: ThreadOutcome,
): Promise<Response> {
  const { tx, auth } = context;
  await persist(tx, auth, { threads: [outcome.thread], audit: outcome.audit });
  return respondThread({ ...context, thread: outcome.thread }, auth);
}
