import { apiErrorCodes } from '../../src/contracts/common';
import type { CreateTestCertificateRequestParsed } from '../../src/contracts/testability';
import {
  applySigningTransforms,
  pruneHidden,
  type Answers,
  type CertificateDefinition,
} from '../../src/form-engine';
import { answerBuilders } from '../seed/certificates';
import { careUnit } from '../seed/seed-data';
import type { Transaction } from '../store/store';
import type { CertificateRecord, FkReceivedRecord } from '../store/schema';
import {
  certificateEvent,
  completenessOf,
  evaluateAnswers,
  newDraftRecord,
  nextCertificate,
  sentToFk,
  toActor,
  unitContactAnswers,
} from '../domain/certificates';
import { consentRecord } from '../domain/certificate-commands';
import { isoInstant, swedishDay } from '../domain/clock';
import { LOCK_AFTER_DAYS, locked } from '../domain/locking';
import { codeListValidation, type Icd10Index } from '../domain/diagnoses/icd10-index';
import { errorResponse, loadSettings, nowFor } from '../http/support';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Stores a certificate made to a tester's spec (answers from the builders, consent, signed,
 * sent, revoked or locked as asked), inside the caller's transaction.
 */
export async function storeTestCertificate(
  tx: Transaction,
  spec: CreateTestCertificateRequestParsed,
  definition: CertificateDefinition,
  index: Icd10Index,
): Promise<{ ok: true; id: string } | { ok: false; response: Response }> {
  const settings = await loadSettings(tx);
  const daysAgo =
    spec.status === 'locked-draft'
      ? Math.max(spec.createdDaysAgo, LOCK_AFTER_DAYS)
      : spec.createdDaysAgo;
  const now = nowFor(settings) - daysAgo * DAY_MS;
  const today = swedishDay(now);
  const patient = await tx.patients.get(spec.patientId);
  const units = await tx.careUnits.getAll();
  const users = await tx.users.getAll();
  const unit =
    spec.unitHsaId === undefined
      ? units.find((candidate) => candidate.hsaId === careUnit.hsaId)
      : units.find((candidate) => candidate.hsaId === spec.unitHsaId);
  const user =
    spec.userId === undefined
      ? users.find(
          (candidate) =>
            definition.policy.signRoles.includes(candidate.role) &&
            unit !== undefined &&
            candidate.unitHsaIds.includes(unit.hsaId),
        )
      : users.find((candidate) => candidate.id === spec.userId);
  if (patient === undefined || unit === undefined || user === undefined) {
    return {
      ok: false,
      response: errorResponse(
        404,
        apiErrorCodes.notFound,
        'Patienten eller användaren finns inte.',
      ),
    };
  }
  const answers: Answers = {
    ...unitContactAnswers(definition, unit),
    ...(spec.answers === 'empty' ? {} : answerBuilders[spec.type][spec.answers](today)),
  };
  const at = isoInstant(now);
  const actor = toActor(user);
  const consent = spec.consent ?? spec.answers !== 'empty';
  const validation = {
    today,
    ...codeListValidation(index),
  };
  const evaluation = evaluateAnswers(definition, answers, patient, user.role, consent, validation);
  let record: CertificateRecord = newDraftRecord({
    definition,
    type: spec.type,
    patient,
    unitHsaId: unit.hsaId,
    actor,
    at,
    answers,
    completeness: completenessOf(evaluation),
  });
  if (consent) {
    record = {
      ...record,
      consent: consentRecord(
        { givenBy: 'patient', method: 'oral', givenOn: today },
        { user, unit, at },
      ),
    };
  }
  if (spec.status === 'ready-for-sign') {
    record = { ...record, readyForSign: { at, by: actor } };
  }
  let received: FkReceivedRecord | undefined;
  if (spec.status === 'locked-draft') {
    record = locked(record, isoInstant(nowFor(settings)));
  }
  if (spec.status === 'signed' || spec.status === 'sent' || spec.status === 'revoked') {
    if (!evaluation.readiness.readyToSign) {
      return {
        ok: false,
        response: errorResponse(
          400,
          apiErrorCodes.badRequest,
          'Svaren räcker inte för att signera intyget.',
        ),
      };
    }
    const context = {
      today,
      role: user.role,
      consentRecorded: true,
      patient: { birthDate: patient.birthDate },
    };
    // Made signed as it is: its version stays the draft's first.
    record = {
      ...record,
      status: 'signed',
      answers: applySigningTransforms(
        definition.onSigning,
        pruneHidden(definition, answers, context),
      ),
      signed: { at, by: actor },
      events: [...record.events, certificateEvent('signed', at, user.name)],
    };
    if (spec.status === 'sent' || definition.policy.signAndSend) {
      const sent = sentToFk(record, at, { kind: 'care', actor });
      record = sent.certificate;
      received = sent.received;
    }
  }
  if (spec.status === 'revoked') {
    const revokedAt = isoInstant(nowFor(settings));
    record = nextCertificate(
      record,
      {
        status: 'revoked',
        revoked: { at: revokedAt, by: actor, reason: 'other-serious-error', message: 'Testdata' },
      },
      certificateEvent('revoked', revokedAt, user.name),
    );
  }
  if (received !== undefined) {
    await tx.fkReceived.put(
      record.revoked === undefined
        ? received
        : { ...received, revoked: { at: record.revoked.at, reason: record.revoked.reason } },
    );
  }
  await tx.certificates.put(record);
  return { ok: true, id: record.id };
}
