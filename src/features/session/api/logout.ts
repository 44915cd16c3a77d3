import { useMutation, useQueryClient } from '@tanstack/react-query';
import { callEndpoint, noContent } from '../../../lib/api-client';
import { endSession } from '../../../lib/session-store';

/**
 * Ends the session in every tab of this browser first, then on the server (with the session
 * that ended), then moves to `leave`'s page and forgets what was read, in that order:
 * - the other tabs go to "Du är utloggad" at once, before a request of theirs can be refused;
 * - a request still in flight with the session (a poll, the keep-alive sent on the
 *   pointer-down of the very click on "Logga ut") may be refused once the server has ended
 *   it, and that refusal is no longer the current session's, so it sends no one to the
 *   log-in page;
 * - the logged-in pages are left before their data is forgotten.
 * The session ends here even if the server cannot be reached.
 */
export function useLogout(leave: () => void | Promise<void>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async () => {
      const ended = endSession('care', 'logged-out');
      if (ended !== undefined) {
        try {
          await callEndpoint('logout', { response: noContent, as: ended });
        } catch {
          // Unreachable or already ended on the server: the session ends here all the same.
        }
      }
      await leave();
      queryClient.clear();
    },
  });
}
