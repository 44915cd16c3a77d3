import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import {
  fkLoginOptionsResponseSchema,
  fkLoginResponseSchema,
  fkSessionSchema,
} from '../../../contracts/fk';
import { apiPath, routes } from '../../../contracts/routes';
import { apiCommand, apiRequest, HttpError, type RequestOptions } from '../../../lib/api-client';
import { useChangeFeed } from '../../../lib/change-feed';
import { principalToken } from '../../../lib/principal-token';
import { queryKeys } from '../../../lib/query-keys';

/** The FK case officer's session: its own token, apart from the care session's. */
const fkToken = principalToken('intyga.fk-session-token');

/** Options for a request as the case officer. */
export function asOfficer(options: Omit<RequestOptions, 'token'> = {}): RequestOptions {
  return { ...options, token: fkToken.read() };
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
    queryFn: () => apiRequest(apiPath(routes.listFkLoginOptions), fkLoginOptionsResponseSchema),
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
        return await apiRequest(apiPath(routes.getFkSession), fkSessionSchema, asOfficer());
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
      apiRequest(apiPath(routes.fkLogin), fkLoginResponseSchema, {
        method: 'POST',
        body: { officerId },
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
        await apiCommand(apiPath(routes.fkLogout), asOfficer({ method: 'POST' }));
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
