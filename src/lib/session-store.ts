import { useEffect, useSyncExternalStore } from 'react';
import { useQueryClient, type QueryClient, type QueryKey } from '@tanstack/react-query';
import { z } from 'zod';
import { principalKindSchema, type PrincipalKind } from '../contracts/common';
import { parseStoredJson } from './stored-json';

/**
 * One log-in per browser, not per tab. Each principal's session — the care user's, the FK
 * simulator's case officer's, the Mina intyg patient's — is kept in localStorage, which every
 * tab of the browser shares, under a key of its own: a link opened in a new tab is logged in,
 * and a tester may be logged in as a care user and as FK side by side. What is kept depends on
 * the transport:
 * - with the Node server the token lives in an HttpOnly cookie that no script can read (the
 *   log-in answers without it), and only a marker is kept here: that a session is live, and
 *   which log-in it is;
 * - the embedded backend (MSW in a service worker) cannot set an HttpOnly cookie, so the token
 *   itself is kept here and sent in the Authorization header.
 * A session that ends is not just removed: its end and the reason are written, so that the
 * other tabs, which hear of it through the `storage` event, end it too and show the right page.
 * The token is never put in a URL or a log.
 */

const keyPrefix = 'intyga.session.';
const kinds = principalKindSchema.options;
const keyOf = (kind: PrincipalKind) => `${keyPrefix}${kind}`;

export const sessionEndReasons = ['logged-out', 'expired', 'unauthenticated'] as const;
/** Why a session ended: logged out, ended by the server (idle or 12 h), or refused (401). */
export type SessionEndReason = (typeof sessionEndReasons)[number];

/** A live session of one principal, as a request carries it. */
export interface LiveSession {
  kind: PrincipalKind;
  /** This log-in, told apart from the next one (not the token, not secret). */
  id: string;
  /** The bearer token; absent when the session travels in an HttpOnly cookie. */
  token?: string | undefined;
  /** The care unit's HSA id, once chosen (a care user's session). */
  unit?: string | undefined;
}

const storedSchema = z.discriminatedUnion('state', [
  z.object({
    state: z.literal('live'),
    id: z.string().min(1),
    token: z.string().min(16).optional(),
    /** The care unit the session works at, once chosen: other tabs follow a switch. */
    unit: z.string().min(1).optional(),
  }),
  z.object({ state: z.literal('ended'), id: z.string().min(1), reason: z.enum(sessionEndReasons) }),
]);
type Stored = z.infer<typeof storedSchema>;

/** Where the sessions live when localStorage cannot be used: this tab, until it reloads. */
const fallback = new Map<string, string>();

function readRaw(key: string): string | null {
  try {
    return window.localStorage.getItem(key);
  } catch {
    return fallback.get(key) ?? null;
  }
}

function writeRaw(key: string, value: string | undefined): void {
  try {
    if (value === undefined) window.localStorage.removeItem(key);
    else window.localStorage.setItem(key, value);
  } catch {
    if (value === undefined) fallback.delete(key);
    else fallback.set(key, value);
  }
}

/** A stored value, or undefined when there is none or it is not one (never trusted unread). */
function parse(raw: string | null): Stored | undefined {
  return parseStoredJson(storedSchema, raw);
}

function liveOf(kind: PrincipalKind, stored: Stored | undefined): LiveSession | undefined {
  if (stored?.state !== 'live') return undefined;
  return { kind, id: stored.id, token: stored.token, unit: stored.unit };
}

/** The principal's live session in this browser, if any. */
export function readSession(kind: PrincipalKind): LiveSession | undefined {
  return liveOf(kind, parse(readRaw(keyOf(kind))));
}

/** True while `session` is its principal's live session in this browser. */
export function isCurrentSession(session: LiveSession): boolean {
  return readSession(session.kind)?.id === session.id;
}

/**
 * Keeps a new log-in as the principal's session in every tab: with its token, or without one
 * when the server keeps it in a cookie.
 */
export function startSession(kind: PrincipalKind, token: string | undefined): LiveSession {
  const id = crypto.randomUUID();
  const stored: Stored = token === undefined ? { state: 'live', id } : { state: 'live', id, token };
  writeRaw(keyOf(kind), JSON.stringify(stored));
  return { kind, id, token };
}

/**
 * Records the care unit the live session now works at, so that every tab of the browser
 * follows a unit chosen or switched in one of them.
 */
export function setSessionUnit(kind: PrincipalKind, unit: string): void {
  const stored = parse(readRaw(keyOf(kind)));
  if (stored?.state !== 'live' || stored.unit === unit) return;
  writeRaw(keyOf(kind), JSON.stringify({ ...stored, unit }));
}

/**
 * Ends the principal's session in every tab and answers the session that ended (a log-out
 * still sends it to the server), or undefined when there was none. From now on a refusal of
 * a request that carried it is the expected end of that session, not news.
 */
export function endSession(kind: PrincipalKind, reason: SessionEndReason): LiveSession | undefined {
  const live = readSession(kind);
  if (live === undefined) return undefined;
  const ended: Stored = { state: 'ended', id: live.id, reason };
  writeRaw(keyOf(kind), JSON.stringify(ended));
  return live;
}

/** What another tab did to a principal's session. */
export interface SessionChange {
  kind: PrincipalKind;
  /** The session now live, if any (a log-in in the other tab). */
  session: LiveSession | undefined;
  /** Why the session ended, when it did. */
  reason: SessionEndReason | undefined;
}

function changeOf(kind: PrincipalKind, raw: string | null): SessionChange {
  const stored = parse(raw);
  if (stored?.state === 'live') return { kind, session: liveOf(kind, stored), reason: undefined };
  return { kind, session: undefined, reason: stored?.reason ?? 'unauthenticated' };
}

/**
 * Calls `listener` whenever another tab of this browser starts or ends a session (the
 * `storage` event, which the tab that wrote does not get); answers the unsubscribe.
 */
export function subscribeToSessionChanges(listener: (change: SessionChange) => void): () => void {
  const onStorage = (event: StorageEvent) => {
    if (event.storageArea !== null && event.storageArea !== window.localStorage) return;
    if (event.key === null) {
      // The other tab cleared the storage: every session is gone.
      for (const kind of kinds) listener(changeOf(kind, null));
      return;
    }
    const kind = kinds.find((candidate) => keyOf(candidate) === event.key);
    if (kind !== undefined) listener(changeOf(kind, event.newValue));
  };
  window.addEventListener('storage', onStorage);
  return () => window.removeEventListener('storage', onStorage);
}

/**
 * True while the principal has a live session in this browser; follows other tabs' log-ins
 * and log-outs (this tab's own are followed by whoever makes them).
 */
export function useHasSession(kind: PrincipalKind): boolean {
  return useSyncExternalStore(subscribeToSessionChanges, () => readSession(kind) !== undefined);
}

/**
 * Follows another tab's log-in or log-out of the principal: `forget` drops what was read with
 * the previous session, then the session's query (`sessionKey`) is read again, so the page
 * shows the log-in, or the new session, as that tab left it. `sessionKey` and `forget` must
 * be stable (module-level).
 */
export function useSessionFromOtherTabs(
  kind: PrincipalKind,
  sessionKey: QueryKey,
  forget: (queryClient: QueryClient) => void,
): void {
  const queryClient = useQueryClient();
  useEffect(
    () =>
      subscribeToSessionChanges((change) => {
        if (change.kind !== kind) return;
        forget(queryClient);
        void queryClient.invalidateQueries({ queryKey: sessionKey });
      }),
    [kind, sessionKey, forget, queryClient],
  );
}

/** Forgets every principal's session in this browser (tests start from none). */
export function forgetAllSessions(): void {
  for (const kind of kinds) writeRaw(keyOf(kind), undefined);
  fallback.clear();
}
