import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import {
  fkLoginOptionsResponseSchema,
  fkLoginResponseSchema,
  fkSessionSchema,
} from '../../../contracts/fk';
import { callEndpoint, HttpError, noContent } from '../../../lib/api-client';
import { useChangeFeed } from '../../../lib/change-feed';
import { queryKeys } from '../../../lib/query-keys';
import {
  endSession,
  readSession,
  startSession,
  useSessionFromOtherTabs,
} from '../../../lib/session-store';

/**
 * A call as the case officer: with the officer's session (the browser's, apart from the care
 * user's), not the care session.
 */
export function asOfficer(): { as: 'fk' } {
  return { as: 'fk' };
}

/** What the last officer read goes with their session (the session query itself stays). */
function forgetCases(queryClient: QueryClient): void {
  queryClient.removeQueries({
    queryKey: queryKeys.fk,
    predicate: (query) => query.queryKey[1] === 'case' || query.queryKey[1] === 'cases',
  });
}

export function useFkLoginOptions() {
  return useQuery({
    queryKey: queryKeys.fkLoginOptions,
    queryFn: () => callEndpoint('listFkLoginOptions', { response: fkLoginOptionsResponseSchema }),
    staleTime: Infinity,
  });
}

/**
 * The officer's session, or null when the browser has none (or it has ended); another tab's
 * log-in or log-out is followed.
 */
export function useFkSession() {
  useSessionFromOtherTabs('fk', queryKeys.fkSession, forgetCases);
  return useQuery({
    queryKey: queryKeys.fkSession,
    queryFn: async () => {
      if (readSession('fk') === undefined) return null;
      try {
        return await callEndpoint('getFkSession', { response: fkSessionSchema, ...asOfficer() });
      } catch (error) {
        if (error instanceof HttpError && error.status === 401) {
          endSession('fk', 'unauthenticated');
          return null;
        }
        throw error;
      }
    },
  });
}

/** The change feed with the officer's session, while there is one. */
export function useFkChangeFeed(loggedIn: boolean): void {
  useChangeFeed(loggedIn ? readSession('fk') : undefined);
}

export function useFkLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (officerId: string) =>
      callEndpoint('fkLogin', {
        body: { officerId },
        response: fkLoginResponseSchema,
        ...asOfficer(),
      }),
    onSuccess: ({ token, session }) => {
      startSession('fk', token);
      forgetCases(queryClient);
      queryClient.setQueryData(queryKeys.fkSession, session);
    },
  });
}

export function useFkLogout() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async () => {
      try {
        await callEndpoint('fkLogout', { response: noContent, ...asOfficer() });
      } catch (error) {
        // Already ended on the server: logged out all the same.
        if (!(error instanceof HttpError && error.status === 401)) throw error;
      }
    },
    onSuccess: () => {
      endSession('fk', 'logged-out');
      forgetCases(queryClient);
      queryClient.setQueryData(queryKeys.fkSession, null);
    },
  });
}
