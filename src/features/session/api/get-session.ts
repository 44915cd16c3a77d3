import { queryOptions, useQuery } from '@tanstack/react-query';
import { queryKeys } from '../../../lib/query-keys';
import { sessionSchema } from '../../../contracts/session';
import { callEndpoint } from '../../../lib/api-client';
import { readSession } from '../../../lib/session-store';

export function getSession() {
  return callEndpoint('getSession', { response: sessionSchema });
}

export const sessionQuery = () =>
  queryOptions({ queryKey: queryKeys.session, queryFn: getSession, staleTime: Infinity });

/** The logged-in session; not asked for without one in this browser. */
export function useSession() {
  return useQuery({ ...sessionQuery(), enabled: readSession('care') !== undefined });
}
