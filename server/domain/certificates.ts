import type {
  Actor,
  Certificate,
  CertificateEvent,
  CertificatePatient,
  CertificateSummary,
  DraftCompleteness,
  RelatedCertificate,
} from '../../src/contracts/certificates';
import {
  evaluate,
  type Answers,
  type CertificateDefinition,
  type DiagnosisTitles,
  type EvaluationResult,
  type Role,
} from '../../src/form-engine';
import type {
  CertificateListRow,
  CertificateRecord,
  FkReceivedRecord,
  PatientRecord,
  UserRecord,
} from '../store/schema';
import { actionsFor, type DecisionInput } from './lifecycle';

/** Pure helpers the certificate handlers share: presentation and re-validation. */

export function toActor({ id, hsaId, name, role, title }: UserRecord): Actor {
  return { userId: id, hsaId, name, role, title };
}

const nameOf = (parts: readonly (string | undefined)[]) =>
  parts.filter((part) => part !== undefined && part !== '').join(' ');

export function patientName(patient: PatientRecord): string {
  return nameOf([patient.firstName, patient.middleName, patient.lastName]);
}

/**
 * How the lists sort patients: by family name, then given and middle names ("Andersson Karin"
 * before "Andersson Nils" before "Johansson Per Olof"), as a Swedish collator compares them.
 */
export function patientSortName(patient: PatientRecord): string {
  return nameOf([patient.lastName, patient.firstName, patient.middleName]);
}

export function toCertificatePatient(patient: PatientRecord): CertificatePatient {
  return {
    id: patient.id,
    identityNumber: patient.identityNumber,
    identityKind: patient.identityKind,
    name: patientName(patient),
    birthDate: patient.birthDate,
    protectedIdentity: patient.protectedIdentity,
    deceased: patient.deceased,
    testIndicated: patient.testIndicated,
  };
}

export interface Validation {
  today: string;
  isKnownDiagnosisCode: (code: string) => boolean;
  diagnosisTitles: DiagnosisTitles;
}

/** The engine's evaluation of a certificate's answers, exactly as the editor makes it. */
export function evaluateAnswers(
  definition: CertificateDefinition,
  answers: Answers,
  patient: PatientRecord,
  role: Role,
  consentRecorded: boolean,
  validation: Validation,
  complementRequested?: readonly string[],
): EvaluationResult {
  return evaluate(definition, answers, {
    today: validation.today,
    role,
    consentRecorded,
    patient: { birthDate: patient.birthDate },
    isKnownDiagnosisCode: validation.isKnownDiagnosisCode,
    diagnosisTitles: validation.diagnosisTitles,
    complementRequested,
  });
}

/** The question ids a complementing certificate's FK requests name (none on others). */
export function requestedQuestionIds(
  record: Pick<CertificateRecord, 'complementRequested'>,
): string[] | undefined {
  return record.complementRequested?.items.map((item) => item.questionId);
}

/**
 * "Klart att signera" when every answer is complete. A missing consent does not count: it is
 * asked for in the signing step itself, so a draft lacking only that is ready to sign.
 */
export function completenessOf(evaluation: EvaluationResult): DraftCompleteness {
  return evaluation.readiness.blockers.every((blocker) => blocker.kind === 'consent')
    ? 'complete'
    : 'incomplete';
}

/**
 * A certificate's relations: what it was made from, and what has been made from it; and
 * whether FK's complement request waits on it (which blocks replacing it).
 */
export interface Relations {
  parent?: RelatedCertificate | undefined;
  children: RelatedCertificate[];
  unhandledComplementRequest: boolean;
}

export const noRelations: Relations = { children: [], unhandledComplementRequest: false };

/** The other end of a relation of `type`, as the certificate's header shows it. */
export function relatedCertificate(
  type: RelatedCertificate['type'],
  record: CertificateRecord,
): RelatedCertificate {
  return {
    type,
    certificateId: record.id,
    status: record.status,
    createdAt: record.createdAt,
    ...(record.signed === undefined ? {} : { signedAt: record.signed.at }),
  };
}

export function decisionInput(
  definition: CertificateDefinition,
  record: CertificateRecord,
  patient: PatientRecord,
  user: UserRecord,
  unitHsaId: string,
  relations: Relations,
): DecisionInput {
  return {
    policy: definition.policy,
    actor: { role: user.role, unitHsaId },
    patient,
    certificate: {
      status: record.status,
      unitHsaId: record.unitHsaId,
      sent: record.sent !== undefined,
      readyForSign: record.readyForSign !== undefined,
      consentRecorded: record.consent !== undefined,
      children: relations.children.map(({ type, status }) => ({ type, status })),
      unhandledComplementRequest: relations.unhandledComplementRequest,
      complementing: record.parent?.type === 'complements',
    },
  };
}

export function presentCertificate(
  record: CertificateRecord,
  definition: CertificateDefinition,
  patient: PatientRecord,
  unit: { hsaId: string; name: string },
  user: UserRecord,
  relations: Relations,
): Certificate {
  const {
    id,
    type,
    definitionVersion,
    status,
    version,
    answers,
    completeness,
    createdAt,
    createdBy,
    savedAt,
    savedBy,
    readyForSign,
    consent,
    signed,
    sent,
    revoked,
    complementRequested,
    previousPeriods,
    events,
  } = record;
  return {
    id,
    type,
    definitionVersion,
    status,
    version,
    patient: toCertificatePatient(patient),
    unit: { hsaId: unit.hsaId, name: unit.name },
    answers,
    completeness,
    createdAt,
    createdBy,
    savedAt,
    savedBy,
    ...(readyForSign === undefined ? {} : { readyForSign }),
    ...(consent === undefined ? {} : { consent }),
    ...(signed === undefined ? {} : { signed }),
    ...(sent === undefined ? {} : { sent }),
    ...(revoked === undefined ? {} : { revoked }),
    ...(complementRequested === undefined ? {} : { complementRequested }),
    ...(previousPeriods === undefined ? {} : { previousPeriods }),
    relations: {
      ...(relations.parent === undefined ? {} : { parent: relations.parent }),
      children: relations.children,
    },
    events,
    actions: actionsFor(decisionInput(definition, record, patient, user, unit.hsaId, relations)),
  };
}

/**
 * Which certificates among these rows are replaced, and by which: a signed certificate that
 * replaces another (a replacing draft, or a revoked replacement, replaces nothing yet).
 */
export function replacedByOf(
  rows: readonly Pick<CertificateListRow, 'id' | 'status' | 'parent'>[],
): Map<string, string> {
  const replacedBy = new Map<string, string>();
  for (const row of rows) {
    if (row.status === 'signed' && row.parent?.type === 'replaces') {
      replacedBy.set(row.parent.certificateId, row.id);
    }
  }
  return replacedBy;
}

export function summarize(
  record: CertificateListRow,
  patient: PatientRecord,
  definition: Pick<CertificateDefinition, 'formNumber' | 'name'>,
  replacedBy?: string,
): CertificateSummary {
  return {
    id: record.id,
    type: record.type,
    formNumber: definition.formNumber,
    typeName: definition.name,
    status: record.status,
    completeness: record.completeness,
    ...(record.readyForSign === undefined
      ? {}
      : { readyForSign: { at: record.readyForSign.at, by: record.readyForSign.by.name } }),
    patient: {
      id: patient.id,
      name: patientName(patient),
      identityNumber: patient.identityNumber,
      protectedIdentity: patient.protectedIdentity,
    },
    createdAt: record.createdAt,
    savedAt: record.savedAt,
    savedBy: record.savedBy.name,
    ...(record.signed === undefined
      ? {}
      : { signedAt: record.signed.at, signedBy: record.signed.by.name }),
    ...(record.sent === undefined ? {} : { sentAt: record.sent.at }),
    ...(record.sent?.by === 'patient' ? { sentByPatient: true } : {}),
    ...(record.parent === undefined
      ? {}
      : { parent: { type: record.parent.type, certificateId: record.parent.certificateId } }),
    ...(replacedBy === undefined ? {} : { replacedBy }),
  };
}

/** The question ids of a definition that hold answers. */
export function answerQuestionIds(definition: CertificateDefinition): Set<string> {
  const ids = new Set<string>();
  for (const category of definition.categories) {
    for (const question of category.questions) {
      if (question.kind !== 'info' && question.kind !== 'heading') ids.add(question.id);
    }
  }
  return ids;
}

/** A new draft record, as the create endpoint and the testers' kit make it. */
export function newDraftRecord({
  definition,
  type,
  patient,
  unitHsaId,
  actor,
  at,
  answers,
  completeness,
}: {
  definition: CertificateDefinition;
  type: CertificateRecord['type'];
  patient: PatientRecord;
  unitHsaId: string;
  actor: Actor;
  at: string;
  answers: Answers;
  completeness: DraftCompleteness;
}): CertificateRecord {
  return {
    id: `cert-${crypto.randomUUID()}`,
    type,
    definitionVersion: definition.version,
    status: 'draft',
    version: 1,
    unitHsaId,
    patientId: patient.id,
    answers,
    completeness,
    createdAt: at,
    createdBy: actor,
    savedAt: at,
    savedBy: actor,
    events: [{ at, type: 'created', by: actor.name }],
    savedInSessions: [],
  };
}

/**
 * Autosave's own save, sent again on the version before it: the editor's latest save was
 * stored but its answer never arrived (the server or its database stopped in between), so the
 * editor still has the version that save was based on. Nobody has written since that save
 * (the version it made is still the draft's), and what the editor sends now includes
 * everything it sent then, so the save builds on it instead of being the editor's own
 * conflict. Any other older version stays a conflict.
 */
export function isOwnLostSave(
  record: Pick<CertificateRecord, 'version' | 'lastSave'>,
  body: { version: number; editorId?: string | undefined },
): boolean {
  const { lastSave } = record;
  return (
    body.editorId !== undefined &&
    lastSave !== undefined &&
    lastSave.editorId === body.editorId &&
    lastSave.version === record.version &&
    body.version < record.version
  );
}

/** The care unit's contact details for the definition's unit-address question(s). */
export function unitContactAnswers(
  definition: CertificateDefinition,
  unit: { postalAddress: string; postcode: string; city: string; phone: string },
): Answers {
  const answers: Answers = {};
  for (const category of definition.categories) {
    for (const question of category.questions) {
      if (question.kind === 'careUnitContact') {
        answers[question.id] = {
          address: unit.postalAddress,
          postcode: unit.postcode,
          city: unit.city,
          phone: unit.phone,
        };
      }
    }
  }
  return answers;
}

/**
 * The certificate's next stored version: `changes` applied, its version one up (optimistic
 * locking), and `events` appended to its history. Every command that changes a certificate
 * makes its next version here.
 */
export function nextCertificate(
  record: CertificateRecord,
  changes: Partial<CertificateRecord>,
  ...events: CertificateEvent[]
): CertificateRecord {
  return {
    ...record,
    ...changes,
    version: record.version + 1,
    events: [...record.events, ...events],
  };
}

/** One entry of a certificate's history: what happened, when, and by whom (a name). */
export function certificateEvent(
  type: CertificateEvent['type'],
  at: string,
  by: string,
): CertificateEvent {
  return { at, type, by };
}

/** Who sends a signed certificate to Försäkringskassan: a care user, or the patient. */
export type Sender = { kind: 'care'; actor: Actor } | { kind: 'patient' };

/**
 * A signed certificate as sending leaves it (within the version its command makes), and what
 * Försäkringskassan receives of it.
 */
export function sentToFk(
  record: CertificateRecord,
  at: string,
  sender: Sender,
): { certificate: CertificateRecord; received: FkReceivedRecord } {
  const certificate: CertificateRecord = {
    ...record,
    sent: { at, by: sender.kind === 'care' ? sender.actor : 'patient' },
    events: [
      ...record.events,
      certificateEvent(
        'sent',
        at,
        sender.kind === 'care' ? sender.actor.name : 'Patienten (Mina intyg)',
      ),
    ],
  };
  return { certificate, received: fkReceivedRecord(certificate, at, sender.kind) };
}

/** What Försäkringskassan receives when care, or the patient, sends a signed certificate. */
export function fkReceivedRecord(
  record: CertificateRecord,
  at: string,
  sentBy: FkReceivedRecord['sentBy'],
): FkReceivedRecord {
  const signed = record.signed;
  if (signed === undefined) throw new Error('Only a signed certificate can be sent');
  return {
    id: `fk-${crypto.randomUUID()}`,
    certificateId: record.id,
    type: record.type,
    definitionVersion: record.definitionVersion,
    unitHsaId: record.unitHsaId,
    patientId: record.patientId,
    receivedAt: at,
    sentBy,
    signedAt: signed.at,
    signedBy: signed.by,
    answers: record.answers,
    ...(record.parent?.type === 'replaces' || record.parent?.type === 'complements'
      ? { relatesTo: record.parent }
      : {}),
  };
}
