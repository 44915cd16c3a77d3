import {
  certificateResponseSchema,
  type ConsentInput,
  type SigningMethod,
} from '../../../contracts/certificates';
import { apiRequest } from '../../../lib/api-client';
import { apiPath, routes } from '../../../contracts/routes';

/** The writes on a certificate besides its answers; each names the version it is based on. */

export function recordConsent(certificateId: string, version: number, consent: ConsentInput) {
  return apiRequest(
    apiPath(routes.recordConsent, { id: certificateId }),
    certificateResponseSchema,
    {
      method: 'POST',
      body: { version, consent },
    },
  );
}

export function markReadyForSign(certificateId: string, version: number) {
  return apiRequest(
    apiPath(routes.markReadyForSign, { id: certificateId }),
    certificateResponseSchema,
    {
      method: 'POST',
      body: { version },
    },
  );
}

export function signCertificate(
  certificateId: string,
  version: number,
  method: SigningMethod,
  confirmations: string[],
) {
  return apiRequest(
    apiPath(routes.signCertificate, { id: certificateId }),
    certificateResponseSchema,
    {
      method: 'POST',
      body: { version, method, confirmations },
    },
  );
}

export function sendCertificate(certificateId: string, version: number) {
  return apiRequest(
    apiPath(routes.sendCertificate, { id: certificateId }),
    certificateResponseSchema,
    {
      method: 'POST',
      body: { version },
    },
  );
}
