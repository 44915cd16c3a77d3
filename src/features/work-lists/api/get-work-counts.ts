import { queryOptions, useQuery } from '@tanstack/react-query';
import { queryKeys } from '../../../lib/query-keys';
import { workCountsSchema } from '../../../contracts/work-lists';
import { callEndpoint } from '../../../lib/api-client';

export function getWorkCounts() {
  // Polled in the background: not the user's activity, so it does not keep an idle session alive.
  return callEndpoint('getWorkCounts', { response: workCountsSchema, countsAsActivity: false });
}

export const workCountsQuery = () =>
  queryOptions({ queryKey: queryKeys.workCounts, queryFn: getWorkCounts, refetchInterval: 60_000 });

export function useWorkCounts() {
  return useQuery(workCountsQuery());
}
