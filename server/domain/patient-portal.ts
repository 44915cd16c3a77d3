import type { CertificateStatus } from '../../src/contracts/certificates';
import type { PortalAction } from '../../src/contracts/patient-portal';
import type { Policy } from '../../src/form-engine';
import type { CertificateRecord, FkReceivedRecord } from '../store/schema';
import { nextCertificate, sentToFk } from './certificates';
import type { Decision, Refusal } from './lifecycle';

/**
 * What a patient may do in Mina intyg, as pure rules: read only their own signed certificates
 * of the types patients see (a revoked one as revoked, without its content), print what they
 * may read, and send to Försäkringskassan what its type lets the patient send, once. Every
 * refusal to read is the same 403, so that an id guessed for someone else's certificate, a
 * draft or an id that does not exist cannot be told apart.
 */

export const portalMessages = {
  noAccess: 'Du har inte tillgång till intyget.',
  revoked: 'Intyget är makulerat och kan inte visas, skrivas ut eller skickas.',
  typeNotSent: 'Du kan inte skicka den här typen av intyg själv.',
  alreadySent: 'Intyget är redan skickat till Försäkringskassan.',
  replaced: 'Intyget har ersatts av ett nyare intyg. Skicka det nya intyget i stället.',
  testPerson: 'Intyg för testpersoner kan inte skickas till Försäkringskassan.',
  noSuchPerson: 'Personen kunde inte identifieras.',
} as const;

export interface PortalFacts {
  policy: Pick<Policy, 'availableToPatient' | 'patientMaySend'>;
  /** The certificate's patient and the patient asking. */
  ownerId: string;
  status: CertificateStatus;
  /** Signed once (a revoked certificate may have been signed before it was revoked). */
  signed: boolean;
  sent: boolean;
  /** A signed certificate replaces it. */
  replaced: boolean;
  testPerson: boolean;
}

const allow: Decision = { allowed: true };
const noAccess: Refusal = {
  allowed: false,
  status: 403,
  code: 'FORBIDDEN',
  reason: portalMessages.noAccess,
};
const wrongState = (reason: string): Refusal => ({
  allowed: false,
  status: 409,
  code: 'INVALID_STATE',
  reason,
});

/** Whether the patient sees the certificate at all (in the list, and by its id). */
export function decidePortalRead(patientId: string, facts: PortalFacts): Decision {
  if (facts.ownerId !== patientId) return noAccess;
  if (!facts.policy.availableToPatient) return noAccess;
  if (!facts.signed) return noAccess;
  if (facts.status !== 'signed' && facts.status !== 'revoked') return noAccess;
  return allow;
}

/** Whether its content may be shown and printed: not once it is revoked. */
export function decidePortalPrint(patientId: string, facts: PortalFacts): Decision {
  const read = decidePortalRead(patientId, facts);
  if (!read.allowed) return read;
  if (facts.status === 'revoked') return wrongState(portalMessages.revoked);
  return allow;
}

export function decidePortalSend(patientId: string, facts: PortalFacts): Decision {
  const print = decidePortalPrint(patientId, facts);
  if (!print.allowed) return print;
  if (facts.policy.patientMaySend !== true) {
    return { ...noAccess, reason: portalMessages.typeNotSent };
  }
  if (facts.sent) return wrongState(portalMessages.alreadySent);
  if (facts.replaced) return wrongState(portalMessages.replaced);
  if (facts.testPerson) return wrongState(portalMessages.testPerson);
  return allow;
}

/**
 * The actions the certificate's page offers: print while it is not revoked; send when its
 * type lets the patient send and it has not been sent (disabled, with the reason, when it is
 * replaced or a test person's).
 */
export function portalActionsFor(patientId: string, facts: PortalFacts): PortalAction[] {
  if (!decidePortalPrint(patientId, facts).allowed) return [];
  const actions: PortalAction[] = [{ type: 'print', enabled: true }];
  if (facts.policy.patientMaySend === true && !facts.sent) {
    const send = decidePortalSend(patientId, facts);
    actions.push(
      send.allowed
        ? { type: 'send', enabled: true }
        : { type: 'send', enabled: false, reason: send.reason },
    );
  }
  return actions;
}

/**
 * The patient sends their own certificate to Försäkringskassan (after `decidePortalSend`):
 * the certificate's next version, sent by the patient, and what FK receives.
 */
export function sendByPatient(
  record: CertificateRecord,
  at: string,
): { certificate: CertificateRecord; fkReceived: FkReceivedRecord } {
  const sent = sentToFk(nextCertificate(record, {}), at, { kind: 'patient' });
  return { certificate: sent.certificate, fkReceived: sent.received };
}
