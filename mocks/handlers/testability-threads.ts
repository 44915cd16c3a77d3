import { apiErrorCodes } from '../../src/contracts/common';
import { endpoints } from '../../src/contracts/endpoints';
import { fkMessageRequestSchema } from '../../src/contracts/fk';
import { storedThreadsResponseSchema } from '../../src/contracts/testability';
import type { Database } from '../db/database';
import { fkOfficers } from '../builders/seed-data';
import { swedishDay } from '../domain/clock';
import { handle } from './endpoint';
import { receiveFkMessage } from './fk-simulator';
import { errorResponse, jsonResponse, loadSettings, nowFor, parseJsonBody } from './support';
import {
  loadDefinitions,
  loadThreadContext,
  presentStoredThread,
  threadHandlerMessages,
} from './thread-support';

/**
 * The testers' side of the dialogue (embedded backend only): FK's messages sent without
 * logging in to the FK simulator, as the first case officer, and a certificate's threads
 * read back as stored.
 */
export function testabilityThreadHandlers(db: Database) {
  const [officer] = fkOfficers;
  if (officer === undefined) throw new Error('The seed has no FK case officer');
  return [
    handle(endpoints.sendTestFkMessage, async ({ request, params }) => {
      const id = typeof params.id === 'string' ? params.id : '';
      const body = await parseJsonBody(request, fkMessageRequestSchema);
      if (!body.ok) return body.response;
      const definitions = await loadDefinitions();
      return db.write(async (tx) => {
        const now = nowFor(await loadSettings(tx));
        return receiveFkMessage(tx, definitions, id, body.data, officer, now);
      });
    }),

    handle(endpoints.listStoredThreads, async ({ params }) => {
      const id = typeof params.id === 'string' ? params.id : '';
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
        const threads = await tx.threads.getAllByIndex('by-certificate', id);
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
