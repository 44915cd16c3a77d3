import { z } from 'zod';
import {
  CHANGE_EVENT,
  FEED_READY_EVENT,
  type ChangeNotice,
} from '../../src/contracts/change-notices';
import { endpoints } from '../../src/contracts/endpoints';
import type { CommitLog, Database } from '../store/store';
import { serve } from './guard';
import type { ApiRoute } from './route';
import { loadSettings, nowFor, sessionEndReason } from './support';

/**
 * The change feed (`GET /api/changes`): every committed write becomes notices, each with the
 * audience that may hear of it, published to a hub; each open stream hears the notices its
 * session's principal may see. In the browser the hub of each tab is fed by its own commits
 * and, through a BroadcastChannel, by the other tabs' (mocks/browser.ts); on the Node server
 * by this process's commits and, through the database, by the other processes'.
 */

/** Who may hear of a change: a care unit's users, Försäkringskassan, one patient. */
export interface Audience {
  unitHsaId?: string | undefined;
  patientId?: string | undefined;
  fk: boolean;
}

export interface FeedNotice {
  notice: ChangeNotice;
  audience: Audience;
}

export const feedNoticeSchema: z.ZodType<FeedNotice> = z.object({
  notice: z.discriminatedUnion('kind', [
    z.object({
      kind: z.literal('certificate'),
      certificateId: z.string(),
      patientId: z.string(),
      version: z.number().int().optional(),
    }),
    z.object({ kind: z.literal('work-counts') }),
    z.object({ kind: z.literal('threads'), certificateId: z.string().optional() }),
  ]),
  audience: z.object({
    unitHsaId: z.string().optional(),
    patientId: z.string().optional(),
    fk: z.boolean(),
  }),
});

/** The fields of a stored record the feed reads; the record was parsed when it was put. */
const certificateFields = z.object({
  id: z.string(),
  unitHsaId: z.string(),
  patientId: z.string(),
  version: z.number().int(),
  status: z.string(),
  sent: z.unknown().optional(),
});
const threadFields = z.object({
  certificateId: z.string(),
  unitHsaId: z.string(),
});

/** The notices a committed write makes: one per certificate and per certificate's threads. */
export function noticesOf(log: CommitLog): FeedNotice[] {
  const certificates = new Map<string, FeedNotice>();
  const threads = new Map<string, FeedNotice>();
  for (const put of log.puts) {
    if (put.collection === 'certificates') {
      const record = certificateFields.safeParse(put.record);
      if (!record.success) continue;
      const { id, unitHsaId, patientId, version, status, sent } = record.data;
      // A patient sees their signed certificates only; FK what it was sent.
      const drafted = status === 'draft' || status === 'locked-draft';
      certificates.set(id, {
        notice: { kind: 'certificate', certificateId: id, patientId, version },
        audience: {
          unitHsaId,
          patientId: drafted ? undefined : patientId,
          fk: sent !== undefined,
        },
      });
    } else if (put.collection === 'threads') {
      const record = threadFields.safeParse(put.record);
      if (!record.success) continue;
      const { certificateId, unitHsaId } = record.data;
      threads.set(certificateId, {
        notice: { kind: 'threads', certificateId },
        audience: { unitHsaId, fk: true },
      });
    }
  }
  const notices = [...certificates.values(), ...threads.values()];
  // A reset or a seed rewrites whatever it likes: everyone reads their counts again.
  if (notices.length === 0 && log.collections.has('settings')) {
    notices.push({ notice: { kind: 'work-counts' }, audience: { fk: true } });
  }
  return notices;
}

type Listener = (notices: readonly FeedNotice[]) => void;

/** The notices of this home, handed to every open stream of it. */
export class ChangeHub {
  private readonly listeners = new Set<Listener>();

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  publish(notices: readonly FeedNotice[]): void {
    if (notices.length === 0) return;
    for (const listener of this.listeners) listener(notices);
  }

  get size(): number {
    return this.listeners.size;
  }
}

type Principal =
  { kind: 'care'; unitHsaId: string } | { kind: 'fk' } | { kind: 'patient'; patientId: string };

function hears(principal: Principal, audience: Audience): boolean {
  switch (principal.kind) {
    case 'care':
      return audience.unitHsaId === principal.unitHsaId;
    case 'fk':
      return audience.fk;
    case 'patient':
      return audience.patientId === principal.patientId;
  }
}

/** How often the stream says it is alive, and checks that its session still is. */
export const KEEP_ALIVE_MS = 15_000;

const encoder = new TextEncoder();
const event = (name: string, data: unknown) =>
  encoder.encode(`event: ${name}\ndata: ${JSON.stringify(data)}\n\n`);

export function changeFeedRoutes(db: Database, hub: ChangeHub): ApiRoute[] {
  return [
    serve(db, endpoints.subscribeToChanges, { touch: false }, ({ request, auth }) => {
      const { session } = auth;
      const principal: Principal =
        auth.principal === 'care'
          ? { kind: 'care', unitHsaId: auth.unit.hsaId }
          : auth.principal === 'fk'
            ? { kind: 'fk' }
            : { kind: 'patient', patientId: auth.patient.id };
      let stop: () => void = () => undefined;
      const body = new ReadableStream<Uint8Array>({
        start(controller) {
          let open = true;
          const close = () => {
            if (!open) return;
            open = false;
            unsubscribe();
            clearInterval(timer);
            request.signal.removeEventListener('abort', close);
            try {
              controller.close();
            } catch {
              // Already closed by the reader.
            }
          };
          const unsubscribe = hub.subscribe((notices) => {
            for (const { notice, audience } of notices) {
              if (open && hears(principal, audience))
                controller.enqueue(event(CHANGE_EVENT, notice));
            }
          });
          const timer = setInterval(() => {
            void db
              .read(async (tx) => {
                const stored = await tx.sessions.get(session.id);
                if (stored === undefined) return false;
                const settings = await loadSettings(tx);
                return sessionEndReason(stored, settings, nowFor(settings)) === undefined;
              })
              .then(
                (alive) => {
                  if (!alive) close();
                  else if (open) controller.enqueue(encoder.encode(': alive\n\n'));
                },
                () => close(),
              );
          }, KEEP_ALIVE_MS);
          request.signal.addEventListener('abort', close);
          stop = close;
          controller.enqueue(encoder.encode(`retry: 3000\n\n`));
          controller.enqueue(event(FEED_READY_EVENT, {}));
        },
        cancel() {
          stop();
        },
      });
      return Promise.resolve(
        new Response(body, {
          status: 200,
          headers: {
            'content-type': 'text/event-stream; charset=utf-8',
            'cache-control': 'no-store',
            'x-accel-buffering': 'no',
          },
        }),
      );
    }),
  ];
}
