import { useMutation, useQueryClient } from '@tanstack/react-query';
import { loginResponseSchema, type LoginRequest } from '../../../contracts/session';
import { callEndpoint } from '../../../lib/api-client';
import { writeAuthToken } from '../../../lib/auth-token';
import { sessionQuery } from './get-session';
import { recordSessionActivity } from '../session-activity';

export function login(body: LoginRequest) {
  return callEndpoint('login', { body, response: loginResponseSchema });
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
