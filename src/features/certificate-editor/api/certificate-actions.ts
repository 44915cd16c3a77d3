import {
  certificateResponseSchema,
  type ConsentInput,
  type SigningMethod,
} from '../../../contracts/certificates';
import { apiRequest } from '../../../lib/api-client';

/** The writes on a certificate besides its answers; each names the version it is based on. */

const path = (certificateId: string, action: string) =>
  `/api/certificates/${encodeURIComponent(certificateId)}/${action}`;

export function recordConsent(certificateId: string, version: number, consent: ConsentInput) {
  return apiRequest(path(certificateId, 'consent'), certificateResponseSchema, {
    method: 'POST',
    body: { version, consent },
  });
}

export function markReadyForSign(certificateId: string, version: number) {
  return apiRequest(path(certificateId, 'ready-for-sign'), certificateResponseSchema, {
    method: 'POST',
    body: { version },
  });
}

export function signCertificate(
  certificateId: string,
  version: number,
  method: SigningMethod,
  confirmations: string[],
) {
  return apiRequest(path(certificateId, 'sign'), certificateResponseSchema, {
    method: 'POST',
    body: { version, method, confirmations },
  });
}

export function sendCertificate(certificateId: string, version: number) {
  return apiRequest(path(certificateId, 'send'), certificateResponseSchema, {
    method: 'POST',
    body: { version },
  });
}
