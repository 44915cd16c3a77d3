import { endpoints } from '../../src/contracts/endpoints';
import {
  operatingMessagesResponseSchema,
  type OperatingMessage,
} from '../../src/contracts/operating-messages';
import { messagesInForce } from '../domain/operating-messages';
import type { Database } from '../store/store';
import { servePublic } from './guard';
import { jsonResponse, loadSettings, nowFor } from './support';

/**
 * GET /api/operating-messages (public, so that the log-in page shows them too): the messages
 * in force by the backend's clock (which testers move), from the server's configuration
 * (`configured`) and from the testability API (kept in the store's settings).
 */
export function operatingMessageHandlers(db: Database, configured: readonly OperatingMessage[]) {
  return [
    servePublic(endpoints.getOperatingMessages, () =>
      db.read(async (tx) => {
        const settings = await loadSettings(tx);
        const all = [...configured, ...(settings.operatingMessages ?? [])];
        return jsonResponse(operatingMessagesResponseSchema, {
          messages: messagesInForce(all, nowFor(settings)),
        });
      }),
    ),
  ];
}

/** POST /api/testability/operating-messages: replaces the testers' messages (until a reset). */
export function testabilityOperatingMessageHandlers(db: Database) {
  return [
    servePublic(endpoints.setOperatingMessages, ({ body }) =>
      db.write(async (tx) => {
        const settings = await loadSettings(tx);
        await tx.settings.put({ ...settings, operatingMessages: body.messages });
        return jsonResponse(operatingMessagesResponseSchema, { messages: body.messages });
      }),
    ),
  ];
}
