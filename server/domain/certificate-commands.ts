import type {
  CertificateEvent,
  ComplementRequested,
  Consent,
  RelationType,
  RevokeRequest,
} from '../../src/contracts/certificates';
import { apiErrorCodes } from '../../src/contracts/common';
import type { CertificateActionType } from '../../src/contracts/certificates';
import {
  applySigningTransforms,
  evaluate,
  pruneHidden,
  type Answers,
  type CertificateDefinition,
  type Role,
} from '../../src/form-engine';
import type {
  CareUnitRecord,
  CertificateRecord,
  FkReceivedRecord,
  PatientRecord,
  ThreadRecord,
  UserRecord,
} from '../store/schema';
import {
  answerQuestionIds,
  certificateEvent,
  completenessOf,
  decisionInput,
  evaluateAnswers,
  newDraftRecord,
  nextCertificate,
  noRelations,
  relatedCertificate,
  requestedQuestionIds,
  sentToFk,
  toActor,
  unitContactAnswers,
  PATIENT_IN_PORTAL,
  type Relations,
  type Validation,
} from './certificates';
import { decide, decideCreate, sendsOnSigning, type DecisionInput } from './lifecycle';
import { auditOf, reject, rejectionOf, type AuditEffect, type Rejection } from './outcome';
import { countText } from '../../src/language/swedish';
import { checkFkTextAnswers } from './fk-text-check';
import { previousPeriodsOf } from './renewal';
import {
  closeOnRevoke,
  handleOnComplementSigned,
  nextThread,
  reopenOnComplementRevoked,
} from './threads';

/**
 * The commands on one certificate, as pure functions: each takes the record(s) it acts on,
 * the command's input and its context (who acts, on which unit, at what instant, and the
 * validation facts such as today), and returns the next record(s) with the audit entries and
 * what Försäkringskassan receives, or a refusal as data. No store, no request, no clock: the
 * handlers load what a command needs, call it, store what it returns and answer.
 */

export const certificateMessages = {
  /**
   * A certificate that is not on the user's unit: the same words and status whether it exists
   * on another unit or not at all, so that a refusal never tells which.
   */
  notFound: 'Intyget finns inte på din vårdenhet.',
  patientNotFound: 'Patienten finns inte.',
  unknownQuestion: 'Svaret gäller en fråga som inte finns i intyget.',
  tooLarge: 'Utkastet är för stort för att sparas.',
  incomplete: (count: number) =>
    `Utkastet kan inte signeras: ${countText(count, 'obligatorisk uppgift', 'obligatoriska uppgifter')} saknas eller är ${count === 1 ? 'felaktig' : 'felaktiga'}.`,
  consentMissing:
    'Utkastet kan inte signeras: patientens samtycke till elektronisk överföring är inte registrerat.',
  confirmationMissing: 'Bekräfta uppgifterna i rutan innan du fortsätter.',
  conflict: (name: string) =>
    `Utkastet har ändrats av ${name} sedan du öppnade det. Ladda om utkastet för att se ändringarna.`,
  conflictByYou:
    'Du har ändrat utkastet i en annan flik eller ett annat fönster sedan du öppnade det här. Ladda om utkastet för att se ändringarna.',
  consentFuture: 'Datumet för samtycket kan inte ligga i framtiden.',
  replacementBegun:
    'Det finns redan ett påbörjat utkast som ska ersätta intyget. Öppna det i stället för att skapa ett nytt.',
} as const;

/** At most this much JSON in one draft's answers (a real server bounds its bodies too). */
export const MAX_ANSWERS_JSON = 400_000;

/** Who acts, on which care unit, and when (the backend's now, as an ISO instant). */
export interface CommandContext {
  user: UserRecord;
  unit: CareUnitRecord;
  at: string;
}

/** A command's success: the certificate as it is now, and the audit entries it makes. */
export interface CertificateOutcome {
  certificate: CertificateRecord;
  audit: AuditEffect[];
}

/** A command that also changes threads and what Försäkringskassan has received. */
export interface CertificateChanges extends CertificateOutcome {
  threads: ThreadRecord[];
  fkReceived: FkReceivedRecord[];
}

/** A new draft made from another certificate, with the definition and relations it has. */
export interface DraftOutcome extends CertificateOutcome {
  definition: CertificateDefinition;
  relations: Relations;
}

function actorFacts(context: CommandContext) {
  return { role: context.user.role, unitHsaId: context.unit.hsaId };
}

const badRequest = (message: string) => reject(400, apiErrorCodes.badRequest, message);

/**
 * A write based on an older version: refused with who saved last, never merged. When that was
 * the user themself (in another tab or window), the message says so rather than "someone".
 */
export function conflictWith(
  record: Pick<CertificateRecord, 'savedBy' | 'savedAt'>,
  context: Pick<CommandContext, 'user'>,
): Rejection {
  const byYou = record.savedBy.userId === context.user.id;
  const message = byYou
    ? certificateMessages.conflictByYou
    : certificateMessages.conflict(record.savedBy.name);
  return {
    ...reject(409, apiErrorCodes.conflict, message),
    conflict: {
      code: 'CONFLICT',
      message,
      savedBy: record.savedBy.name,
      savedByUserId: record.savedBy.userId,
      savedAt: record.savedAt,
    },
  };
}

/**
 * Whether `action` may be taken on the certificate now, based on `version`: the lifecycle's
 * decision (403/409), then the version the caller read (409 naming who saved, unless
 * `buildsOn` lets an older version through). Undefined: go ahead.
 */
export function checkCertificateAction(
  action: CertificateActionType,
  input: DecisionInput,
  record: Pick<CertificateRecord, 'version' | 'savedBy' | 'savedAt'>,
  version: number,
  context: Pick<CommandContext, 'user'>,
  buildsOn = false,
): Rejection | undefined {
  const decision = decide(action, input);
  if (!decision.allowed) return rejectionOf(decision);
  if (record.version !== version && !buildsOn) return conflictWith(record, context);
  return undefined;
}

/** The facts the lifecycle decides on, for a command's context. */
export function decisionInputFor(
  definition: CertificateDefinition,
  record: CertificateRecord,
  patient: PatientRecord,
  context: Pick<CommandContext, 'user' | 'unit'>,
  relations: Relations,
): DecisionInput {
  return decisionInput(definition, record, patient, context.user, context.unit.hsaId, relations);
}

// -- Creating a draft ---------------------------------------------------------------------

/** The definition's confirmations that apply to this patient when a draft is created. */
export function createConfirmations(
  definition: CertificateDefinition,
  patient: Pick<PatientRecord, 'birthDate'>,
  today: string,
  role: Role,
) {
  return evaluate(
    definition,
    {},
    { today, role, consentRecorded: false, patient: { birthDate: patient.birthDate } },
  ).confirmations.filter((confirmation) => confirmation.trigger === 'createDraft');
}

function confirmed(
  needed: readonly { id: string }[],
  given: readonly string[] | undefined,
): boolean {
  return needed.every((confirmation) => (given ?? []).includes(confirmation.id));
}

/** A new draft for a patient, prefilled with the care unit's contact details. */
export function createDraft(
  input: {
    definition: CertificateDefinition;
    type: CertificateRecord['type'];
    patient: PatientRecord;
    confirmations?: readonly string[] | undefined;
  },
  validation: Validation,
  context: CommandContext,
): CertificateOutcome | Rejection {
  const { definition, type, patient } = input;
  const decision = decideCreate(definition.policy, actorFacts(context), patient);
  if (!decision.allowed) return rejectionOf(decision);
  const needed = createConfirmations(definition, patient, validation.today, context.user.role);
  if (!confirmed(needed, input.confirmations)) {
    return badRequest(certificateMessages.confirmationMissing);
  }
  const answers = unitContactAnswers(definition, context.unit);
  const evaluation = evaluateAnswers(
    definition,
    answers,
    patient,
    context.user.role,
    false,
    validation,
  );
  const certificate = newDraftRecord({
    definition,
    type,
    patient,
    unitHsaId: context.unit.hsaId,
    actor: toActor(context.user),
    at: context.at,
    answers,
    completeness: completenessOf(evaluation),
  });
  return { certificate, audit: [auditOf('certificate-create', patient, certificate.id)] };
}

// -- Writing a draft ----------------------------------------------------------------------

/** Whether the answers name only questions of the definition, and are of a sane size. */
export function checkDraftAnswers(
  definition: CertificateDefinition,
  answers: Answers,
): Rejection | undefined {
  const ids = answerQuestionIds(definition);
  if (Object.keys(answers).some((id) => !ids.has(id))) {
    return badRequest(certificateMessages.unknownQuestion);
  }
  if (JSON.stringify(answers).length > MAX_ANSWERS_JSON) {
    return badRequest(certificateMessages.tooLarge);
  }
  return undefined;
}

/**
 * Autosave: the draft's answers, as the engine evaluates them now. A text FK cannot receive is
 * refused (400), unless it is the draft's stored text written back unchanged.
 */
export function saveAnswers(
  record: CertificateRecord,
  input: { answers: Answers; editorId?: string | undefined; sessionId: string },
  facts: { definition: CertificateDefinition; patient: PatientRecord },
  validation: Validation,
  context: CommandContext,
): CertificateOutcome | Rejection {
  const outsideFkText = checkFkTextAnswers(facts.definition, input.answers, record.answers);
  if (outsideFkText !== undefined) return outsideFkText;
  const evaluation = evaluateAnswers(
    facts.definition,
    input.answers,
    facts.patient,
    context.user.role,
    record.consent !== undefined,
    validation,
    requestedQuestionIds(record),
  );
  const firstInSession = !record.savedInSessions.includes(input.sessionId);
  const version = record.version + 1;
  const { base, saved } = groupedSave(record, firstInSession, context);
  const certificate = nextCertificate(
    base,
    {
      answers: input.answers,
      completeness: completenessOf(evaluation),
      savedAt: context.at,
      savedBy: toActor(context.user),
      savedInSessions: firstInSession
        ? [...record.savedInSessions, input.sessionId].slice(-50)
        : record.savedInSessions,
      lastSave: input.editorId === undefined ? undefined : { editorId: input.editorId, version },
    },
    saved,
  );
  // PDL: an update is logged on the first save in each session.
  return {
    certificate,
    audit: firstInSession ? [auditOf('certificate-update', facts.patient, certificate.id)] : [],
  };
}

/**
 * The history's "saved" event of a save: a user's saves in one session, with nothing else in
 * between, are one event from its first save (`at`) to its latest (`until`), so that a sitting
 * of autosaves reads as one "Sparat av" row. `base` is the record without the event it extends.
 */
function groupedSave(
  record: CertificateRecord,
  firstInSession: boolean,
  context: CommandContext,
): { base: CertificateRecord; saved: CertificateEvent } {
  const last = record.events.at(-1);
  if (!firstInSession && last?.type === 'saved' && last.byId === context.user.id) {
    return {
      base: { ...record, events: record.events.slice(0, -1) },
      saved: { ...last, until: context.at },
    };
  }
  return {
    base: record,
    saved: { ...certificateEvent('saved', context.at, context.user.name), byId: context.user.id },
  };
}

/** The day consent was given cannot be after today. */
export function checkConsentDate(givenOn: string, today: string): Rejection | undefined {
  return givenOn > today ? badRequest(certificateMessages.consentFuture) : undefined;
}

export type ConsentInput = Omit<Consent, 'recordedAt' | 'recordedBy'>;

/** The consent as stored: who gave it, how and when, and who recorded it when. */
export function consentRecord(input: ConsentInput, context: CommandContext): Consent {
  const { givenBy, method, givenOn, representativeName } = input;
  return {
    givenBy,
    method,
    givenOn,
    ...(givenBy === 'representative' && representativeName !== undefined
      ? { representativeName }
      : {}),
    recordedAt: context.at,
    recordedBy: toActor(context.user),
  };
}

/** The patient's consent to electronic transfer, recorded on the draft. */
export function recordConsent(
  record: CertificateRecord,
  consent: ConsentInput,
  facts: { definition: CertificateDefinition; patient: PatientRecord },
  validation: Validation,
  context: CommandContext,
): CertificateOutcome {
  const evaluation = evaluateAnswers(
    facts.definition,
    record.answers,
    facts.patient,
    context.user.role,
    true,
    validation,
    requestedQuestionIds(record),
  );
  const certificate = nextCertificate(
    record,
    { consent: consentRecord(consent, context), completeness: completenessOf(evaluation) },
    certificateEvent('consent-recorded', context.at, context.user.name),
  );
  return { certificate, audit: [auditOf('certificate-consent', facts.patient, certificate.id)] };
}

/** Marked ready for signing, by a role that may not sign it. */
export function markReadyForSign(
  record: CertificateRecord,
  patient: PatientRecord,
  context: CommandContext,
): CertificateOutcome {
  const certificate = nextCertificate(
    record,
    { readyForSign: { at: context.at, by: toActor(context.user) } },
    certificateEvent('ready-for-sign', context.at, context.user.name),
  );
  return { certificate, audit: [auditOf('certificate-ready-for-sign', patient, certificate.id)] };
}

// -- Signing and sending ------------------------------------------------------------------

/**
 * Signing: the engine and the draft's own definition version decide completeness (422), the
 * signing confirmations must be given (400); the answers of hidden questions are left out and
 * the definition's signing transforms applied. A consent captured in the signing step is
 * recorded first, as `recordConsent` records it (the same rule for who may, its event and audit
 * entry), and counts for the readiness; a refused signing records nothing. A type that signs
 * and sends, a complement FK asked for, or a signing with `send` (the `sign-and-send` action,
 * on a type whose signing alone does not send) is sent at once; a complement's signing handles
 * every open complement request of the certificate it complements (`parentThreads`).
 */
export function signCertificate(
  stored: CertificateRecord,
  input: {
    confirmations?: readonly string[] | undefined;
    consent?: ConsentInput | undefined;
    send?: true | undefined;
  },
  facts: {
    definition: CertificateDefinition;
    patient: PatientRecord;
    relations: Relations;
    /** The threads of the certificate it complements, if it complements one. */
    parentThreads: readonly ThreadRecord[];
  },
  validation: Validation,
  context: CommandContext,
): CertificateChanges | Rejection {
  const { definition, patient } = facts;
  const audit: AuditEffect[] = [];
  let record = stored;
  const decision = decisionInputFor(definition, stored, patient, context, facts.relations);
  if (input.send === true) {
    const maySend = decide('sign-and-send', decision);
    if (!maySend.allowed) return rejectionOf(maySend);
  }
  if (input.consent !== undefined) {
    const mayRecord = decide('record-consent', decision);
    if (!mayRecord.allowed) return rejectionOf(mayRecord);
    const future = checkConsentDate(input.consent.givenOn, validation.today);
    if (future !== undefined) return future;
    record = {
      ...stored,
      consent: consentRecord(input.consent, context),
      events: [
        ...stored.events,
        certificateEvent('consent-recorded', context.at, context.user.name),
      ],
    };
    audit.push(auditOf('certificate-consent', patient, stored.id));
  }
  const consentRecorded = record.consent !== undefined;
  const complementRequested = requestedQuestionIds(record);
  const { at, user } = context;
  const kept = pruneHidden(definition, record.answers, {
    today: validation.today,
    role: user.role,
    consentRecorded,
    patient: { birthDate: patient.birthDate },
    complementRequested,
  });
  // What FK would receive must be text it can receive: named, before the general refusal.
  const outsideFkText = checkFkTextAnswers(definition, kept);
  if (outsideFkText !== undefined) return outsideFkText;
  const evaluation = evaluateAnswers(
    definition,
    record.answers,
    patient,
    context.user.role,
    consentRecorded,
    validation,
    complementRequested,
  );
  const missing = evaluation.readiness.blockers.filter((blocker) => blocker.kind !== 'consent');
  if (missing.length > 0) {
    return reject(422, 'INCOMPLETE', certificateMessages.incomplete(missing.length));
  }
  if (!evaluation.readiness.readyToSign) {
    return reject(422, 'CONSENT_MISSING', certificateMessages.consentMissing);
  }
  const signing = evaluation.confirmations.filter(
    (confirmation) => confirmation.trigger === 'sign',
  );
  if (!confirmed(signing, input.confirmations)) {
    return badRequest(certificateMessages.confirmationMissing);
  }
  const actor = toActor(user);
  const signedAnswers = applySigningTransforms(definition.onSigning, kept);
  const signed = nextCertificate(
    record,
    {
      status: 'signed',
      answers: signedAnswers,
      completeness: 'complete',
      signed: { at, by: actor },
    },
    certificateEvent('signed', at, user.name),
  );
  audit.push(auditOf('certificate-sign', patient, record.id));
  const complementing = record.parent?.type === 'complements';
  // A complement answers FK's request: it is sent on signing, and the request handled.
  const sent =
    input.send === true || sendsOnSigning(definition.policy, { complementing })
      ? sentToFk(signed, at, { kind: 'care', actor })
      : undefined;
  if (sent !== undefined) audit.push(auditOf('certificate-send', patient, record.id));
  return {
    certificate: sent?.certificate ?? signed,
    fkReceived: sent === undefined ? [] : [sent.received],
    threads: complementing
      ? handleOnComplementSigned(facts.parentThreads, record.id, at).map((thread) =>
          nextThread(thread, {}),
        )
      : [],
    audit,
  };
}

/** A signed certificate sent to Försäkringskassan. */
export function sendCertificate(
  record: CertificateRecord,
  patient: PatientRecord,
  context: CommandContext,
): CertificateChanges {
  const sent = sentToFk(nextCertificate(record, {}), context.at, {
    kind: 'care',
    actor: toActor(context.user),
  });
  return {
    certificate: sent.certificate,
    fkReceived: [sent.received],
    threads: [],
    audit: [auditOf('certificate-send', patient, record.id)],
  };
}

/**
 * The patient printed it in Mina intyg: logged (PDL), and kept in the certificate's history.
 * The event is history, not content: the version stays, so a care user's open copy is not
 * made stale by a patient's print.
 */
export function printedByPatient(record: CertificateRecord, at: string): CertificateRecord {
  return {
    ...record,
    events: [...record.events, certificateEvent('printed-by-patient', at, PATIENT_IN_PORTAL)],
  };
}

/** Printing changes nothing; it is logged (PDL). */
export function printCertificate(record: CertificateRecord, patient: PatientRecord) {
  return { audit: [auditOf('certificate-print', patient, record.id)] };
}

// -- Revoking and deleting ----------------------------------------------------------------

/**
 * "Makulera": the certificate no longer counts. FK's copy says so when it had received it;
 * its open questions close; a revoked complement no longer answers FK's requests on the
 * certificate it complements (`parentThreads`).
 */
export function revokeCertificate(
  record: CertificateRecord,
  input: Pick<RevokeRequest, 'reason' | 'message'>,
  facts: {
    patient: PatientRecord;
    threads: readonly ThreadRecord[];
    parentThreads: readonly ThreadRecord[];
    /** What Försäkringskassan has received (its copies of this certificate are marked). */
    received: readonly FkReceivedRecord[];
  },
  context: CommandContext,
): CertificateChanges {
  const { at } = context;
  const revoked = {
    at,
    by: toActor(context.user),
    reason: input.reason,
    ...(input.message === undefined || input.message === '' ? {} : { message: input.message }),
  };
  const certificate = nextCertificate(
    record,
    { status: 'revoked', revoked },
    certificateEvent('revoked', at, context.user.name),
  );
  const fkReceived =
    record.sent === undefined
      ? []
      : facts.received
          .filter((entry) => entry.certificateId === record.id)
          .map((entry) => ({ ...entry, revoked: { at, reason: input.reason } }));
  const threads = [
    ...closeOnRevoke(facts.threads, at),
    ...(record.parent?.type === 'complements'
      ? reopenOnComplementRevoked(facts.parentThreads, record.id)
      : []),
  ].map((thread) => nextThread(thread, {}));
  return {
    certificate,
    fkReceived,
    threads,
    audit: [auditOf('certificate-revoke', facts.patient, record.id)],
  };
}

/** A draft deleted: nothing is left of it but the audit entry. */
export function deleteDraft(
  record: Pick<CertificateRecord, 'id'>,
  patient: PatientRecord,
): { deleted: string; audit: AuditEffect[] } {
  return { deleted: record.id, audit: [auditOf('certificate-delete', patient, record.id)] };
}

/**
 * Deleting a draft whose stored record does not match its schema: the same rules as for any
 * draft, decided on what still reads of it (its type's policy, status, unit and patient, and
 * the version the caller names). The record's other facts cannot be read and play no part.
 */
export function checkDamagedDraftDelete(
  draft: Pick<CertificateRecord, 'status' | 'unitHsaId' | 'version' | 'savedBy' | 'savedAt'>,
  definition: CertificateDefinition,
  patient: PatientRecord,
  version: number,
  context: Pick<CommandContext, 'user' | 'unit'>,
): Rejection | undefined {
  return checkCertificateAction(
    'delete',
    {
      policy: definition.policy,
      actor: { role: context.user.role, unitHsaId: context.unit.hsaId },
      patient,
      certificate: {
        status: draft.status,
        unitHsaId: draft.unitHsaId,
        sent: false,
        readyForSign: false,
        consentRecorded: false,
        children: [],
        unhandledComplementRequest: false,
        complementing: false,
      },
    },
    draft,
    version,
    context,
  );
}

// -- Drafts made from a certificate -------------------------------------------------------

/** The answers a new draft made from `source` starts with. */
function answersFrom(
  relation: RelationType,
  source: CertificateRecord,
  definition: CertificateDefinition,
  unit: CareUnitRecord,
): Answers {
  const excluded = new Set(relation === 'renews' ? definition.policy.renew.notCopied : []);
  // From an older version: only the answers to questions the new draft's version still has.
  const known = answerQuestionIds(definition);
  const copied = Object.fromEntries(
    Object.entries(source.answers).filter(
      ([questionId]) => known.has(questionId) && !excluded.has(questionId),
    ),
  );
  // The unit's contact details are today's, not the ones the source was written with.
  return { ...copied, ...unitContactAnswers(definition, unit) };
}

/** The source certificate's definitions: the one it was written with and the type's current. */
export interface SourceFacts {
  patient: PatientRecord;
  written: CertificateDefinition;
  current: CertificateDefinition;
}

/**
 * The new draft made from `source`, linked to it. A complement answers FK's questions about
 * the source, so it keeps its version; a renewal, a replacement and a copy are new
 * certificates, on the type's current version. A complement starts with the consent to
 * complementing recorded (it was asked first) and FK's requests it answers.
 */
function draftFrom(
  relation: RelationType,
  source: CertificateRecord,
  facts: SourceFacts,
  validation: Validation,
  context: CommandContext,
  made: { consent?: Consent; complementRequested?: ComplementRequested | undefined } = {},
): DraftOutcome {
  const { consent, complementRequested } = made;
  const definition = relation === 'complements' ? facts.written : facts.current;
  const answers = answersFrom(relation, source, definition, context.unit);
  const evaluation = evaluateAnswers(
    definition,
    answers,
    facts.patient,
    context.user.role,
    consent !== undefined,
    validation,
    complementRequested?.items.map((item) => item.questionId),
  );
  // A renewal continues the renewed certificate's periods: it carries them beside its own.
  const previousPeriods =
    relation === 'renews' ? previousPeriodsOf(definition, source.answers) : undefined;
  const certificate: CertificateRecord = {
    ...newDraftRecord({
      definition,
      type: source.type,
      patient: facts.patient,
      unitHsaId: context.unit.hsaId,
      actor: toActor(context.user),
      at: context.at,
      answers,
      completeness: completenessOf(evaluation),
    }),
    parent: { type: relation, certificateId: source.id },
    ...(consent === undefined ? {} : { consent }),
    ...(complementRequested === undefined ? {} : { complementRequested }),
    ...(previousPeriods === undefined ? {} : { previousPeriods }),
  };
  return {
    certificate,
    definition,
    relations: { ...noRelations, parent: relatedCertificate(relation, source) },
    audit: [auditOf('certificate-create', facts.patient, certificate.id)],
  };
}

/** Audited on the source first ("förnya", "ersätt", "kopiera"), then the draft's creation. */
function madeFrom(
  action: 'certificate-renew' | 'certificate-replace' | 'certificate-copy',
  relation: RelationType,
  source: CertificateRecord,
  facts: SourceFacts,
  validation: Validation,
  context: CommandContext,
): DraftOutcome {
  const draft = draftFrom(relation, source, facts, validation, context);
  return { ...draft, audit: [auditOf(action, facts.patient, source.id), ...draft.audit] };
}

/**
 * "Förnya": a new draft from a signed certificate, without what the type leaves out; the
 * periods it leaves out are carried beside the new ones (`previousPeriodsOf`).
 */
export function renewCertificate(
  source: CertificateRecord,
  facts: SourceFacts,
  validation: Validation,
  context: CommandContext,
): DraftOutcome {
  return madeFrom('certificate-renew', 'renews', source, facts, validation, context);
}

/** "Ersätt": a full copy to correct; a replacing draft already begun is opened instead. */
export function replaceCertificate(
  source: CertificateRecord,
  facts: SourceFacts & { relations: Relations },
  validation: Validation,
  context: CommandContext,
): DraftOutcome | Rejection {
  if (
    facts.relations.children.some((child) => child.type === 'replaces' && child.status === 'draft')
  ) {
    return reject(409, 'INVALID_STATE', certificateMessages.replacementBegun);
  }
  return madeFrom('certificate-replace', 'replaces', source, facts, validation, context);
}

/** A locked draft's answers, copied into a new draft to go on with. */
export function copyLockedDraft(
  source: CertificateRecord,
  facts: SourceFacts,
  validation: Validation,
  context: CommandContext,
): DraftOutcome {
  return madeFrom('certificate-copy', 'copy-of', source, facts, validation, context);
}

/**
 * "Komplettera": the complementing draft of a certificate FK asked to complement, with the
 * consent to complementing and FK's open requests (`requested`) it answers. Audited as the
 * draft's creation and then as the complement of the certificate.
 */
export function complementCertificate(
  source: CertificateRecord,
  input: { consent: ConsentInput; requested: ComplementRequested | undefined },
  facts: Omit<SourceFacts, 'current'>,
  validation: Validation,
  context: CommandContext,
): DraftOutcome {
  const draft = draftFrom(
    'complements',
    source,
    { ...facts, current: facts.written },
    validation,
    context,
    { consent: consentRecord(input.consent, context), complementRequested: input.requested },
  );
  return {
    ...draft,
    audit: [...draft.audit, auditOf('certificate-complement', facts.patient, source.id)],
  };
}
