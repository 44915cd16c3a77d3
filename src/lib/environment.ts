import { queryOptions, useQuery } from '@tanstack/react-query';
import { environmentSchema } from '../contracts/environment';
import { callEndpoint } from './api-client';
import { queryKeys } from './query-keys';

/**
 * What kind of environment the backend is (GET /api/environment). Asked without a session
 * (`as: null`) and not counted as the user's activity; it does not change while the
 * app runs.
 */
export const environmentQuery = () =>
  queryOptions({
    queryKey: queryKeys.environment,
    queryFn: () => callEndpoint('getEnvironment', { response: environmentSchema, as: null }),
    staleTime: Infinity,
  });

/**
 * True unless the backend has said that it is not a training environment: until it answers,
 * and if it cannot be asked, the app keeps the training notice and the simulated log-ins
 * (the only log-in there is), so the warning never goes missing by a failed request.
 */
export function useTrainingEnvironment(): boolean {
  const { data } = useQuery(environmentQuery());
  return data?.training !== false;
}
