import { useMutation, useQueryClient } from '@tanstack/react-query';
import { loginResponseSchema, type LoginRequest } from '../../../contracts/session';
import { callEndpoint } from '../../../lib/api-client';
import { setSessionUnit, startSession } from '../../../lib/session-store';
import { sessionQuery } from './get-session';
import { recordSessionActivity } from '../session-activity';

export function login(body: LoginRequest) {
  return callEndpoint('login', { body, response: loginResponseSchema });
}

/**
 * Logs in: the session becomes this browser's, in every tab. With the Node server the answer
 * carries no token (it is in an HttpOnly cookie); with the embedded backend it does.
 */
export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: login,
    onSuccess: ({ token, session }) => {
      queryClient.clear();
      startSession('care', token);
      recordSessionActivity();
      // Without a session, the unit is still to be chosen: the logged-in pages ask for it.
      if (session !== undefined) {
        setSessionUnit('care', session.unit.hsaId);
        queryClient.setQueryData(sessionQuery().queryKey, session);
      }
    },
  });
}
