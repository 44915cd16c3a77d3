import { queryOptions, useQuery } from '@tanstack/react-query';
import { queryKeys } from '../../../lib/query-keys';
import { loginOptionsResponseSchema } from '../../../contracts/session';
import { apiRequest } from '../../../lib/api-client';
import { apiPath, routes } from '../../../contracts/routes';

export function getLoginOptions() {
  return apiRequest(apiPath(routes.listLoginOptions), loginOptionsResponseSchema);
}

export const loginOptionsQuery = () =>
  queryOptions({ queryKey: queryKeys.loginOptions, queryFn: getLoginOptions });

export function useLoginOptions() {
  return useQuery(loginOptionsQuery());
}
