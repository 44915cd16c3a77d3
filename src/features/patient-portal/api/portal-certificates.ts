import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import {
  portalCertificateListResponseSchema,
  portalCertificateResponseSchema,
  type PortalCertificate,
} from '../../../contracts/patient-portal';
import { apiPath, routes } from '../../../contracts/routes';
import { apiCommand, apiRequest, HttpError } from '../../../lib/api-client';
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
      apiRequest(
        apiPath(routes.listPortalCertificates),
        portalCertificateListResponseSchema,
        asPatient(),
      ),
    retry: retryUnlessRefused,
  });
  useEndOnUnauthenticated(query.error);
  return query;
}

export function usePortalCertificate(certificateId: string) {
  const query = useQuery({
    queryKey: queryKeys.portalCertificate(certificateId),
    queryFn: () =>
      apiRequest(
        apiPath(routes.getPortalCertificate, { id: certificateId }),
        portalCertificateResponseSchema,
        asPatient(),
      ),
    retry: retryUnlessRefused,
  });
  useEndOnUnauthenticated(query.error);
  return query;
}

/** Logs the print before the browser prints (the audit log records what the patient printed). */
export async function logPortalPrint(certificateId: string): Promise<void> {
  await apiCommand(
    apiPath(routes.printPortalCertificate, { id: certificateId }),
    asPatient({ method: 'POST' }),
  );
}

export async function sendPortalCertificate(certificateId: string): Promise<PortalCertificate> {
  const { certificate } = await apiRequest(
    apiPath(routes.sendPortalCertificate, { id: certificateId }),
    portalCertificateResponseSchema,
    asPatient({ method: 'POST' }),
  );
  return certificate;
}
