import { Client, Pool } from 'pg';
import { z } from 'zod';
import { feedNoticeSchema, type ChangeHub, type FeedNotice } from '../http/change-feed';

/**
 * The change feed across server processes on one PostgreSQL: each process publishes its own
 * commits' notices to its own streams at once, and sends them with NOTIFY; every process
 * LISTENs and publishes what the others sent. A notice is sent after its transaction has
 * committed; should a process stop in between, the clients still catch up, as they reread
 * their lists whenever their stream reconnects.
 */

export const CHANGE_CHANNEL = 'intyga_changes';

/** NOTIFY's payload must stay under 8,000 bytes; notices go in batches well below it. */
const MAX_PAYLOAD_CHARS = 7_000;

const messageSchema = z.object({ origin: z.string(), notices: z.array(feedNoticeSchema) });

export interface ChangeRelay {
  /** Publishes this process's notices: to its own streams, and to every other process. */
  publish(notices: readonly FeedNotice[]): void;
  close(): Promise<void>;
}

/** The notices in batches whose JSON stays under NOTIFY's limit. */
export function payloadsOf(origin: string, notices: readonly FeedNotice[]): string[] {
  const payloads: string[] = [];
  let batch: FeedNotice[] = [];
  const encode = (items: FeedNotice[]) => JSON.stringify({ origin, notices: items });
  for (const notice of notices) {
    if (batch.length > 0 && encode([...batch, notice]).length > MAX_PAYLOAD_CHARS) {
      payloads.push(encode(batch));
      batch = [];
    }
    batch.push(notice);
  }
  if (batch.length > 0) payloads.push(encode(batch));
  return payloads;
}

export async function openPostgresChangeRelay(
  databaseUrl: string,
  hub: ChangeHub,
  log: (line: string) => void = console.error,
): Promise<ChangeRelay> {
  const origin = crypto.randomUUID();
  const senders = new Pool({
    connectionString: databaseUrl,
    max: 2,
    application_name: 'intyga-notify',
  });
  senders.on('error', () => undefined);
  let listener: Client | undefined;
  let closed = false;
  let retry: ReturnType<typeof setTimeout> | undefined;

  const received = (payload: string | undefined) => {
    if (payload === undefined) return;
    let json: unknown;
    try {
      json = JSON.parse(payload);
    } catch {
      return;
    }
    const message = messageSchema.safeParse(json);
    if (message.success && message.data.origin !== origin) hub.publish(message.data.notices);
  };

  // The listening connection is one of its own, kept open; when it drops (a database
  // restart) it is opened again with a pause, and the streams lose nothing they cannot reread.
  const listen = async (): Promise<void> => {
    const client = new Client({ connectionString: databaseUrl, application_name: 'intyga-listen' });
    client.on('notification', (message) => received(message.payload));
    client.on('error', () => reconnect(client));
    client.on('end', () => reconnect(client));
    await client.connect();
    await client.query(`LISTEN ${CHANGE_CHANNEL}`);
    listener = client;
  };
  let warned = false;
  const scheduleListen = (delayMs: number) => {
    retry = setTimeout(() => {
      listen().then(
        () => {
          warned = false;
        },
        () => {
          if (!warned)
            log('Ändringsflödet mellan serverprocesser når inte databasen; försöker igen.');
          warned = true;
          if (!closed) scheduleListen(1_000);
        },
      );
    }, delayMs);
  };
  const reconnect = (client: Client) => {
    if (closed || listener !== client) return;
    listener = undefined;
    client.end().catch(() => undefined);
    scheduleListen(250);
  };
  await listen();

  return {
    publish(notices) {
      if (notices.length === 0) return;
      hub.publish(notices);
      for (const payload of payloadsOf(origin, notices)) {
        senders.query('SELECT pg_notify($1, $2)', [CHANGE_CHANNEL, payload]).catch(() => {
          // The other processes' clients reread when their streams reconnect.
        });
      }
    },
    async close() {
      closed = true;
      if (retry !== undefined) clearTimeout(retry);
      await listener?.end().catch(() => undefined);
      await senders.end();
    },
  };
}
