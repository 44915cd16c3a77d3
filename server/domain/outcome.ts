import type { ConflictDetails } from '../../src/contracts/certificates';
import { apiErrorCodes } from '../../src/contracts/common';
import type { AuditRecord, PatientRecord } from '../store/schema';
import type { Refusal } from './lifecycle';

/**
 * What a domain command answers besides its next records: a refusal as data (the HTTP status,
 * the API's error code and the Swedish message), and the audit entries it makes, so that the
 * handler that called it only stores what it returns and answers.
 */

export interface Rejection {
  rejected: true;
  status: 400 | 403 | 404 | 409 | 422;
  code: string;
  message: string;
  /** A write based on an older version of a certificate: who saved last (the 409's body). */
  conflict?: ConflictDetails;
}

export function reject(status: Rejection['status'], code: string, message: string): Rejection {
  return { rejected: true, status, code, message };
}

/** The lifecycle's or the thread rules' refusal, as a command's. */
export function rejectionOf(refusal: Refusal): Rejection {
  return reject(
    refusal.status,
    refusal.code === 'FORBIDDEN' ? apiErrorCodes.forbidden : 'INVALID_STATE',
    refusal.reason,
  );
}

export function isRejection(outcome: object): outcome is Rejection {
  return 'rejected' in outcome;
}

/** An entry for the audit log (PDL): what was done, to which patient, on which certificate. */
export interface AuditEffect {
  action: AuditRecord['action'];
  patient: Pick<PatientRecord, 'id' | 'testIndicated'>;
  certificateId?: string | undefined;
}

export function auditOf(
  action: AuditRecord['action'],
  patient: Pick<PatientRecord, 'id' | 'testIndicated'>,
  certificateId?: string,
): AuditEffect {
  return { action, patient, certificateId };
}
