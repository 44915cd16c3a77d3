import { queryOptions, useQuery } from '@tanstack/react-query';
import { loginOptionsResponseSchema } from '../../../contracts/session';
import { apiRequest } from '../../../lib/api-client';

export function getLoginOptions() {
  return apiRequest('/api/auth/login-options', loginOptionsResponseSchema);
}

export const loginOptionsQuery = () =>
  queryOptions({ queryKey: ['auth', 'login-options'], queryFn: getLoginOptions });

export function useLoginOptions() {
  return useQuery(loginOptionsQuery());
}
