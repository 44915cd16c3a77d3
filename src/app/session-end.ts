import type { QueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { paths } from '../config/paths';
import type { SessionEndReason } from '../lib/session-store';

/**
 * Where the log-in leads once done: the page the user was on or going to, carried in the
 * router's state (never in the URL), so that a link opened before logging in, or a page the
 * session ended on, is where the user lands after logging in. Only a path of this app is
 * taken (one slash, not `//host`).
 */
const returnStateSchema = z.object({ returnTo: z.string().regex(/^\/(?![/\\])/) });
export type ReturnState = z.infer<typeof returnStateSchema>;

interface Place {
  pathname: string;
  search: string;
  hash: string;
}

/** The state that makes the log-in lead to `place` (a location, or a path already made). */
export function returnStateFor(place: Place | string): ReturnState {
  if (typeof place === 'string') return { returnTo: place };
  return { returnTo: `${place.pathname}${place.search}${place.hash}` };
}

/** The page a log-in should lead to, from the router's state, if it names one. */
export function returnTarget(state: unknown): string | undefined {
  const parsed = returnStateSchema.safeParse(state);
  return parsed.success ? parsed.data.returnTo : undefined;
}

type Navigate = (
  to: string,
  options: { replace: true; state?: ReturnState },
) => void | Promise<void>;

/**
 * Leaves the logged-in pages when the care session has ended — logged out, ended by the
 * server, refused, here or in another tab — for the page that says so: "Du är utloggad", the
 * expired page, or the log-in; the last two keep where the user was, for after the next
 * log-in. Then forgets what was read with the session (after leaving, so that the pages never
 * read again without it).
 */
export function leaveEndedSession(
  navigate: Navigate,
  queryClient: QueryClient,
  reason: SessionEndReason,
  from: Place,
): void {
  const target =
    reason === 'logged-out'
      ? { to: paths.loggedOut }
      : {
          to: reason === 'expired' ? paths.sessionExpired : paths.login,
          state: returnStateFor(from),
        };
  void Promise.resolve(navigate(target.to, { replace: true, ...target })).finally(() =>
    queryClient.clear(),
  );
}
