import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import {
  portalCertificateListResponseSchema,
  portalCertificateResponseSchema,
  type PortalCertificate,
} from '../../../contracts/patient-portal';
import { callEndpoint, HttpError, noContent } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';
import { asPatient, endPortalSession } from './portal-session';

/** A refusal because the session has ended sends the patient back to the log-in. */
function useEndOnUnauthenticated(error: Error | null): void {
  const queryClient = useQueryClient();
  useEffect(() => {
    if (error instanceof HttpError && error.status === 401) endPortalSession(queryClient);
  }, [error, queryClient]);
}

/** Never retried when refused: a 403 or 401 will not change by asking again. */
function retryUnlessRefused(failures: number, error: Error): boolean {
  if (error instanceof HttpError && error.status < 500) return false;
  return failures < 2;
}

export function usePortalCertificates() {
  const query = useQuery({
    queryKey: queryKeys.portalCertificates,
    queryFn: () =>
      callEndpoint('listPortalCertificates', {
        response: portalCertificateListResponseSchema,
        ...asPatient(),
      }),
    retry: retryUnlessRefused,
  });
  useEndOnUnauthenticated(query.error);
  return query;
}

export function usePortalCertificate(certificateId: string) {
  const query = useQuery({
    queryKey: queryKeys.portalCertificate(certificateId),
    queryFn: () =>
      callEndpoint('getPortalCertificate', {
        params: { id: certificateId },
        response: portalCertificateResponseSchema,
        ...asPatient(),
      }),
    retry: retryUnlessRefused,
  });
  useEndOnUnauthenticated(query.error);
  return query;
}

/** Logs the print before the browser prints (the audit log records what the patient printed). */
export async function logPortalPrint(certificateId: string): Promise<void> {
  await callEndpoint('printPortalCertificate', {
    params: { id: certificateId },
    response: noContent,
    ...asPatient(),
  });
}

export async function sendPortalCertificate(certificateId: string): Promise<PortalCertificate> {
  const { certificate } = await callEndpoint('sendPortalCertificate', {
    params: { id: certificateId },
    response: portalCertificateResponseSchema,
    ...asPatient(),
  });
  return certificate;
}
