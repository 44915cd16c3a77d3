import { describe, expect, it } from 'vitest';
import { loadDefinition, type CertificateTypeCode } from '../../src/definitions';
import type { CertificateDefinition } from '../../src/form-engine';
import { answerBuilders } from '../seed/certificates';
import { careUnit, seedPatients, seedUsers } from '../seed/seed-data';
import type { CertificateRecord, FkReceivedRecord, ThreadRecord } from '../store/schema';
import {
  certificateMessages,
  checkCertificateAction,
  checkDamagedDraftDelete,
  checkDraftAnswers,
  createDraft,
  decisionInputFor,
  markReadyForSign,
  recordConsent,
  renewCertificate,
  replaceCertificate,
  revokeCertificate,
  saveAnswers,
  sendCertificate,
  signCertificate,
  type CommandContext,
} from './certificate-commands';
import { certificateCatalogue, catalogueMessages } from './catalogue';
import {
  fkReceivedRecord,
  isOwnLostSave,
  newDraftRecord,
  noRelations,
  toActor,
  unitContactAnswers,
  type Validation,
} from './certificates';
import { codeListValidation } from './diagnoses/icd10-index';
import { loadIcd10IndexFromDisk } from './diagnoses/load-icd10-node';
import { lifecycleMessages } from './lifecycle';
import { isRejection, type Rejection } from './outcome';

/**
 * The certificate commands in-process, without a store or a request: each takes the records
 * as read and its context, and returns the next records, what FK receives and the audit
 * entries, or a refusal as data.
 */

const TODAY = '2026-03-02';
const AT = '2026-03-02T09:30:00.000Z';
const LATER = '2026-03-02T10:00:00.000Z';
const validation: Validation = {
  today: TODAY,
  ...codeListValidation(await loadIcd10IndexFromDisk()),
};
const definitions: Record<'fk7804' | 'fk7472' | 'fk7809', CertificateDefinition> = {
  fk7804: await loadDefinition('fk7804'),
  fk7472: await loadDefinition('fk7472'),
  fk7809: await loadDefinition('fk7809'),
};

const physician: CommandContext = { user: seedUsers.physician, unit: careUnit, at: LATER };
const careAdmin: CommandContext = { user: seedUsers.careAdmin, unit: careUnit, at: LATER };
const patient = seedPatients.adult;
const author = toActor(seedUsers.physician);

/** A draft of `type` as the create command leaves it, with the builders' answers. */
function draft(
  type: 'fk7804' | 'fk7472' | 'fk7809',
  answers: 'complete' | 'minimal' | 'empty',
  changes: Partial<CertificateRecord> = {},
): CertificateRecord {
  const definition = definitions[type];
  return {
    ...newDraftRecord({
      definition,
      type,
      patient,
      unitHsaId: careUnit.hsaId,
      actor: author,
      at: AT,
      answers: {
        ...unitContactAnswers(definition, careUnit),
        ...(answers === 'empty' ? {} : answerBuilders[type][answers](TODAY)),
      },
      completeness: 'incomplete',
    }),
    ...changes,
  };
}

const consent = {
  givenBy: 'patient',
  method: 'oral',
  givenOn: TODAY,
  recordedAt: AT,
  recordedBy: author,
} as const;

function signed(type: 'fk7804' | 'fk7472', changes: Partial<CertificateRecord> = {}) {
  const result = signCertificate(
    draft(type, 'complete', { consent, ...changes }),
    {},
    { definition: definitions[type], patient, relations: noRelations, parentThreads: [] },
    validation,
    physician,
  );
  if (isRejection(result)) throw new Error(result.message);
  return result.certificate;
}

function succeeded<T extends object>(outcome: T | Rejection): T {
  if (isRejection(outcome)) throw new Error(outcome.message);
  return outcome;
}

function thread(changes: Partial<ThreadRecord> = {}): ThreadRecord {
  return {
    id: `thread-${crypto.randomUUID()}`,
    version: 1,
    certificateId: 'cert-parent',
    certificateType: 'fk7804',
    signedBy: author,
    unitHsaId: careUnit.hsaId,
    patientId: patient.id,
    state: 'open',
    topic: 'KOMPLT',
    from: 'FK',
    subject: 'Komplettering',
    text: 'Komplettera, tack.',
    sentAt: AT,
    lastMessageAt: AT,
    messageId: `fk-${crypto.randomUUID()}`,
    messageIds: ['fk-1'],
    contactInfo: [],
    complements: [{ questionId: '35', questionLabel: 'Fråga 35', instruction: 'Beskriv.' }],
    reminders: [],
    forwarded: false,
    ...changes,
  };
}

function rejection(outcome: object): Pick<Rejection, 'status' | 'code' | 'message'> | 'done' {
  if (!isRejection(outcome)) return 'done';
  const { status, code, message } = outcome;
  return { status, code, message };
}

describe('signing', () => {
  it('refuses an incomplete draft with 422 INCOMPLETE, counting what is missing', () => {
    const outcome = signCertificate(
      draft('fk7804', 'empty', { consent }),
      {},
      { definition: definitions.fk7804, patient, relations: noRelations, parentThreads: [] },
      validation,
      physician,
    );
    expect(isRejection(outcome) && outcome.status).toBe(422);
    expect(isRejection(outcome) && outcome.code).toBe('INCOMPLETE');
    expect(isRejection(outcome) && outcome.message).toMatch(
      /^Utkastet kan inte signeras: \d+ obligatoriska uppgifter saknas eller är felaktiga\.$/,
    );
  });

  it('refuses a complete draft without the consent with 422 CONSENT_MISSING', () => {
    const outcome = signCertificate(
      draft('fk7804', 'complete'),
      {},
      { definition: definitions.fk7804, patient, relations: noRelations, parentThreads: [] },
      validation,
      physician,
    );
    expect(rejection(outcome)).toEqual({
      status: 422,
      code: 'CONSENT_MISSING',
      message: certificateMessages.consentMissing,
    });
  });

  it('signs a complete draft: its next version, signed by the user, not sent for a type that does not send on signing', () => {
    const record = draft('fk7804', 'complete', { consent });
    const outcome = signCertificate(
      record,
      {},
      { definition: definitions.fk7804, patient, relations: noRelations, parentThreads: [] },
      validation,
      physician,
    );
    if (isRejection(outcome)) throw new Error(outcome.message);
    expect(outcome.certificate).toMatchObject({
      id: record.id,
      status: 'signed',
      version: record.version + 1,
      completeness: 'complete',
      signed: { at: LATER, by: author },
    });
    expect(outcome.certificate.sent).toBeUndefined();
    expect(outcome.certificate.events.map((event) => event.type)).toEqual(['created', 'signed']);
    expect(outcome.fkReceived).toEqual([]);
    expect(outcome.threads).toEqual([]);
    expect(outcome.audit.map((entry) => entry.action)).toEqual(['certificate-sign']);
  });

  it('sends a sign-and-send type at once: FK receives the signed answers, in the same version', () => {
    const record = draft('fk7472', 'complete', { consent });
    const outcome = signCertificate(
      record,
      {},
      { definition: definitions.fk7472, patient, relations: noRelations, parentThreads: [] },
      validation,
      physician,
    );
    if (isRejection(outcome)) throw new Error(outcome.message);
    expect(outcome.certificate).toMatchObject({
      version: record.version + 1,
      sent: { at: LATER, by: author },
    });
    expect(outcome.certificate.events.map((event) => event.type)).toEqual([
      'created',
      'signed',
      'sent',
    ]);
    expect(outcome.fkReceived).toEqual([
      expect.objectContaining({
        certificateId: record.id,
        sentBy: 'care',
        receivedAt: LATER,
        answers: outcome.certificate.answers,
      }),
    ]);
    expect(outcome.audit.map((entry) => entry.action)).toEqual([
      'certificate-sign',
      'certificate-send',
    ]);
  });

  it('signs a complement: sent, and every open complement request of the parent handled by it', () => {
    const open = thread();
    const other = thread({ topic: 'KONTKT', complements: [] });
    const done = thread({ handled: { at: AT, how: 'marked' }, state: 'handled' });
    const record = draft('fk7804', 'complete', {
      consent,
      parent: { type: 'complements', certificateId: 'cert-parent' },
    });
    const outcome = signCertificate(
      record,
      {},
      {
        definition: definitions.fk7804,
        patient,
        relations: noRelations,
        parentThreads: [open, other, done],
      },
      validation,
      physician,
    );
    if (isRejection(outcome)) throw new Error(outcome.message);
    expect(outcome.certificate.sent).toBeDefined();
    expect(outcome.fkReceived[0]?.relatesTo).toEqual({
      type: 'complements',
      certificateId: 'cert-parent',
    });
    expect(outcome.threads).toEqual([
      {
        ...open,
        version: 2,
        state: 'handled',
        handled: { at: LATER, how: 'complemented' },
        complementedBy: { certificateId: record.id, status: 'signed' },
        answerDraft: undefined,
      },
    ]);
  });

  it('signs only the answers of questions the definition has and shows', () => {
    const record = draft('fk7804', 'complete', {
      consent,
      answers: { ...draft('fk7804', 'complete').answers, unknownHidden: 'x' },
    });
    const outcome = signCertificate(
      record,
      {},
      { definition: definitions.fk7804, patient, relations: noRelations, parentThreads: [] },
      validation,
      physician,
    );
    if (isRejection(outcome)) throw new Error(outcome.message);
    expect(outcome.certificate.answers).not.toHaveProperty('unknownHidden');
  });
});

describe('the lifecycle and the version before a command', () => {
  const record = draft('fk7804', 'complete', { version: 3 });
  const input = decisionInputFor(definitions.fk7804, record, patient, physician, noRelations);

  it('refuses a stale version with 409 naming who saved last, and lets an own lost save through', () => {
    const stale = checkCertificateAction('edit', input, record, 2, physician);
    expect(stale).toMatchObject({
      status: 409,
      code: 'CONFLICT',
      conflict: { savedBy: author.name, savedAt: AT },
    });
    // The author themself, in another tab: told so, not that someone else changed it.
    expect(stale?.message).toBe(certificateMessages.conflictByYou);
    const other: CommandContext = { ...physician, user: seedUsers.secondPhysician };
    expect(checkCertificateAction('edit', input, record, 2, other)?.message).toBe(
      certificateMessages.conflict(author.name),
    );
    expect(checkCertificateAction('edit', input, record, 2, physician, true)).toBeUndefined();
    expect(checkCertificateAction('edit', input, record, 3, physician)).toBeUndefined();
  });

  it("refuses what the lifecycle refuses before the version: a care administrator's signing", () => {
    const admin = decisionInputFor(definitions.fk7804, record, patient, careAdmin, noRelations);
    expect(checkCertificateAction('sign', admin, record, 1, careAdmin)).toMatchObject({
      status: 403,
      code: 'FORBIDDEN',
      message: lifecycleMessages.roleMayNotSign,
    });
  });

  it('decides a damaged draft by what still reads of it', () => {
    expect(checkDamagedDraftDelete(record, definitions.fk7804, patient, 3, physician)).toBe(
      undefined,
    );
    expect(
      checkDamagedDraftDelete(
        { ...record, status: 'locked-draft' },
        definitions.fk7804,
        patient,
        3,
        physician,
      ),
    ).toMatchObject({ status: 409, message: lifecycleMessages.lockedRevokeInstead });
  });
});

describe('writing a draft', () => {
  it('saves the answers as a new version, logging only the first save in a session', () => {
    const record = draft('fk7804', 'minimal');
    const input = { answers: record.answers, editorId: 'editor-1', sessionId: 'session-1' };
    const first = succeeded(
      saveAnswers(
        record,
        input,
        { definition: definitions.fk7804, patient },
        validation,
        physician,
      ),
    );
    expect(first.certificate).toMatchObject({
      version: 2,
      savedAt: LATER,
      savedInSessions: ['session-1'],
      lastSave: { editorId: 'editor-1', version: 2 },
    });
    expect(first.audit.map((entry) => entry.action)).toEqual(['certificate-update']);
    const second = succeeded(
      saveAnswers(
        first.certificate,
        input,
        { definition: definitions.fk7804, patient },
        validation,
        physician,
      ),
    );
    expect(second.certificate.version).toBe(3);
    expect(second.audit).toEqual([]);
    expect(isOwnLostSave(second.certificate, { version: 2, editorId: 'editor-1' })).toBe(true);
  });

  it('refuses answers to questions the definition does not have', () => {
    expect(checkDraftAnswers(definitions.fk7804, { nonsense: 'x' })).toMatchObject({
      status: 400,
      message: certificateMessages.unknownQuestion,
    });
    expect(checkDraftAnswers(definitions.fk7804, {})).toBeUndefined();
  });

  it('records the consent and marks the draft ready, each as an event of a new version', () => {
    const record = draft('fk7804', 'complete');
    const consented = recordConsent(
      record,
      {
        givenBy: 'representative',
        representativeName: 'Per Berg',
        method: 'written',
        givenOn: TODAY,
      },
      { definition: definitions.fk7804, patient },
      validation,
      careAdmin,
    );
    expect(consented.certificate).toMatchObject({
      version: 2,
      completeness: 'complete',
      consent: { givenBy: 'representative', representativeName: 'Per Berg', recordedAt: LATER },
    });
    const ready = markReadyForSign(consented.certificate, patient, careAdmin);
    expect(ready.certificate.version).toBe(3);
    expect(ready.certificate.events.map((event) => event.type)).toEqual([
      'created',
      'consent-recorded',
      'ready-for-sign',
    ]);
    expect(ready.audit.map((entry) => entry.action)).toEqual(['certificate-ready-for-sign']);
  });

  it('creates a draft with the unit’s contact details, and refuses one for a deceased patient', () => {
    const created = createDraft(
      { definition: definitions.fk7804, type: 'fk7804', patient },
      validation,
      physician,
    );
    if (isRejection(created)) throw new Error(created.message);
    expect(created.certificate).toMatchObject({
      status: 'draft',
      version: 1,
      answers: unitContactAnswers(definitions.fk7804, careUnit),
    });
    expect(
      rejection(
        createDraft(
          { definition: definitions.fk7804, type: 'fk7804', patient: seedPatients.deceased },
          validation,
          physician,
        ),
      ),
    ).toEqual({ status: 409, code: 'INVALID_STATE', message: lifecycleMessages.deceased });
  });

  it('asks for the confirmation the type asks for this patient before a draft is made', () => {
    const create = (confirmations?: string[]) =>
      createDraft(
        {
          definition: definitions.fk7809,
          type: 'fk7809',
          patient: seedPatients.child,
          confirmations,
        },
        validation,
        physician,
      );
    expect(rejection(create())).toEqual({
      status: 400,
      code: 'BAD_REQUEST',
      message: certificateMessages.confirmationMissing,
    });
    const [confirmation] = definitions.fk7809.confirmations ?? [];
    expect(rejection(create(confirmation === undefined ? [] : [confirmation.id]))).toBe('done');
  });
});

describe('after signing', () => {
  it('sends a signed certificate in a new version, and FK receives it', () => {
    const record = signed('fk7804');
    const outcome = sendCertificate(record, patient, physician);
    expect(outcome.certificate).toMatchObject({
      version: record.version + 1,
      sent: { at: LATER, by: author },
    });
    expect(outcome.fkReceived).toHaveLength(1);
  });

  it("revokes: FK's copy marked, its open threads closed, the parent's requests it answered reopened", () => {
    const parentId = 'cert-parent';
    const record = {
      ...signed('fk7804', { parent: { type: 'complements', certificateId: parentId } }),
      sent: { at: AT, by: author },
    };
    const own = thread({ certificateId: record.id, topic: 'OVRIGT', complements: [] });
    const answered = thread({
      handled: { at: AT, how: 'complemented' },
      state: 'handled',
      complementedBy: { certificateId: record.id, status: 'signed' },
    });
    const received: FkReceivedRecord[] = [
      fkReceivedRecord(record, AT, 'care'),
      { ...fkReceivedRecord(record, AT, 'care'), certificateId: 'someone-else' },
    ];
    const outcome = revokeCertificate(
      record,
      { reason: 'wrong-patient', message: '' },
      { patient, threads: [own], parentThreads: [answered], received },
      physician,
    );
    expect(outcome.certificate).toMatchObject({
      status: 'revoked',
      version: record.version + 1,
      revoked: { at: LATER, reason: 'wrong-patient' },
    });
    expect(outcome.certificate.revoked).not.toHaveProperty('message');
    expect(outcome.fkReceived).toEqual([
      { ...received[0], revoked: { at: LATER, reason: 'wrong-patient' } },
    ]);
    expect(outcome.threads.map((changed) => [changed.id, changed.state, changed.version])).toEqual([
      [own.id, 'handled', 2],
      [answered.id, 'open', 2],
    ]);
  });

  it('renews without the answers the type leaves out, audited on the source before the draft', () => {
    const source = signed('fk7804');
    const renewed = renewCertificate(
      source,
      { patient, written: definitions.fk7804, current: definitions.fk7804 },
      validation,
      physician,
    );
    expect(renewed.certificate.parent).toEqual({ type: 'renews', certificateId: source.id });
    for (const left of definitions.fk7804.policy.renew.notCopied) {
      expect(renewed.certificate.answers).not.toHaveProperty(left);
    }
    // The sick leave it leaves out travels beside the new draft's periods, to continue from.
    const periods = source.answers['32'];
    if (!Array.isArray(periods) || periods.length === 0) throw new Error('no periods signed');
    expect(renewed.certificate.previousPeriods).toEqual({ '32': periods });
    expect(renewed.audit.map((entry) => [entry.action, entry.certificateId])).toEqual([
      ['certificate-renew', source.id],
      ['certificate-create', renewed.certificate.id],
    ]);
  });

  it('refuses a second replacing draft while one is begun', () => {
    const source = signed('fk7804');
    const outcome = replaceCertificate(
      source,
      {
        patient,
        written: definitions.fk7804,
        current: definitions.fk7804,
        relations: {
          ...noRelations,
          children: [{ type: 'replaces', certificateId: 'cert-x', status: 'draft', createdAt: AT }],
        },
      },
      validation,
      physician,
    );
    expect(rejection(outcome)).toEqual({
      status: 409,
      code: 'INVALID_STATE',
      message: certificateMessages.replacementBegun,
    });
  });
});

describe('the catalogue', () => {
  const all = async () =>
    Promise.all(
      (['fk7804', 'fk7210', 'fk7472'] as const satisfies readonly CertificateTypeCode[]).map(
        (code) => loadDefinition(code),
      ),
    );

  it('lists the types the user may write, with the latest draft of each noted', async () => {
    const existing = draft('fk7804', 'minimal');
    const catalogue = certificateCatalogue(
      await all(),
      patient,
      [existing],
      { role: 'physician', unitHsaId: careUnit.hsaId },
      TODAY,
    );
    if (isRejection(catalogue)) throw new Error(catalogue.message);
    expect(catalogue.types.map((entry) => entry.type)).toEqual(['fk7804', 'fk7210', 'fk7472']);
    expect(catalogue.types[0]?.existingDraft).toEqual({ id: existing.id, savedAt: AT });
  });

  it('refuses a protected identity to a role that may handle none of the types, and blocks a deceased patient', async () => {
    const definitionsOf = await all();
    const onlyPhysicians = definitionsOf.filter(
      (definition) => definition.code !== 'fk7210' && definition.code !== 'fk7472',
    );
    expect(
      rejection(
        certificateCatalogue(
          onlyPhysicians,
          seedPatients.protectedIdentity,
          [],
          { role: 'nurse', unitHsaId: careUnit.hsaId },
          TODAY,
        ),
      ),
    ).toEqual({ status: 403, code: 'FORBIDDEN', message: catalogueMessages.protectedPatient });
    expect(
      certificateCatalogue(
        definitionsOf,
        seedPatients.deceased,
        [],
        { role: 'physician', unitHsaId: careUnit.hsaId },
        TODAY,
      ),
    ).toEqual({ types: [], blockedReason: catalogueMessages.deceased });
  });
});
