import { queryOptions, useQuery } from '@tanstack/react-query';
import { queryKeys } from '../../../lib/query-keys';
import { loginOptionsResponseSchema } from '../../../contracts/session';
import { callEndpoint } from '../../../lib/api-client';

export function getLoginOptions() {
  return callEndpoint('listLoginOptions', { response: loginOptionsResponseSchema });
}

export const loginOptionsQuery = () =>
  queryOptions({ queryKey: queryKeys.loginOptions, queryFn: getLoginOptions });

export function useLoginOptions() {
  return useQuery(loginOptionsQuery());
}
