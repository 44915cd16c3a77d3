import { useMutation, useQueryClient } from '@tanstack/react-query';
import { callEndpoint, noContent } from '../../../lib/api-client';
import { markAuthTokenEnding, writeAuthToken } from '../../../lib/auth-token';

export function logout() {
  return callEndpoint('logout', { response: noContent });
}

/**
 * Ends the session on the server, moves to `leave`'s page, then forgets the session
 * locally, in that order, so the logged-in pages never see a half-ended session. The
 * local session ends even if the server cannot be reached.
 *
 * The session is marked as ending first: a request still in flight with it (a poll, the
 * keep-alive sent on the pointer-down of the very click on "Logga ut") may be refused once
 * the server has ended it, and that refusal must not send the user to the log-in page.
 */
export function useLogout(leave: () => void | Promise<void>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async () => {
      markAuthTokenEnding();
      try {
        await logout();
      } catch {
        // Unreachable or already ended on the server: the local session ends all the same.
      }
      await leave();
      writeAuthToken(undefined);
      queryClient.clear();
    },
  });
}
