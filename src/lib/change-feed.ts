import type { QueryClient } from '@tanstack/react-query';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { CHANGE_EVENT, changeNoticeSchema } from '../contracts/change-notices';
import { openEventStream } from './api-client';
import { invalidateFor, queryKeys } from './query-keys';
import type { LiveSession } from './session-store';

/**
 * Listens to the backend's change feed (`GET /api/changes`, server-sent events) with one
 * principal's session, and marks stale what each notice names, so that a question FK sends,
 * a colleague's signing or another tab's draft shows here without a reload. Read with fetch,
 * not EventSource, so that the session travels as on every call (the principal's header, and
 * the token in the Authorization header where there is one).
 * It reconnects after a lost connection (reading everything again, since notices may have
 * been missed meanwhile) and stops when the session is refused.
 */

const RETRY_MIN_MS = 1_000;
const RETRY_MAX_MS = 30_000;

/** One event of a text/event-stream: its name and its data (joined lines). */
interface StreamEvent {
  name: string;
  data: string;
}

/** Splits a stream's text into complete events; returns them and the unfinished rest. */
export function parseEvents(buffer: string): { events: StreamEvent[]; rest: string } {
  const events: StreamEvent[] = [];
  const blocks = buffer.replace(/\r\n?/g, '\n').split('\n\n');
  const rest = blocks.pop() ?? '';
  for (const block of blocks) {
    let name = 'message';
    const data: string[] = [];
    for (const line of block.split('\n')) {
      if (line.startsWith(':')) continue;
      const colon = line.indexOf(':');
      const field = colon === -1 ? line : line.slice(0, colon);
      const value = colon === -1 ? '' : line.slice(colon + 1).replace(/^ /, '');
      if (field === 'event') name = value;
      else if (field === 'data') data.push(value);
    }
    if (data.length > 0) events.push({ name, data: data.join('\n') });
  }
  return { events, rest };
}

function versionOf(data: unknown): number | undefined {
  if (typeof data !== 'object' || data === null || !('version' in data)) return undefined;
  return typeof data.version === 'number' ? data.version : undefined;
}

/** What one notice from the feed makes stale in this tab. */
export function applyNotice(queryClient: QueryClient, data: unknown): void {
  const parsed = changeNoticeSchema.safeParse(data);
  if (!parsed.success) return;
  const notice = parsed.data;
  invalidateFor(queryClient, notice);
  if (notice.kind !== 'certificate') return;
  // A certificate this tab already holds at that version (its own save) is not stale.
  const cached = versionOf(queryClient.getQueryData(queryKeys.certificate(notice.certificateId)));
  if (cached !== undefined && notice.version !== undefined && cached >= notice.version) return;
  void queryClient.invalidateQueries({
    queryKey: queryKeys.certificate(notice.certificateId),
    refetchType: 'none',
  });
}

/** After a gap in the feed: everything a notice could have named is read again. */
function afterGap(queryClient: QueryClient): void {
  invalidateFor(queryClient, { kind: 'threads' });
  void queryClient.invalidateQueries({ queryKey: queryKeys.certificateLists });
  void queryClient.invalidateQueries({ queryKey: queryKeys.portal });
}

/**
 * Opens the feed with the session `readSession` gives, for as long as it gives one; returns
 * the function that closes it.
 */
export function openChangeFeed(
  queryClient: QueryClient,
  readSession: () => LiveSession | undefined,
): () => void {
  let closed = false;
  let controller: AbortController | undefined;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;
  let delay = RETRY_MIN_MS;
  let connectedBefore = false;

  const retry = () => {
    if (closed) return;
    retryTimer = setTimeout(() => void connect(), delay);
    delay = Math.min(delay * 2, RETRY_MAX_MS);
  };

  async function connect(): Promise<void> {
    const session = readSession();
    if (closed || session === undefined) return;
    controller = new AbortController();
    try {
      const response = await openEventStream('subscribeToChanges', {
        session,
        signal: controller.signal,
      });
      // Refused: the session is over (the pages say so); a new log-in opens a new feed.
      if (response.status === 401 || response.status === 403) return;
      if (!response.ok || response.body === null) {
        retry();
        return;
      }
      const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
      let buffer = '';
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        buffer += value;
        const { events, rest } = parseEvents(buffer);
        buffer = rest;
        for (const event of events) {
          if (event.name === CHANGE_EVENT) {
            try {
              applyNotice(queryClient, JSON.parse(event.data));
            } catch {
              // Not JSON: not a notice this client understands.
            }
          } else if (connectedBefore) {
            afterGap(queryClient);
          }
          if (event.name !== CHANGE_EVENT) {
            connectedBefore = true;
            delay = RETRY_MIN_MS;
          }
        }
      }
      retry();
    } catch {
      // Aborted on purpose, or the connection was lost: try again unless closed.
      retry();
    }
  }

  void connect();
  return () => {
    closed = true;
    controller?.abort();
    if (retryTimer !== undefined) clearTimeout(retryTimer);
  };
}

/** Keeps the feed open with `session` while this component is mounted and there is one. */
export function useChangeFeed(session: LiveSession | undefined, scope?: string): void {
  const queryClient = useQueryClient();
  const kind = session?.kind;
  const id = session?.id;
  const token = session?.token;
  useEffect(() => {
    if (kind === undefined || id === undefined) return;
    // A new scope (the session's care unit switched) listens afresh, as the new unit.
    const live: LiveSession = { kind, id, token, unit: scope };
    return openChangeFeed(queryClient, () => live);
  }, [queryClient, kind, id, token, scope]);
}
