import { describe, expect, it } from 'vitest';
import {
  certificateResponseSchema,
  draftListResponseSchema,
  type Certificate,
} from '../../src/contracts/certificates';
import { fkReceivedResponseSchema } from '../../src/contracts/fk';
import { auditLogResponseSchema } from '../../src/contracts/testability';
import { certificateTypes } from '../../src/definitions';
import { certificateTypeCodeSchema } from '../../src/contracts/certificates';
import { callApi, startTestBackend } from '../../src/testing/test-backend';
import { answerBuilders } from '../../mocks/builders/certificates';
import { seedPatients, seedUsers, type SeedPatientKey, type SeedUserKey } from '../seed/seed-data';
import {
  expected,
  isSigner,
  lifecycleActions,
  lifecycleStates,
  patientKinds,
  roleUsers,
  testedTypes,
  type LifecycleCase,
  type LifecycleAction,
} from '../domain/lifecycle-expectations';

startTestBackend();

const call = callApi;

async function login(who: SeedUserKey): Promise<string> {
  const user = seedUsers[who];
  const { body } = await call('/api/auth/login', {
    method: 'POST',
    body: { userId: user.id, unitHsaId: user.unitHsaIds[0] },
  });
  if (
    typeof body !== 'object' ||
    body === null ||
    !('token' in body) ||
    typeof body.token !== 'string'
  ) {
    throw new Error('log-in failed');
  }
  return body.token;
}

async function makeCertificate(spec: {
  type: string;
  patient: SeedPatientKey;
  status: 'draft' | 'signed' | 'sent' | 'ready-for-sign' | 'locked-draft' | 'revoked';
  answers?: 'complete' | 'minimal' | 'empty';
  consent?: boolean;
}): Promise<string> {
  const { status, body } = await call('/api/testability/certificates', {
    method: 'POST',
    body: {
      type: spec.type,
      patientId: seedPatients[spec.patient].id,
      status: spec.status,
      answers: spec.answers ?? 'minimal',
      ...(spec.consent === undefined ? {} : { consent: spec.consent }),
    },
  });
  expect(status).toBe(201);
  if (
    typeof body !== 'object' ||
    body === null ||
    !('certificateId' in body) ||
    typeof body.certificateId !== 'string'
  ) {
    throw new Error('no certificate id');
  }
  return body.certificateId;
}

async function getCertificate(id: string, token: string): Promise<Certificate> {
  const { status, body } = await call(`/api/certificates/${id}`, { token });
  expect(status).toBe(200);
  return certificateResponseSchema.parse(body).certificate;
}

function messageOf(body: unknown): string {
  if (
    typeof body === 'object' &&
    body !== null &&
    'message' in body &&
    typeof body.message === 'string'
  ) {
    return body.message;
  }
  return '';
}

describe('certificate types', () => {
  it('the contract names exactly the definitions the app ships', () => {
    expect(certificateTypeCodeSchema.options).toEqual([...certificateTypes]);
  });
});

// ---------------------------------------------------------------------------
// The lifecycle table over the API: a sample. Every row of it is checked in-process against
// the domain (mocks/domain/lifecycle.test.ts); these rows, between them every type, role,
// patient kind, state and kind of answer, check that the handlers refuse and answer as it
// decides and that a certificate's action list says the same.

function perform(
  action: LifecycleAction,
  id: string,
  certificate: Certificate | undefined,
  token: string,
) {
  const version = certificate?.version ?? 1;
  const post = (path: string, body: unknown) =>
    call(`/api/certificates/${id}/${path}`, { method: 'POST', token, body });
  switch (action) {
    case 'edit':
      return call(`/api/certificates/${id}/answers`, {
        method: 'PUT',
        token,
        body: { version, answers: certificate?.answers ?? {} },
      });
    case 'record-consent':
      return post('consent', {
        version,
        consent: { givenBy: 'patient', method: 'oral', givenOn: '2020-01-01' },
      });
    case 'ready-for-sign':
    case 'send':
    case 'print':
    case 'renew':
    case 'replace':
    case 'copy':
      return post(action, { version });
    case 'sign':
      return post('sign', { version, method: 'siths' });
    case 'sign-and-send':
      return post('sign', { version, method: 'siths', send: true });
    case 'revoke':
      return post('revoke', { version, reason: 'wrong-patient' });
    case 'delete':
      return call(`/api/certificates/${id}`, { method: 'DELETE', token, body: { version } });
  }
}

const sampledCases: LifecycleCase[] = [
  // Writing, consenting and signing one's own draft; a signer does not mark it ready.
  ['fk7804', 'physician', 'adult', 'draft'],
  // Marking ready instead of signing; the draft-only actions on a locked draft.
  ['fk7804', 'careAdmin', 'adult', 'draft'],
  ['fk7804', 'careAdmin', 'adult', 'locked-draft'],
  // Sending, renewing and replacing; a test person's certificate cannot be sent.
  ['fk7804', 'physician', 'testPerson', 'signed'],
  ['fk7804', 'physician', 'adult', 'sent'],
  // A protected identity: refused, and nothing disclosed, to a role that may not sign the type.
  ['fk7804', 'nurse', 'protectedIdentity', 'signed'],
  // A type a nurse signs, that is never renewed; copying for a deceased patient is refused.
  ['fk7210', 'nurse', 'deceased', 'locked-draft'],
  ['fk7210', 'midwife', 'protectedIdentity', 'draft'],
  // Sign-and-send: signed means sent.
  ['fk7472', 'midwife', 'adult', 'signed'],
  ['fk7472', 'careAdmin', 'deceased', 'revoked'],
];

describe('the certificate lifecycle, a sample of the table over the API', () => {
  it.each(sampledCases)('%s as %s, patient %s, %s', async (type, who, patient, state) => {
    const token = await login(who);
    const make = () => makeCertificate({ type, patient, status: state, answers: 'complete' });
    // A refusal changes nothing, so the same certificate serves until an action succeeds.
    let id = await make();
    for (const action of lifecycleActions) {
      const outcome = expected(type, who, patient, state, action);
      const read = await call(`/api/certificates/${id}`, { token });
      let certificate: Certificate | undefined;
      if (patient === 'protectedIdentity' && !isSigner(type, who)) {
        // Nothing at all is disclosed: the read itself is refused.
        expect(read.status, `${action}: read`).toBe(403);
        expect(messageOf(read.body)).toMatch(/^Patienten har skyddade personuppgifter/);
        expect(JSON.stringify(read.body)).not.toContain(seedPatients.protectedIdentity.lastName);
      } else {
        expect(read.status, `${action}: read`).toBe(200);
        certificate = certificateResponseSchema.parse(read.body).certificate;
        expect(certificate.status).toBe(state === 'sent' ? 'signed' : state);
        const listed = certificate.actions.find((candidate) => candidate.type === action);
        if (!('message' in outcome)) {
          expect(listed, `${action} listed`).toMatchObject({ enabled: true });
        } else if (listed !== undefined) {
          expect(listed.enabled, `${action} disabled`).toBe(false);
          expect(listed.reason ?? '', `${action} reason`).toMatch(outcome.message);
        }
      }
      const result = await perform(action, id, certificate, token);
      if ('message' in outcome) {
        expect(result.status, action).toBe(outcome.status);
        expect(messageOf(result.body), action).toMatch(outcome.message);
      } else {
        expect(result.status, `${action}: ${messageOf(result.body)}`).toBe(outcome.status);
        if (action !== 'print') id = await make();
      }
    }
  });

  it('covers every type, role, patient kind, state and kind of answer', () => {
    const outcomes = new Set(
      sampledCases.flatMap(([type, who, patient, state]) =>
        lifecycleActions.map((action) => expected(type, who, patient, state, action).status),
      ),
    );
    expect([...outcomes].sort()).toEqual([200, 201, 204, 403, 409]);
    expect(new Set(sampledCases.map(([type]) => type))).toEqual(new Set(testedTypes));
    expect(new Set(sampledCases.map(([, who]) => who))).toEqual(new Set(roleUsers));
    expect(new Set(sampledCases.map(([, , patient]) => patient))).toEqual(new Set(patientKinds));
    expect(new Set(sampledCases.map(([, , , state]) => state))).toEqual(new Set(lifecycleStates));
  });
});

// ---------------------------------------------------------------------------
// Journeys over the API

describe('writing, consenting, signing and sending', () => {
  it('creates a draft prefilled with the unit address, saves with versions and refuses a stale one', async () => {
    const physician = await login('physician');
    const second = await login('secondPhysician');
    const created = await call('/api/certificates', {
      method: 'POST',
      token: physician,
      body: { type: 'fk7804', patientId: seedPatients.adult.id },
    });
    expect(created.status).toBe(201);
    const draft = certificateResponseSchema.parse(created.body).certificate;
    expect(draft).toMatchObject({
      status: 'draft',
      version: 1,
      definitionVersion: '2.0',
      completeness: 'incomplete',
    });
    expect(draft.answers.UNIT_CONTACT_INFORMATION).toMatchObject({ city: 'Stockholm' });
    expect(draft.actions.map((action) => action.type)).toEqual([
      'edit',
      'record-consent',
      'sign-and-send',
      'sign',
      'print',
      'delete',
    ]);

    const answers = {
      ...draft.answers,
      ...answerBuilders.fk7804.minimal(new Date().toISOString().slice(0, 10)),
    };
    const saved = await call(`/api/certificates/${draft.id}/answers`, {
      method: 'PUT',
      token: second,
      body: { version: 1, answers },
    });
    expect(saved.status).toBe(200);
    // The certificate as saved, with the actions the header draws.
    const savedCertificate = certificateResponseSchema.parse(saved.body).certificate;
    // Every answer complete: "Klart att signera", the consent is asked for when signing.
    expect(savedCertificate).toMatchObject({ version: 2, completeness: 'complete', answers });
    expect(savedCertificate.savedBy.name).toBe(seedUsers.secondPhysician.name);
    expect(savedCertificate.actions.map((action) => action.type)).toEqual([
      'edit',
      'record-consent',
      'sign-and-send',
      'sign',
      'print',
      'delete',
    ]);

    const stale = await call(`/api/certificates/${draft.id}/answers`, {
      method: 'PUT',
      token: physician,
      body: { version: 1, answers: {} },
    });
    expect(stale.status).toBe(409);
    expect(stale.body).toMatchObject({ code: 'CONFLICT', savedBy: seedUsers.secondPhysician.name });
    expect(messageOf(stale.body)).toContain('Erik Berg');
    const stored = await getCertificate(draft.id, physician);
    expect(stored.answers).toEqual(answers);
  });

  it("takes an editor's own save sent again after its answer was lost; any other stale save is a conflict", async () => {
    const physician = await login('physician');
    const second = await login('secondPhysician');
    const id = await makeCertificate({ type: 'fk7804', patient: 'adult', status: 'draft' });
    const opened = await getCertificate(id, physician);
    const save = (token: string, version: number, text: string, editorId?: string) =>
      call(`/api/certificates/${id}/answers`, {
        method: 'PUT',
        token,
        body: {
          version,
          answers: { ...opened.answers, '25': text },
          ...(editorId === undefined ? {} : { editorId }),
        },
      });
    const editor = 'editor-0123456789abcdef0123456789abcdef';

    // Stored, but the editor never hears so (the server stopped before answering) …
    expect((await save(physician, opened.version, 'Först.', editor)).status).toBe(200);
    // … so it sends its answers, typed on since, again on the version it still has; twice.
    const again = await save(physician, opened.version, 'Först. Sedan.', editor);
    expect(again.status).toBe(200);
    const twice = await save(physician, opened.version, 'Först. Sedan. Sist.', editor);
    expect(certificateResponseSchema.parse(twice.body).certificate).toMatchObject({
      version: opened.version + 3,
      answers: { '25': 'Först. Sedan. Sist.' },
    });

    // Another editor (another tab, even of the same session), or a save naming none, on that
    // version is a conflict.
    const otherTab = await save(physician, opened.version, 'Annat.', 'editor-ffffffffffffffff');
    expect(otherTab.status).toBe(409);
    expect((await save(physician, opened.version, 'Annat.')).status).toBe(409);

    // Once someone else has saved, the editor's older version is a conflict again.
    const current = await getCertificate(id, second);
    expect((await save(second, current.version, 'Eriks text.', 'editor-eeeeeeeeeeee')).status).toBe(
      200,
    );
    const stale = await save(physician, opened.version, 'Först. Sedan. Sist. Mer.', editor);
    expect(stale.status).toBe(409);
    expect(stale.body).toMatchObject({ code: 'CONFLICT', savedBy: seedUsers.secondPhysician.name });
    expect((await getCertificate(id, physician)).answers['25']).toBe('Eriks text.');
  });

  it('refuses to sign without consent, signs after it, then sends to FK', async () => {
    const physician = await login('physician');
    const id = await makeCertificate({
      type: 'fk7804',
      patient: 'adult',
      status: 'draft',
      consent: false,
    });
    const draft = await getCertificate(id, physician);
    // Complete: only the consent is missing, and the signing step asks for it.
    expect(draft.completeness).toBe('complete');
    const refused = await call(`/api/certificates/${id}/sign`, {
      method: 'POST',
      token: physician,
      body: { version: draft.version, method: 'siths' },
    });
    expect(refused).toMatchObject({ status: 422, body: { code: 'CONSENT_MISSING' } });
    expect(messageOf(refused.body)).toMatch(/samtycke/);

    const consented = await call(`/api/certificates/${id}/consent`, {
      method: 'POST',
      token: physician,
      body: {
        version: draft.version,
        consent: {
          givenBy: 'representative',
          representativeName: 'Eva Andersson',
          method: 'written',
          givenOn: '2026-01-01',
        },
      },
    });
    expect(consented.status).toBe(200);
    const withConsent = certificateResponseSchema.parse(consented.body).certificate;
    expect(withConsent.consent).toMatchObject({
      givenBy: 'representative',
      representativeName: 'Eva Andersson',
      method: 'written',
      recordedBy: { name: seedUsers.physician.name },
    });
    expect(withConsent.completeness).toBe('complete');

    const signed = await call(`/api/certificates/${id}/sign`, {
      method: 'POST',
      token: physician,
      body: { version: withConsent.version, method: 'bankid' },
    });
    expect(signed.status).toBe(200);
    const certificate = certificateResponseSchema.parse(signed.body).certificate;
    expect(certificate).toMatchObject({
      status: 'signed',
      signed: { by: { name: seedUsers.physician.name } },
    });
    expect(certificate.sent).toBeUndefined();
    expect(certificate.actions).toEqual([
      { type: 'send', label: 'Skicka till Försäkringskassan', enabled: true },
      { type: 'renew', label: 'Förnya', enabled: true },
      { type: 'replace', label: 'Ersätt', enabled: true },
      { type: 'print', label: 'Skriv ut', enabled: true },
      { type: 'revoke', label: 'Makulera', enabled: true },
    ]);

    const sent = await call(`/api/certificates/${id}/send`, {
      method: 'POST',
      token: physician,
      body: { version: certificate.version },
    });
    expect(sent.status).toBe(200);
    expect(certificateResponseSchema.parse(sent.body).certificate.sent).toBeDefined();
    const fk = fkReceivedResponseSchema.parse((await call('/api/testability/fk-received')).body);
    expect(fk.received.find((entry) => entry.certificateId === id)).toMatchObject({
      sentBy: 'care',
      type: 'fk7804',
    });

    const log = auditLogResponseSchema.parse((await call('/api/testability/audit')).body);
    const ofThis = log.entries
      .filter((entry) => entry.certificateId === id)
      .map((entry) => entry.action);
    expect(ofThis).toEqual(
      expect.arrayContaining(['certificate-consent', 'certificate-sign', 'certificate-send']),
    );
    expect(JSON.stringify(log)).not.toContain(seedPatients.adult.identityNumber);
  });

  it('refuses an incomplete draft with the number of what is missing', async () => {
    const physician = await login('physician');
    const id = await makeCertificate({
      type: 'fk7800',
      patient: 'adult',
      status: 'draft',
      answers: 'empty',
      consent: true,
    });
    const draft = await getCertificate(id, physician);
    const refused = await call(`/api/certificates/${id}/sign`, {
      method: 'POST',
      token: physician,
      body: { version: draft.version, method: 'siths' },
    });
    expect(refused.status).toBe(422);
    expect(messageOf(refused.body)).toMatch(
      /^Utkastet kan inte signeras: \d+ obligatoriska uppgifter saknas/,
    );
  });

  it('refuses to sign a diagnosis whose description is the official text of another code', async () => {
    const physician = await login('physician');
    const today = new Date().toISOString().slice(0, 10);
    const answers = answerBuilders.fk7804.complete(today);
    const id = await makeCertificate({
      type: 'fk7804',
      patient: 'adult',
      status: 'draft',
      answers: 'complete',
    });
    const draft = await getCertificate(id, physician);
    const withDiagnosis = (description: string) => ({
      ...answers,
      '6': [{ code: 'F321', description }],
    });
    const mismatched = await call(`/api/certificates/${id}/answers`, {
      method: 'PUT',
      token: physician,
      body: { version: draft.version, answers: withDiagnosis('Lindrig depressiv episod') },
    });
    expect(mismatched.status, messageOf(mismatched.body)).toBe(200);
    const refused = await call(`/api/certificates/${id}/sign`, {
      method: 'POST',
      token: physician,
      body: { version: draft.version + 1, method: 'siths' },
    });
    expect(refused.status).toBe(422);
    expect(messageOf(refused.body)).toMatch(/^Utkastet kan inte signeras/);
    expect((await getCertificate(id, physician)).status).toBe('draft');

    const corrected = await call(`/api/certificates/${id}/answers`, {
      method: 'PUT',
      token: physician,
      body: { version: draft.version + 1, answers: withDiagnosis('Medelsvår depressiv episod') },
    });
    expect(corrected.status, messageOf(corrected.body)).toBe(200);
    const signed = await call(`/api/certificates/${id}/sign`, {
      method: 'POST',
      token: physician,
      body: { version: draft.version + 2, method: 'siths' },
    });
    expect(signed.status, messageOf(signed.body)).toBe(200);
    expect(certificateResponseSchema.parse(signed.body).certificate.answers['6']).toEqual([
      { code: 'F321', description: 'Medelsvår depressiv episod' },
    ]);
  });

  it('moves 1.4 into Övriga upplysningar when an FK 7800 is signed', async () => {
    const physician = await login('physician');
    const today = new Date().toISOString().slice(0, 10);
    const answers = answerBuilders.fk7800.complete(today);
    const id = await makeCertificate({
      type: 'fk7800',
      patient: 'adult',
      status: 'draft',
      answers: 'complete',
    });
    const draft = await getCertificate(id, physician);
    const saved = await call(`/api/certificates/${id}/answers`, {
      method: 'PUT',
      token: physician,
      body: {
        version: draft.version,
        answers: {
          ...answers,
          '1': [{ code: 'JOURNALUPPGIFTER', date: today }],
          '1_4': 'Patienten bor utomlands.',
          '25': 'Inget mer.',
          '2': today,
        },
      },
    });
    expect(saved.status, messageOf(saved.body)).toBe(200);
    const signed = await call(`/api/certificates/${id}/sign`, {
      method: 'POST',
      token: physician,
      body: { version: draft.version + 1, method: 'siths' },
    });
    expect(signed.status, messageOf(signed.body)).toBe(200);
    const certificate = certificateResponseSchema.parse(signed.body).certificate;
    expect(certificate.answers['25']).toBe(
      'Motivering till varför utlåtandet inte baseras på undersökning av patienten: Patienten bor utomlands.\n\nInget mer.',
    );
    expect(certificate.answers['1_4']).toBeUndefined();
  });

  it("gives a renewal the renewed certificate's periods to continue after; a replacement copies them instead", async () => {
    const token = await login('physician');
    for (const [type, questionId, patient] of [
      ['fk7804', '32', 'adult'],
      ['fk7472', '56', 'child'],
    ] as const) {
      const id = await makeCertificate({ type, patient, status: 'sent', answers: 'complete' });
      const original = await getCertificate(id, token);
      const renewed = await call(`/api/certificates/${id}/renew`, {
        method: 'POST',
        token,
        body: { version: original.version },
      });
      expect(renewed.status, JSON.stringify(renewed.body)).toBe(201);
      const draft = certificateResponseSchema.parse(renewed.body).certificate;
      expect(draft.answers[questionId], type).toBeUndefined();
      expect(draft.previousPeriods, type).toEqual({ [questionId]: original.answers[questionId] });
      expect((await getCertificate(draft.id, token)).previousPeriods).toEqual(
        draft.previousPeriods,
      );

      const replaced = await call(`/api/certificates/${id}/replace`, {
        method: 'POST',
        token,
        body: { version: original.version },
      });
      expect(replaced.status, JSON.stringify(replaced.body)).toBe(201);
      const replacement = certificateResponseSchema.parse(replaced.body).certificate;
      expect(replacement.answers[questionId]).toEqual(original.answers[questionId]);
      expect(replacement.previousPeriods).toBeUndefined();
    }
  });

  it('gives a deceased patient no catalogue and refuses creating for them', async () => {
    const physician = await login('physician');
    const catalogue = await call(`/api/patients/${seedPatients.deceased.id}/certificate-types`, {
      token: physician,
    });
    expect(catalogue).toMatchObject({
      status: 200,
      body: { types: [], blockedReason: expect.stringContaining('avliden') },
    });
    const created = await call('/api/certificates', {
      method: 'POST',
      token: physician,
      body: { type: 'fk7804', patientId: seedPatients.deceased.id },
    });
    expect(created.status).toBe(409);
    expect(messageOf(created.body)).toMatch(/avliden/);
  });

  it('shows a protected patient only to the roles the definitions allow', async () => {
    const careAdmin = await login('careAdmin');
    const nurse = await login('nurse');
    const refused = await call(
      `/api/patients/${seedPatients.protectedIdentity.id}/certificate-types`,
      { token: careAdmin },
    );
    expect(refused.status).toBe(403);
    expect(JSON.stringify(refused.body)).not.toContain('Lundberg');
    const created = await call('/api/certificates', {
      method: 'POST',
      token: careAdmin,
      body: { type: 'fk7804', patientId: seedPatients.protectedIdentity.id },
    });
    expect(created.status).toBe(403);
    const forNurse = await call(
      `/api/patients/${seedPatients.protectedIdentity.id}/certificate-types`,
      { token: nurse },
    );
    expect(forNurse.status).toBe(200);
    expect(JSON.stringify(forNurse.body)).toContain('fk7210');
    expect(JSON.stringify(forNurse.body)).not.toContain('fk7804');
  });

  it('asks for the under-18 confirmation before an FK 7809 for a child', async () => {
    const physician = await login('physician');
    const catalogue = await call(`/api/patients/${seedPatients.child.id}/certificate-types`, {
      token: physician,
    });
    expect(JSON.stringify(catalogue.body)).toContain(
      'Kontrollera att du använder dig av rätt läkarutlåtande',
    );
    const body = { type: 'fk7809', patientId: seedPatients.child.id };
    const refused = await call('/api/certificates', { method: 'POST', token: physician, body });
    expect(refused.status).toBe(400);
    const created = await call('/api/certificates', {
      method: 'POST',
      token: physician,
      body: { ...body, confirmations: ['under18'] },
    });
    expect(created.status).toBe(201);
  });

  it('guards every certificate call: session before role before body', async () => {
    const unauthenticated = await call('/api/certificates', { method: 'POST', body: '{not json' });
    expect(unauthenticated.status).toBe(401);
    const token = await login('physician');
    const malformed = await call('/api/certificates', { method: 'POST', token, body: '{not json' });
    expect(malformed.status).toBe(400);
    const unknownType = await call('/api/certificates', {
      method: 'POST',
      token,
      body: { type: 'fk9999', patientId: seedPatients.adult.id },
    });
    expect(unknownType.status).toBe(400);
  });

  it('lists the unit drafts with status, filters and pages', async () => {
    const token = await login('physician');
    await makeCertificate({
      type: 'fk7210',
      patient: 'youngWoman',
      status: 'ready-for-sign',
      answers: 'complete',
    });
    const { status, body } = await call('/api/certificates/drafts/query', {
      method: 'POST',
      token,
      body: { filter: { status: 'ready-for-sign' }, pageSize: 10 },
    });
    expect(status).toBe(200);
    expect(JSON.stringify(body)).toContain('Elin Sjöberg');
    const counts = await call('/api/work-counts', { token });
    expect(counts.body).toMatchObject({ unsignedDrafts: expect.any(Number) });
  });

  it('keeps locked drafts in the drafts list, marked and filterable', async () => {
    const token = await login('physician');
    const locked = await makeCertificate({
      type: 'fk7804',
      patient: 'adult',
      status: 'locked-draft',
    });
    const open = await makeCertificate({ type: 'fk7804', patient: 'adult', status: 'draft' });
    const query = async (filter: object) => {
      const { status, body } = await call('/api/certificates/drafts/query', {
        method: 'POST',
        token,
        body: { filter, pageSize: 10 },
      });
      expect(status).toBe(200);
      return draftListResponseSchema.parse(body);
    };
    // The newest locked draft comes first among the locked ones, marked as locked.
    const onlyLocked = await query({ status: 'locked' });
    expect(onlyLocked.items[0]).toMatchObject({ id: locked, status: 'locked-draft' });
    expect(onlyLocked.items.every((item) => item.status === 'locked-draft')).toBe(true);
    // Open drafts are never among them, and every draft is in exactly one state.
    const complete = await query({ status: 'complete' });
    expect(complete.items[0]).toMatchObject({ id: open, status: 'draft' });
    const totals = await Promise.all(
      (['incomplete', 'complete', 'ready-for-sign', 'locked'] as const).map(
        async (status) => (await query({ status })).total,
      ),
    );
    expect((await query({})).total).toBe(totals.reduce((sum, total) => sum + total, 0));
  });
});
