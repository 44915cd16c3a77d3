import { queryOptions, useQuery } from '@tanstack/react-query';
import { queryKeys } from '../../../lib/query-keys';
import { sessionSchema } from '../../../contracts/session';
import { apiRequest } from '../../../lib/api-client';
import { readAuthToken } from '../../../lib/auth-token';
import { apiPath, routes } from '../../../contracts/routes';

export function getSession() {
  return apiRequest(apiPath(routes.getSession), sessionSchema);
}

export const sessionQuery = () =>
  queryOptions({ queryKey: queryKeys.session, queryFn: getSession, staleTime: Infinity });

/** The logged-in session; not asked for without a token. */
export function useSession() {
  return useQuery({ ...sessionQuery(), enabled: readAuthToken() !== undefined });
}
