// Holds change streams for `npm run bench:change-streams`, in a process of its own (forked with
// an IPC channel): opens GET /api/changes for each (server, session) it is given, tells the
// parent when all of them said `ready`, and for each certificate version it is asked to watch
// reports when every stream received that notice (wall-clock milliseconds with sub-millisecond
// resolution, comparable across processes on one machine).
import { z } from 'zod';
import {
  CHANGE_EVENT,
  FEED_READY_EVENT,
  changeNoticeSchema,
} from '../../src/contracts/change-notices';

export const streamJobSchema = z.object({
  streams: z.array(z.object({ url: z.string(), token: z.string() })),
});
export type StreamJob = z.infer<typeof streamJobSchema>;

export const clientMessageSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('ready'), streams: z.number() }),
  z.object({ type: z.literal('failed'), message: z.string() }),
  z.object({
    type: z.literal('arrived'),
    certificateId: z.string(),
    version: z.number(),
    /** Per stream, in the job's order: when the notice arrived. */
    times: z.array(z.number()),
  }),
]);
export type ClientMessage = z.infer<typeof clientMessageSchema>;

const now = () => performance.timeOrigin + performance.now();
const send = (message: ClientMessage) => process.send?.(message);

/** Arrival times per notice (certificate id and version), one slot per stream. */
const arrivals = new Map<string, { certificateId: string; version: number; times: number[] }>();
let streamCount = 0;
const controller = new AbortController();

function arrived(index: number, certificateId: string, version: number): void {
  const key = `${certificateId}@${String(version)}`;
  let entry = arrivals.get(key);
  if (entry === undefined) {
    entry = {
      certificateId,
      version,
      times: Array.from({ length: streamCount }, () => Number.NaN),
    };
    arrivals.set(key, entry);
  }
  if (Number.isNaN(entry.times[index])) entry.times[index] = now();
  if (entry.times.every((time) => !Number.isNaN(time))) {
    send({ type: 'arrived', certificateId, version, times: entry.times });
    arrivals.delete(key);
  }
}

async function follow(
  index: number,
  stream: { url: string; token: string },
  onReady: () => void,
): Promise<void> {
  const response = await fetch(`${stream.url}/api/changes`, {
    headers: { authorization: `Bearer ${stream.token}`, accept: 'text/event-stream' },
    signal: controller.signal,
  });
  if (response.status !== 200 || response.body === null) {
    throw new Error(`stream ${String(index)}: ${String(response.status)}`);
  }
  const decoder = new TextDecoder();
  let buffer = '';
  for await (const chunk of response.body) {
    buffer += decoder.decode(chunk, { stream: true });
    let end = buffer.indexOf('\n\n');
    while (end >= 0) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      end = buffer.indexOf('\n\n');
      const name = /^event: (.*)$/m.exec(block)?.[1];
      const data = /^data: (.*)$/m.exec(block)?.[1];
      if (name === FEED_READY_EVENT) onReady();
      if (name === CHANGE_EVENT && data !== undefined) {
        const notice = changeNoticeSchema.parse(JSON.parse(data));
        if (notice.kind === 'certificate' && notice.version !== undefined) {
          arrived(index, notice.certificateId, notice.version);
        }
      }
    }
  }
}

process.once('message', (message: unknown) => {
  const job = streamJobSchema.parse(message);
  streamCount = job.streams.length;
  let ready = 0;
  const onReady = () => {
    ready += 1;
    if (ready === streamCount) send({ type: 'ready', streams: streamCount });
  };
  job.streams.forEach((stream, index) => {
    follow(index, stream, onReady).catch((error: unknown) => {
      if (controller.signal.aborted) return;
      send({ type: 'failed', message: error instanceof Error ? error.message : String(error) });
    });
  });
});

process.once('SIGTERM', () => {
  controller.abort();
  process.exit(0);
});
