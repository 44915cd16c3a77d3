import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import {
  portalLoginOptionsResponseSchema,
  portalLoginResponseSchema,
  portalSessionSchema,
} from '../../../contracts/patient-portal';
import { callEndpoint, HttpError, noContent } from '../../../lib/api-client';
import { useChangeFeed } from '../../../lib/change-feed';
import { queryKeys } from '../../../lib/query-keys';
import {
  endSession,
  readSession,
  startSession,
  useSessionFromOtherTabs,
  type SessionEndReason,
} from '../../../lib/session-store';

/**
 * A call as the logged-in patient: with the patient's session in Mina intyg (the browser's,
 * apart from the care user's), not the care session.
 */
export function asPatient(): { as: 'patient' } {
  return { as: 'patient' };
}

/** What one patient read goes with their session (the session query itself stays). */
function forgetCertificates(queryClient: QueryClient): void {
  queryClient.removeQueries({
    queryKey: queryKeys.portal,
    predicate: (query) =>
      query.queryKey[1] === 'certificate' || query.queryKey[1] === 'certificates',
  });
}

export function usePortalLoginOptions() {
  return useQuery({
    queryKey: queryKeys.portalLoginOptions,
    queryFn: () =>
      callEndpoint('listPortalLoginOptions', { response: portalLoginOptionsResponseSchema }),
  });
}

/** The change feed with the patient's session, while there is one. */
export function usePortalChangeFeed(loggedIn: boolean): void {
  useChangeFeed(loggedIn ? readSession('patient') : undefined);
}

/**
 * The patient's session, or null when the browser has none (or it has ended); another tab's
 * log-in or log-out is followed.
 */
export function usePortalSession() {
  useSessionFromOtherTabs('patient', queryKeys.portalSession, forgetCertificates);
  return useQuery({
    queryKey: queryKeys.portalSession,
    queryFn: async () => {
      if (readSession('patient') === undefined) return null;
      try {
        return await callEndpoint('getPortalSession', {
          response: portalSessionSchema,
          ...asPatient(),
        });
      } catch (error) {
        if (error instanceof HttpError && error.status === 401) {
          endSession('patient', 'unauthenticated');
          return null;
        }
        throw error;
      }
    },
  });
}

/** After a log-out, or a refusal that says the session has ended: back to the log-in. */
export function endPortalSession(
  queryClient: QueryClient,
  reason: SessionEndReason = 'unauthenticated',
): void {
  endSession('patient', reason);
  forgetCertificates(queryClient);
  queryClient.setQueryData(queryKeys.portalSession, null);
}

export function usePortalLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (patientId: string) =>
      callEndpoint('portalLogin', {
        body: { patientId },
        response: portalLoginResponseSchema,
        ...asPatient(),
      }),
    onSuccess: ({ token, session }) => {
      startSession('patient', token);
      forgetCertificates(queryClient);
      queryClient.setQueryData(queryKeys.portalSession, session);
    },
  });
}

export function usePortalLogout() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async () => {
      try {
        await callEndpoint('portalLogout', { response: noContent, ...asPatient() });
      } catch (error) {
        // Already ended on the server: logged out all the same.
        if (!(error instanceof HttpError && error.status === 401)) throw error;
      }
    },
    onSuccess: () => endPortalSession(queryClient, 'logged-out'),
  });
}
