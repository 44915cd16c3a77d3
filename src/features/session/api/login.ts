import { useMutation, useQueryClient } from '@tanstack/react-query';
import { loginResponseSchema, type LoginRequest } from '../../../contracts/session';
import { apiRequest } from '../../../lib/api-client';
import { writeAuthToken } from '../../../lib/auth-token';
import { sessionQuery } from './get-session';
import { recordSessionActivity } from '../session-activity';
import { apiPath, routes } from '../../../contracts/routes';

export function login(body: LoginRequest) {
  return apiRequest(apiPath(routes.login), loginResponseSchema, { method: 'POST', body });
}

export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: login,
    onSuccess: ({ token, session }) => {
      queryClient.clear();
      writeAuthToken(token);
      recordSessionActivity();
      queryClient.setQueryData(sessionQuery().queryKey, session);
    },
  });
}
