import { queryOptions, useQuery } from '@tanstack/react-query';
import { queryKeys } from '../../../lib/query-keys';
import { workCountsSchema } from '../../../contracts/work-lists';
import { apiRequest } from '../../../lib/api-client';
import { apiPath, routes } from '../../../contracts/routes';

export function getWorkCounts() {
  // Polled in the background: not the user's activity, so it does not keep an idle session alive.
  return apiRequest(apiPath(routes.getWorkCounts), workCountsSchema, { countsAsActivity: false });
}

export const workCountsQuery = () =>
  queryOptions({ queryKey: queryKeys.workCounts, queryFn: getWorkCounts, refetchInterval: 60_000 });

export function useWorkCounts() {
  return useQuery(workCountsQuery());
}
