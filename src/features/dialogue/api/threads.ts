import { useQuery } from '@tanstack/react-query';
import {
  certificateThreadsResponseSchema,
  threadResponseSchema,
  type CannotComplementReason,
  type CareTopic,
} from '../../../contracts/threads';
import { apiPath, routes } from '../../../contracts/routes';
import { certificateResponseSchema, type ConsentInput } from '../../../contracts/certificates';
import { apiRequest } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';

/**
 * A certificate's threads with Försäkringskassan, and the unit's writes on them. Every write
 * names the thread's version it is based on; the backend tells every tab when threads change.
 */

export function useCertificateThreads(certificateId: string) {
  return useQuery({
    queryKey: queryKeys.certificateThreads(certificateId),
    queryFn: () =>
      apiRequest(
        apiPath(routes.listCertificateThreads, { id: certificateId }),
        certificateThreadsResponseSchema,
      ),
  });
}

export function startThread(certificateId: string, topic: CareTopic, text: string) {
  return apiRequest(apiPath(routes.startThread, { id: certificateId }), threadResponseSchema, {
    method: 'POST',
    body: { topic, text },
  });
}

export function saveAnswerDraft(threadId: string, version: number, text: string) {
  return apiRequest(apiPath(routes.saveAnswerDraft, { threadId }), threadResponseSchema, {
    method: 'PUT',
    body: { version, text },
  });
}

export function answerThread(threadId: string, version: number, text: string) {
  return apiRequest(apiPath(routes.answerThread, { threadId }), threadResponseSchema, {
    method: 'POST',
    body: { version, text },
  });
}

export function setThreadHandled(threadId: string, version: number, handled: boolean) {
  return apiRequest(apiPath(routes.setThreadHandled, { threadId }), threadResponseSchema, {
    method: 'POST',
    body: { version, handled },
  });
}

export function setThreadForwarded(threadId: string, version: number) {
  return apiRequest(apiPath(routes.setThreadForwarded, { threadId }), threadResponseSchema, {
    method: 'POST',
    body: { version },
  });
}

export function cannotComplement(
  threadId: string,
  version: number,
  reason: CannotComplementReason,
  text: string,
) {
  // Answers every open complement request of the certificate: they come back together.
  return apiRequest(
    apiPath(routes.cannotComplement, { threadId }),
    certificateThreadsResponseSchema,
    { method: 'POST', body: { version, reason, text } },
  );
}

/** "Komplettera": records the consent to the complement, and makes the complementing draft. */
export function complementCertificate(threadId: string, version: number, consent: ConsentInput) {
  return apiRequest(
    apiPath(routes.complementCertificate, { threadId }),
    certificateResponseSchema,
    {
      method: 'POST',
      body: { version, consent },
    },
  );
}
