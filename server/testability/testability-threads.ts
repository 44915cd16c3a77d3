import { apiErrorCodes } from '../../src/contracts/common';
import { endpoints } from '../../src/contracts/endpoints';
import {
  bulkThreadsResponseSchema,
  storedThreadsResponseSchema,
} from '../../src/contracts/testability';

import type { Database } from '../store/store';
import { fkOfficers } from '../seed/seed-data';
import { addDays } from '../../src/form-engine';
import { swedishDay } from '../domain/clock';
import { complementableQuestions } from '../domain/threads';
import { servePublic } from '../http/guard';
import { receiveFkMessage, type FkMessage } from '../simulators/fk-simulator';
import { errorResponse, jsonResponse, loadSettings, nowFor } from '../http/support';
import {
  loadDefinitions,
  loadThreadContext,
  presentStoredThread,
  threadHandlerMessages,
} from '../http/thread-support';

/**
 * The testers' side of the dialogue (embedded backend only): FK's messages sent without
 * logging in to the FK simulator, as the first case officer, and a certificate's threads
 * read back as stored.
 */
export function testabilityThreadHandlers(db: Database) {
  const [officer] = fkOfficers;
  if (officer === undefined) throw new Error('The seed has no FK case officer');
  return [
    servePublic(endpoints.sendTestFkMessage, async ({ body, params: { id } }) => {
      const definitions = await loadDefinitions();
      return db.write(async (tx) => {
        const now = nowFor(await loadSettings(tx));
        return receiveFkMessage(tx, definitions, id, body, officer, now);
      });
    }),

    /**
     * Fills the inbox for benchmarks: FK's questions round the unit's sent certificates, as
     * the FK simulator would send them (each checked by the same rules), in one transaction.
     */
    servePublic(endpoints.createBulkThreads, async ({ body }) => {
      const { count } = body;
      const definitions = await loadDefinitions();
      const created = await db.write(async (tx) => {
        const now = nowFor(await loadSettings(tx));
        const today = swedishDay(now);
        const sent = (await tx.certificateRows.getAll()).filter(
          (row) => row.status === 'signed' && row.sent !== undefined,
        );
        // Complement requests go to certificates with questions FK may ask to complement.
        const complementable = sent.filter((row) => {
          return complementableQuestions(definitions.current(row.type)).length > 0;
        });
        // Questions go to certificates whose type lets FK ask them.
        const askable = sent.filter(
          (row) => definitions.current(row.type).policy.fkMayAskQuestions,
        );
        let made = 0;
        for (let index = 0; made < count && index < count * 2 && sent.length > 0; index += 1) {
          // Round each pool in turn (the complement requests come every fourth question).
          const complement =
            bulkTopics[index % bulkTopics.length] === 'KOMPLT' && complementable.length > 0;
          const certificate = complement
            ? complementable[Math.floor(index / bulkTopics.length) % complementable.length]
            : askable[index % askable.length];
          const definition =
            certificate === undefined ? undefined : definitions.current(certificate.type);
          if (certificate === undefined || definition === undefined) break;
          const message = bulkQuestion(index, today, complementableQuestions(definition)[0]);
          const answer = await receiveFkMessage(
            tx,
            definitions,
            certificate.id,
            message,
            officer,
            now,
          );
          if (answer.status !== 201) continue;
          made += 1;
          if (index % 5 === 0) {
            // Found by FK's message id: reading the response's body would let the IndexedDB
            // transaction commit before the reminder is written.
            const [thread] = await tx.threads.getAllByIndex('by-message-id', {
              equals: message.messageId,
            });
            if (thread === undefined) continue;
            await receiveFkMessage(
              tx,
              definitions,
              certificate.id,
              { kind: 'reminder', threadId: thread.id, text: 'Vi har inte fått något svar än.' },
              officer,
              now,
            );
          }
        }
        return made;
      });
      return jsonResponse(bulkThreadsResponseSchema, { created }, 201);
    }),

    servePublic(endpoints.listStoredThreads, async ({ params: { id } }) => {
      const definitions = await loadDefinitions();
      return db.read(async (tx) => {
        const certificate = await tx.certificates.get(id);
        if (certificate === undefined) {
          return errorResponse(
            404,
            apiErrorCodes.notFound,
            threadHandlerMessages.certificateNotFound,
          );
        }
        const today = swedishDay(nowFor(await loadSettings(tx)));
        const threads = await tx.threads.getAllByIndex('by-certificate', { equals: id });
        threads.sort((a, b) => a.sentAt.localeCompare(b.sentAt));
        const presented = [];
        for (const thread of threads) {
          const context = await loadThreadContext(tx, thread, definitions);
          if (context instanceof Response) return context;
          presented.push(presentStoredThread(context, today));
        }
        return jsonResponse(storedThreadsResponseSchema, { threads: presented });
      });
    }),
  ];
}

const bulkTopics = ['KOMPLT', 'KONTKT', 'AVSTMN', 'OVRIGT'] as const;
/** Days from today to the last day to answer: overdue, soon, later, or none. */
const bulkDueDays = [-3, 1, 2, 10, 25, undefined] as const;

/** The benchmark's index-th question from FK: topics and last days in turn. */
function bulkQuestion(
  index: number,
  today: string,
  complementable: { questionId: string } | undefined,
): FkMessage & { kind: 'question'; messageId: string } {
  const topic = bulkTopics[index % bulkTopics.length] ?? 'OVRIGT';
  const days = bulkDueDays[index % bulkDueDays.length];
  const lastDateToReply = days === undefined ? undefined : addDays(today, days);
  const question = {
    kind: 'question' as const,
    messageId: `bulk-${crypto.randomUUID()}`,
    text: `Fråga ${String(index + 1)} från Försäkringskassan.`,
    ...(lastDateToReply === undefined ? {} : { lastDateToReply }),
  };
  if (topic !== 'KOMPLT') return { ...question, topic, complements: [] };
  // A type without a question FK may ask to complement gets an "Övrigt" question instead.
  if (complementable === undefined) return { ...question, topic: 'OVRIGT', complements: [] };
  return {
    ...question,
    topic,
    complements: [{ questionId: complementable.questionId, instruction: 'Förtydliga, tack.' }],
  };
}
