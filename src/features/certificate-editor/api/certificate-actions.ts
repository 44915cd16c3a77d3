import {
  certificateResponseSchema,
  type ConsentInput,
  type RevokeReason,
  type SigningMethod,
} from '../../../contracts/certificates';
import { apiCommand, apiRequest } from '../../../lib/api-client';
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

/** Records the printing in the audit log; the caller then opens the browser's print. */
export function recordPrint(certificateId: string, version: number) {
  return apiRequest(
    apiPath(routes.printCertificate, { id: certificateId }),
    certificateResponseSchema,
    { method: 'POST', body: { version } },
  );
}

export function revokeCertificate(
  certificateId: string,
  version: number,
  reason: RevokeReason,
  message: string,
) {
  return apiRequest(
    apiPath(routes.revokeCertificate, { id: certificateId }),
    certificateResponseSchema,
    {
      method: 'POST',
      body: { version, reason, ...(message.trim() === '' ? {} : { message: message.trim() }) },
    },
  );
}

export function deleteDraft(certificateId: string, version: number) {
  return apiCommand(apiPath(routes.deleteDraft, { id: certificateId }), {
    method: 'DELETE',
    body: { version },
  });
}

/** Renew, replace or copy: each answers with the new draft, linked to the certificate. */
export function createFromCertificate(
  kind: 'renew' | 'replace' | 'copy',
  certificateId: string,
  version: number,
) {
  const route = {
    renew: routes.renewCertificate,
    replace: routes.replaceCertificate,
    copy: routes.copyLockedDraft,
  }[kind];
  return apiRequest(apiPath(route, { id: certificateId }), certificateResponseSchema, {
    method: 'POST',
    body: { version },
  });
}
