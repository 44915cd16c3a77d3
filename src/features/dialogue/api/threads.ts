import { useQuery } from '@tanstack/react-query';
import {
  certificateThreadsResponseSchema,
  threadResponseSchema,
  type CannotComplementReason,
  type CareTopic,
} from '../../../contracts/threads';
import { certificateResponseSchema, type ConsentInput } from '../../../contracts/certificates';
import { callEndpoint } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';

/**
 * A certificate's threads with Försäkringskassan, and the unit's writes on them. Every write
 * names the thread's version it is based on; the backend tells every tab when threads change.
 */

export function useCertificateThreads(certificateId: string) {
  return useQuery({
    queryKey: queryKeys.certificateThreads(certificateId),
    queryFn: () =>
      callEndpoint('listCertificateThreads', {
        params: { id: certificateId },
        response: certificateThreadsResponseSchema,
      }),
  });
}

export function startThread(certificateId: string, topic: CareTopic, text: string) {
  return callEndpoint('startThread', {
    params: { id: certificateId },
    body: { topic, text },
    response: threadResponseSchema,
  });
}

export function saveAnswerDraft(threadId: string, version: number, text: string) {
  return callEndpoint('saveAnswerDraft', {
    params: { threadId },
    body: { version, text },
    response: threadResponseSchema,
  });
}

export function answerThread(threadId: string, version: number, text: string) {
  return callEndpoint('answerThread', {
    params: { threadId },
    body: { version, text },
    response: threadResponseSchema,
  });
}

export function setThreadHandled(threadId: string, version: number, handled: boolean) {
  return callEndpoint('setThreadHandled', {
    params: { threadId },
    body: { version, handled },
    response: threadResponseSchema,
  });
}

export function setThreadForwarded(threadId: string, version: number) {
  return callEndpoint('setThreadForwarded', {
    params: { threadId },
    body: { version },
    response: threadResponseSchema,
  });
}

export function cannotComplement(
  threadId: string,
  version: number,
  reason: CannotComplementReason,
  text: string,
) {
  // Answers every open complement request of the certificate: they come back together.
  return callEndpoint('cannotComplement', {
    params: { threadId },
    body: { version, reason, text },
    response: certificateThreadsResponseSchema,
  });
}

/** "Komplettera": records the consent to the complement, and makes the complementing draft. */
export function complementCertificate(threadId: string, version: number, consent: ConsentInput) {
  return callEndpoint('complementCertificate', {
    params: { threadId },
    body: { version, consent },
    response: certificateResponseSchema,
  });
}
