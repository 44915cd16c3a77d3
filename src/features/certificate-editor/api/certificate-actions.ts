import {
  certificateResponseSchema,
  type ConsentInput,
  type RevokeReason,
  type SigningMethod,
} from '../../../contracts/certificates';
import { callEndpoint, noContent } from '../../../lib/api-client';

/** The writes on a certificate besides its answers; each names the version it is based on. */

export function recordConsent(certificateId: string, version: number, consent: ConsentInput) {
  return callEndpoint('recordConsent', {
    params: { id: certificateId },
    body: { version, consent },
    response: certificateResponseSchema,
  });
}

export function markReadyForSign(certificateId: string, version: number) {
  return callEndpoint('markReadyForSign', {
    params: { id: certificateId },
    body: { version },
    response: certificateResponseSchema,
  });
}

export function signCertificate(
  certificateId: string,
  version: number,
  method: SigningMethod,
  confirmations: string[],
) {
  return callEndpoint('signCertificate', {
    params: { id: certificateId },
    body: { version, method, confirmations },
    response: certificateResponseSchema,
  });
}

export function sendCertificate(certificateId: string, version: number) {
  return callEndpoint('sendCertificate', {
    params: { id: certificateId },
    body: { version },
    response: certificateResponseSchema,
  });
}

/** Records the printing in the audit log; the caller then opens the browser's print. */
export function recordPrint(certificateId: string, version: number) {
  return callEndpoint('printCertificate', {
    params: { id: certificateId },
    body: { version },
    response: certificateResponseSchema,
  });
}

export function revokeCertificate(
  certificateId: string,
  version: number,
  reason: RevokeReason,
  message: string,
) {
  return callEndpoint('revokeCertificate', {
    params: { id: certificateId },
    body: { version, reason, ...(message.trim() === '' ? {} : { message: message.trim() }) },
    response: certificateResponseSchema,
  });
}

export function deleteDraft(certificateId: string, version: number) {
  return callEndpoint('deleteDraft', {
    params: { id: certificateId },
    body: { version },
    response: noContent,
  });
}

/** Renew, replace or copy: each answers with the new draft, linked to the certificate. */
export function createFromCertificate(
  kind: 'renew' | 'replace' | 'copy',
  certificateId: string,
  version: number,
) {
  const endpoint = (
    { renew: 'renewCertificate', replace: 'replaceCertificate', copy: 'copyLockedDraft' } as const
  )[kind];
  return callEndpoint(endpoint, {
    params: { id: certificateId },
    body: { version },
    response: certificateResponseSchema,
  });
}
