import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import {
  portalLoginOptionsResponseSchema,
  portalLoginResponseSchema,
  portalSessionSchema,
} from '../../../contracts/patient-portal';
import { callEndpoint, HttpError, noContent } from '../../../lib/api-client';
import { useChangeFeed } from '../../../lib/change-feed';
import { principalToken } from '../../../lib/principal-token';
import { queryKeys } from '../../../lib/query-keys';

/** The patient's session in Mina intyg: its own token, apart from the care session's. */
const portalToken = principalToken('intyga.portal-session-token');

/** A call as the logged-in patient: with the patient's token, not the care session's. */
export function asPatient(): { token: string | undefined } {
  return { token: portalToken.read() };
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

/** The patient's session, or null when this tab has none (or it has ended). */
/** The change feed with the patient's session, while there is one. */
export function usePortalChangeFeed(loggedIn: boolean): void {
  useChangeFeed(loggedIn ? portalToken.read() : undefined);
}

export function usePortalSession() {
  return useQuery({
    queryKey: queryKeys.portalSession,
    queryFn: async () => {
      if (portalToken.read() === undefined) return null;
      try {
        return await callEndpoint('getPortalSession', {
          response: portalSessionSchema,
          ...asPatient(),
        });
      } catch (error) {
        if (error instanceof HttpError && error.status === 401) {
          portalToken.write(undefined);
          return null;
        }
        throw error;
      }
    },
  });
}

/** After a refusal that says the session has ended: back to the log-in. */
export function endPortalSession(queryClient: QueryClient): void {
  portalToken.write(undefined);
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
        token: undefined,
      }),
    onSuccess: ({ token, session }) => {
      portalToken.write(token);
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
    onSuccess: () => endPortalSession(queryClient),
  });
}
