import { onlineManager, type QueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState, useSyncExternalStore } from 'react';
import { z } from 'zod';
import { NetworkError } from '../lib/api-client';

/**
 * Connection trouble, named: a page whose code or data could not be fetched (offline, the
 * server away, or a deploy in between that removed the code this tab was built with) is not a
 * fault of the app, and it recovers by itself once the connection is back.
 */

/** The browsers' words for a code chunk that could not be fetched, and Vite's preload's. */
const chunkFailure =
  /dynamically imported module|Importing a module script failed|error loading dynamically imported module|Unable to preload|Failed to fetch/i;

/** Whether an error means that the page's code could not be fetched. */
export function isCodeLoadFailure(error: unknown): boolean {
  return (
    error instanceof Error && !(error instanceof NetworkError) && chunkFailure.test(error.message)
  );
}

/** Whether an error means that the page's code or data could not be fetched. */
export function isConnectionFailure(error: unknown): boolean {
  return error instanceof NetworkError || isCodeLoadFailure(error);
}

/** How often the connection is tried while it is away. */
const probeIntervalMs = 4000;

/** Whether the app's own server answers (its start page, never cached). */
async function serverAnswers(): Promise<boolean> {
  try {
    const response = await fetch('/', { method: 'HEAD', cache: 'no-store' });
    return response.ok;
  } catch {
    return false;
  }
}

/**
 * While `active`, calls `onRestored` once as soon as the app's server answers again: when the browser says
 * it is online, and every few seconds (a server that was away says nothing to the browser).
 */
export function useConnectionRestored(onRestored: () => void, active = true): void {
  const callback = useRef(onRestored);
  useEffect(() => {
    callback.current = onRestored;
  });
  useEffect(() => {
    if (!active) return;
    let done = false;
    let probing = false;
    const stop = () => {
      done = true;
      window.removeEventListener('online', onOnline);
      window.clearInterval(timer);
    };
    const probe = async () => {
      if (probing) return;
      probing = true;
      const answers = await serverAnswers();
      probing = false;
      if (answers && !done) {
        stop();
        callback.current();
      }
    };
    const onOnline = () => void probe();
    window.addEventListener('online', onOnline);
    const timer = window.setInterval(onOnline, probeIntervalMs);
    return stop;
  }, [active]);
}

const reloadKey = 'intyga.connection-reload';
const lastReloadSchema = z.object({ page: z.string(), at: z.number() });
/** A reload for the same page within this time did not help: the user decides the next one. */
const reloadLoopMs = 30_000;

/**
 * Loads the page anew (its code and its data), unless that was just tried for this page and
 * failed again: then false, and the page offers "Försök igen" instead of reloading in a loop.
 */
export function reloadOnce(): boolean {
  const page = window.location.pathname + window.location.search;
  const now = Date.now();
  try {
    const stored = window.sessionStorage.getItem(reloadKey);
    const last = lastReloadSchema.safeParse(stored === null ? undefined : JSON.parse(stored));
    if (last.success && last.data.page === page && now - last.data.at < reloadLoopMs) return false;
    window.sessionStorage.setItem(reloadKey, JSON.stringify({ page, at: now }));
  } catch {
    // Without session storage there is no loop guard; reloading once is still right.
  }
  window.location.reload();
  return true;
}

/** Whether the browser believes it is online, as TanStack Query does (it pauses queries offline). */
export function useOnline(): boolean {
  return useSyncExternalStore(
    (listener) => onlineManager.subscribe(listener),
    () => onlineManager.isOnline(),
    () => true,
  );
}

/**
 * Data that could not be fetched is fetched again by itself once the app's server answers:
 * while any query has failed for want of a connection, the connection is tried, and then
 * those queries run again (a query paused offline resumes by itself; this is for a server
 * that was away while the browser believed it was online).
 */
export function useRefetchWhenConnected(queryClient: QueryClient): void {
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    const queries = queryClient.getQueryCache();
    const check = () =>
      setFailed(queries.getAll().some((query) => query.state.error instanceof NetworkError));
    check();
    return queries.subscribe(check);
  }, [queryClient]);
  useConnectionRestored(() => {
    void queryClient.refetchQueries({
      predicate: (query) => query.state.error instanceof NetworkError,
    });
  }, failed);
}
