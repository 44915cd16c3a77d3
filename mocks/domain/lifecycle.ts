import type {
  CertificateAction,
  CertificateActionType,
  CertificateStatus,
} from '../../src/contracts/certificates';
import type { Policy, Role } from '../../src/form-engine';

/**
 * The certificate lifecycle, as pure rules: for a status × action × role × policy × patient,
 * whether the action is allowed, or the HTTP status and Swedish reason why not. The handlers
 * refuse with it, and every certificate they return carries the action list it yields, so
 * the UI and the backend cannot disagree. Checks that need the request (the version, the
 * answers' completeness, the consent) are the handlers' and come after these.
 */

export interface PatientFacts {
  protectedIdentity: boolean;
  deceased: boolean;
  testIndicated: boolean;
}

export interface ActorFacts {
  role: Role;
  unitHsaId: string;
}

export interface CertificateFacts {
  status: CertificateStatus;
  unitHsaId: string;
  sent: boolean;
  readyForSign: boolean;
  consentRecorded: boolean;
}

export type Refusal = { allowed: false; status: 403 | 409; code: RefusalCode; reason: string };
export type Decision = { allowed: true } | Refusal;
export type RefusalCode = 'FORBIDDEN' | 'INVALID_STATE';

export const lifecycleMessages = {
  protectedPatient:
    'Behörighet saknas. Patienten har skyddade personuppgifter och bara den som får signera intygstypen kan hantera patientens intyg.',
  otherUnit: 'Behörighet saknas. Intyget är utfärdat på en annan vårdenhet.',
  deceased: 'Det går inte att skriva nya intyg för en avliden patient.',
  roleMayNotDraft: 'Din roll får inte skriva den här intygstypen.',
  roleMayNotSign:
    'Din roll får inte signera den här intygstypen. Markera utkastet klart för signering i stället.',
  signerMarksReady: 'Du får signera utkastet själv; det behöver inte markeras klart för signering.',
  alreadyReady: 'Utkastet är redan markerat klart för signering.',
  signedReadOnly: 'Intyget är signerat och kan inte ändras.',
  lockedReadOnly: 'Utkastet är låst och kan inte ändras.',
  revoked: 'Intyget är makulerat.',
  notSigned: 'Bara signerade intyg kan skickas.',
  alreadySent: 'Intyget är redan skickat till Försäkringskassan.',
  testPerson: 'Åtgärden kan inte utföras för testpersoner.',
} as const;

const allow: Decision = { allowed: true };
const forbid = (reason: string): Refusal => ({
  allowed: false,
  status: 403,
  code: 'FORBIDDEN',
  reason,
});
const wrongState = (reason: string): Refusal => ({
  allowed: false,
  status: 409,
  code: 'INVALID_STATE',
  reason,
});

/** Only the roles that may sign a type handle a protected person's certificates of it. */
export function mayHandleProtected(policy: Policy, role: Role): boolean {
  return policy.signRoles.includes(role);
}

/** May this user see this patient at all, for at least one of these types' policies? */
export function mayAccessPatient(
  policies: readonly Policy[],
  role: Role,
  patient: PatientFacts,
): boolean {
  return !patient.protectedIdentity || policies.some((policy) => mayHandleProtected(policy, role));
}

/** Creating a new draft of a type for a patient. */
export function decideCreate(policy: Policy, actor: ActorFacts, patient: PatientFacts): Decision {
  if (patient.protectedIdentity && !mayHandleProtected(policy, actor.role)) {
    return forbid(lifecycleMessages.protectedPatient);
  }
  if (!policy.draftRoles.includes(actor.role)) return forbid(lifecycleMessages.roleMayNotDraft);
  if (patient.deceased) return wrongState(lifecycleMessages.deceased);
  return allow;
}

/** Who may see the certificate at all: the same unit, and the protected-person rule. */
export function decideRead(
  policy: Policy,
  actor: ActorFacts,
  patient: PatientFacts,
  certificate: Pick<CertificateFacts, 'unitHsaId'>,
): Decision {
  if (certificate.unitHsaId !== actor.unitHsaId) return forbid(lifecycleMessages.otherUnit);
  if (patient.protectedIdentity && !mayHandleProtected(policy, actor.role)) {
    return forbid(lifecycleMessages.protectedPatient);
  }
  return allow;
}

function draftOnly(status: CertificateStatus): Decision {
  switch (status) {
    case 'draft':
      return allow;
    case 'locked-draft':
      return wrongState(lifecycleMessages.lockedReadOnly);
    case 'signed':
      return wrongState(lifecycleMessages.signedReadOnly);
    case 'revoked':
      return wrongState(lifecycleMessages.revoked);
  }
}

export interface DecisionInput {
  policy: Policy;
  actor: ActorFacts;
  patient: PatientFacts;
  certificate: CertificateFacts;
}

/** Whether `action` may be taken on the certificate now, or why not. */
export function decide(action: CertificateActionType, input: DecisionInput): Decision {
  const { policy, actor, patient, certificate } = input;
  const read = decideRead(policy, actor, patient, certificate);
  if (!read.allowed) return read;
  switch (action) {
    case 'edit':
    case 'record-consent': {
      if (!policy.draftRoles.includes(actor.role)) return forbid(lifecycleMessages.roleMayNotDraft);
      return draftOnly(certificate.status);
    }
    case 'ready-for-sign': {
      if (!policy.draftRoles.includes(actor.role)) return forbid(lifecycleMessages.roleMayNotDraft);
      if (policy.signRoles.includes(actor.role)) return forbid(lifecycleMessages.signerMarksReady);
      const state = draftOnly(certificate.status);
      if (!state.allowed) return state;
      return certificate.readyForSign ? wrongState(lifecycleMessages.alreadyReady) : allow;
    }
    case 'sign': {
      if (!policy.signRoles.includes(actor.role)) return forbid(lifecycleMessages.roleMayNotSign);
      return draftOnly(certificate.status);
    }
    case 'send': {
      if (certificate.status === 'revoked') return wrongState(lifecycleMessages.revoked);
      if (certificate.status !== 'signed') return wrongState(lifecycleMessages.notSigned);
      if (certificate.sent) return wrongState(lifecycleMessages.alreadySent);
      if (patient.testIndicated) return wrongState(lifecycleMessages.testPerson);
      return allow;
    }
  }
}

function labelOf(
  action: CertificateActionType,
  policy: Policy,
  certificate: CertificateFacts,
): string {
  switch (action) {
    case 'edit':
      return 'Redigera utkastet';
    case 'record-consent':
      return certificate.consentRecorded ? 'Ändra samtycket' : 'Registrera samtycke';
    case 'ready-for-sign':
      return 'Markera klart för signering';
    case 'sign':
      return policy.signAndSend ? 'Signera och skicka' : 'Signera intyget';
    case 'send':
      return 'Skicka till Försäkringskassan';
  }
}

/** Which actions a user is shown at all for a certificate in this state (enabled or not). */
function offered(action: CertificateActionType, input: DecisionInput): boolean {
  const { policy, actor, certificate } = input;
  const isDraft = certificate.status === 'draft';
  switch (action) {
    case 'edit':
      return isDraft;
    case 'record-consent':
      return isDraft && policy.consentRequired;
    case 'ready-for-sign':
      return isDraft && !policy.signRoles.includes(actor.role);
    case 'sign':
      return isDraft && policy.signRoles.includes(actor.role);
    case 'send':
      return certificate.status === 'signed' && !(policy.signAndSend && certificate.sent);
  }
}

const actionOrder: readonly CertificateActionType[] = [
  'edit',
  'record-consent',
  'ready-for-sign',
  'sign',
  'send',
];

/** The action list a certificate response carries: what the UI draws its buttons from. */
export function actionsFor(input: DecisionInput): CertificateAction[] {
  return actionOrder
    .filter((action) => offered(action, input))
    .map((action) => {
      const decision = decide(action, input);
      const label = labelOf(action, input.policy, input.certificate);
      return decision.allowed
        ? { type: action, label, enabled: true }
        : { type: action, label, enabled: false, reason: decision.reason };
    });
}
