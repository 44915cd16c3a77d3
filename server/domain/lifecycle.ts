import type {
  CertificateAction,
  CertificateActionType,
  CertificateStatus,
  RelationType,
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
  /** The certificates made from this one (renewals, replacements, copies, complements). */
  children: readonly { type: RelationType; status: CertificateStatus }[];
  /** FK's complement request waits on it (unhandled): it cannot be replaced meanwhile. */
  unhandledComplementRequest: boolean;
  /** It answers FK's complement request (made with "Komplettera"). */
  complementing?: boolean;
}

/** Whether signing also sends it: by the type's policy, or as a complement FK asked for. */
export function sendsOnSigning(
  policy: Pick<Policy, 'signAndSend' | 'sendAfterComplement'>,
  certificate: Pick<CertificateFacts, 'complementing'>,
): boolean {
  return (
    policy.signAndSend ||
    (certificate.complementing === true && policy.sendAfterComplement === true)
  );
}

/** Replaced is not a status: it is having a signed replacement (as in Webcert). */
export function isReplaced(certificate: Pick<CertificateFacts, 'children'>): boolean {
  return certificate.children.some(
    (child) => child.type === 'replaces' && child.status === 'signed',
  );
}

/** A replacing draft someone has started: "Ersätt" then leads to it instead. */
export function hasReplacementDraft(certificate: Pick<CertificateFacts, 'children'>): boolean {
  return certificate.children.some(
    (child) => child.type === 'replaces' && child.status === 'draft',
  );
}

function hasSignedComplement(certificate: Pick<CertificateFacts, 'children'>): boolean {
  return certificate.children.some(
    (child) => child.type === 'complements' && child.status === 'signed',
  );
}

export type Refusal = { allowed: false; status: 403 | 409; code: RefusalCode; reason: string };
export type Decision = { allowed: true } | Refusal;
export type RefusalCode = 'FORBIDDEN' | 'INVALID_STATE';

export const lifecycleMessages = {
  protectedPatient:
    'Patienten har skyddade personuppgifter, och bara den som får signera intygstypen kan hantera patientens intyg.',
  otherUnit: 'Intyget är utfärdat på en annan vårdenhet.',
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
  replaced: 'Intyget har ersatts av ett nyare intyg.',
  replacedNotSent: 'Intyget har ersatts av ett nyare intyg och kan inte skickas.',
  replacedNotRenewed: 'Intyget har ersatts av ett nyare intyg och kan inte förnyas.',
  complementedNotRenewed:
    'Intyget har kompletterats med ett nyare intyg. Förnya det kompletterande intyget i stället.',
  notSignedRenew: 'Bara signerade intyg kan förnyas.',
  notSignedReplace: 'Bara signerade intyg kan ersättas.',
  renewNotAllowed: 'Intyg av den här typen kan inte förnyas.',
  replaceNotAllowed: 'Intyg av den här typen kan inte ersättas.',
  revokeNotAllowed: 'Intyg av den här typen kan inte makuleras.',
  roleMayNotRevoke: 'Din roll får inte makulera intyg av den här typen.',
  roleMayNotReplace: 'Din roll får inte ersätta intyg av den här typen.',
  draftDeleteInstead: 'Ett utkast som inte är låst raderas i stället för att makuleras.',
  lockedRevokeInstead: 'Ett låst utkast kan inte raderas. Makulera det i stället.',
  onlyDraftsDeleted: 'Bara utkast kan raderas.',
  onlyLockedCopied: 'Bara låsta utkast kopieras. Ett signerat intyg förnyas eller ersätts.',
  deceasedNoNew: 'Patienten är avliden. Det går inte att skapa nya utkast för patienten.',
  unhandledComplementBlocksReplace:
    'Intyget har minst en ohanterad kompletteringsbegäran och går inte att ersätta.',
  signingSends: 'Intyget skickas till Försäkringskassan när det signeras.',
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
  patient: Pick<PatientFacts, 'protectedIdentity'>,
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

/** Signed certificates and locked drafts are revoked; an open draft is deleted instead. */
function revocable(status: CertificateStatus): Decision {
  switch (status) {
    case 'signed':
    case 'locked-draft':
      return allow;
    case 'draft':
      return wrongState(lifecycleMessages.draftDeleteInstead);
    case 'revoked':
      return wrongState(lifecycleMessages.revoked);
  }
}

function deletable(status: CertificateStatus): Decision {
  switch (status) {
    case 'draft':
      return allow;
    case 'locked-draft':
      return wrongState(lifecycleMessages.lockedRevokeInstead);
    case 'signed':
    case 'revoked':
      return wrongState(lifecycleMessages.onlyDraftsDeleted);
  }
}

/**
 * What who acts decides alone, before anything the request carries: the read rule and the
 * action's role requirement under the type's policy. `decide` applies the same rules among
 * the state's; the guard applies these first, so that a refusal for who you are never
 * depends on the body of the request.
 */
export function decideAuthority(
  action: CertificateActionType,
  policy: Policy,
  actor: ActorFacts,
  patient: Pick<PatientFacts, 'protectedIdentity'>,
  certificate: Pick<CertificateFacts, 'unitHsaId'>,
): Decision {
  const read = decideRead(policy, actor, patient, certificate);
  if (!read.allowed) return read;
  const drafts = policy.draftRoles.includes(actor.role);
  const signs = policy.signRoles.includes(actor.role);
  switch (action) {
    case 'edit':
    case 'record-consent':
    case 'renew':
    case 'copy':
    case 'delete':
      return drafts ? allow : forbid(lifecycleMessages.roleMayNotDraft);
    case 'ready-for-sign':
      if (!drafts) return forbid(lifecycleMessages.roleMayNotDraft);
      return signs ? forbid(lifecycleMessages.signerMarksReady) : allow;
    case 'sign':
    case 'sign-and-send':
      return signs ? allow : forbid(lifecycleMessages.roleMayNotSign);
    case 'replace':
      return signs ? allow : forbid(lifecycleMessages.roleMayNotReplace);
    case 'revoke':
      return signs ? allow : forbid(lifecycleMessages.roleMayNotRevoke);
    case 'send':
    case 'print':
      return allow;
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
    case 'sign-and-send': {
      // Signing, and sending it once signed: what each of them requires.
      const signing = decide('sign', input);
      if (!signing.allowed) return signing;
      if (sendsOnSigning(policy, certificate)) return wrongState(lifecycleMessages.signingSends);
      if (patient.testIndicated) return wrongState(lifecycleMessages.testPerson);
      return allow;
    }
    case 'send': {
      if (certificate.status === 'revoked') return wrongState(lifecycleMessages.revoked);
      if (certificate.status !== 'signed') return wrongState(lifecycleMessages.notSigned);
      if (certificate.sent) return wrongState(lifecycleMessages.alreadySent);
      if (isReplaced(certificate)) return wrongState(lifecycleMessages.replacedNotSent);
      if (patient.testIndicated) return wrongState(lifecycleMessages.testPerson);
      return allow;
    }
    case 'print':
      return allow;
    case 'renew': {
      if (!policy.renew.allowed) return wrongState(lifecycleMessages.renewNotAllowed);
      if (!policy.draftRoles.includes(actor.role)) return forbid(lifecycleMessages.roleMayNotDraft);
      if (certificate.status === 'revoked') return wrongState(lifecycleMessages.revoked);
      if (certificate.status !== 'signed') return wrongState(lifecycleMessages.notSignedRenew);
      if (patient.deceased) return wrongState(lifecycleMessages.deceasedNoNew);
      if (isReplaced(certificate)) return wrongState(lifecycleMessages.replacedNotRenewed);
      if (hasSignedComplement(certificate)) {
        return wrongState(lifecycleMessages.complementedNotRenewed);
      }
      return allow;
    }
    case 'replace': {
      if (!policy.replaceAllowed) return wrongState(lifecycleMessages.replaceNotAllowed);
      if (!policy.signRoles.includes(actor.role)) {
        return forbid(lifecycleMessages.roleMayNotReplace);
      }
      if (certificate.status === 'revoked') return wrongState(lifecycleMessages.revoked);
      if (certificate.status !== 'signed') return wrongState(lifecycleMessages.notSignedReplace);
      if (patient.deceased) return wrongState(lifecycleMessages.deceasedNoNew);
      if (isReplaced(certificate)) return wrongState(lifecycleMessages.replaced);
      if (certificate.unhandledComplementRequest) {
        return wrongState(lifecycleMessages.unhandledComplementBlocksReplace);
      }
      return allow;
    }
    case 'copy': {
      if (!policy.draftRoles.includes(actor.role)) return forbid(lifecycleMessages.roleMayNotDraft);
      if (certificate.status !== 'locked-draft') {
        return wrongState(lifecycleMessages.onlyLockedCopied);
      }
      if (patient.deceased) return wrongState(lifecycleMessages.deceasedNoNew);
      return allow;
    }
    case 'revoke': {
      if (!policy.revokeAllowed) return wrongState(lifecycleMessages.revokeNotAllowed);
      if (!policy.signRoles.includes(actor.role)) {
        return forbid(lifecycleMessages.roleMayNotRevoke);
      }
      return revocable(certificate.status);
    }
    case 'delete': {
      if (!policy.draftRoles.includes(actor.role)) return forbid(lifecycleMessages.roleMayNotDraft);
      return deletable(certificate.status);
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
      return sendsOnSigning(policy, certificate) ? 'Signera och skicka' : 'Signera intyget';
    case 'sign-and-send':
      return 'Signera och skicka';
    case 'send':
      return 'Skicka till Försäkringskassan';
    case 'print':
      return certificate.status === 'draft' || certificate.status === 'locked-draft'
        ? 'Skriv ut utkastet'
        : 'Skriv ut';
    case 'renew':
      return 'Förnya';
    case 'replace':
      return hasReplacementDraft(certificate) ? 'Öppna utkastet som ersätter intyget' : 'Ersätt';
    case 'copy':
      return 'Kopiera';
    case 'revoke':
      return certificate.status === 'locked-draft' ? 'Makulera utkastet' : 'Makulera';
    case 'delete':
      return 'Radera utkastet';
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
    case 'sign-and-send':
      return (
        isDraft && policy.signRoles.includes(actor.role) && !sendsOnSigning(policy, certificate)
      );
    case 'send':
      return certificate.status === 'signed' && !(policy.signAndSend && certificate.sent);
    case 'print':
      return true;
    case 'renew':
      return certificate.status === 'signed' && policy.renew.allowed;
    case 'replace':
      return certificate.status === 'signed' && policy.replaceAllowed;
    case 'copy':
      return certificate.status === 'locked-draft';
    case 'revoke':
      return (
        (certificate.status === 'signed' || certificate.status === 'locked-draft') &&
        policy.revokeAllowed &&
        policy.signRoles.includes(actor.role)
      );
    case 'delete':
      return isDraft;
  }
}

const actionOrder: readonly CertificateActionType[] = [
  'edit',
  'record-consent',
  'ready-for-sign',
  'sign-and-send',
  'sign',
  'send',
  'renew',
  'replace',
  'copy',
  'print',
  'revoke',
  'delete',
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
