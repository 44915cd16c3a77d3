import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import {
  fkLoginOptionsResponseSchema,
  fkLoginResponseSchema,
  fkSessionSchema,
} from '../../../contracts/fk';
import { callEndpoint, HttpError, noContent } from '../../../lib/api-client';
import { useChangeFeed } from '../../../lib/change-feed';
import { principalToken } from '../../../lib/principal-token';
import { queryKeys } from '../../../lib/query-keys';

/** The FK case officer's session: its own token, apart from the care session's. */
const fkToken = principalToken('intyga.fk-session-token');

/** A call as the case officer: with the officer's token, not the care session's. */
export function asOfficer(): { token: string | undefined } {
  return { token: fkToken.read() };
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

/** The officer's session, or null when this tab has none (or it has ended). */
export function useFkSession() {
  return useQuery({
    queryKey: queryKeys.fkSession,
    queryFn: async () => {
      if (fkToken.read() === undefined) return null;
      try {
        return await callEndpoint('getFkSession', { response: fkSessionSchema, ...asOfficer() });
      } catch (error) {
        if (error instanceof HttpError && error.status === 401) {
          fkToken.write(undefined);
          return null;
        }
        throw error;
      }
    },
  });
}

/** The change feed with the officer's session, while there is one. */
export function useFkChangeFeed(loggedIn: boolean): void {
  useChangeFeed(loggedIn ? fkToken.read() : undefined);
}

export function useFkLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (officerId: string) =>
      callEndpoint('fkLogin', {
        body: { officerId },
        response: fkLoginResponseSchema,
        token: undefined,
      }),
    onSuccess: ({ token, session }) => {
      fkToken.write(token);
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
      fkToken.write(undefined);
      forgetCases(queryClient);
      queryClient.setQueryData(queryKeys.fkSession, null);
    },
  });
}
