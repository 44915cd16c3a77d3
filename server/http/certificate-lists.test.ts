import { describe, expect, it } from 'vitest';
import {
  certificateResponseSchema,
  draftListResponseSchema,
  patientCertificatesResponseSchema,
  signedListResponseSchema,
  type SignedListRequest,
} from '../../src/contracts/certificates';
import {
  callApi,
  createTestCertificate,
  loginOverApi,
  startTestBackend,
} from '../../src/testing/test-backend';
import { seedPatients, seedUsers } from '../seed/seed-data';
import { workCountsSchema } from '../../src/contracts/work-lists';

/** "Signerade intyg": the unit's signed certificates, filtered, sorted and paged by the server. */

startTestBackend();

const { adult, adultMan, protectedIdentity } = seedPatients;

async function querySigned(token: string, request: SignedListRequest) {
  const { status, body } = await callApi('/api/certificates/signed/query', {
    method: 'POST',
    token,
    body: request,
  });
  expect(status, JSON.stringify(body)).toBe(200);
  return signedListResponseSchema.parse(body);
}

async function workCounts(token: string) {
  const { status, body } = await callApi('/api/work-counts', { token });
  expect(status).toBe(200);
  return workCountsSchema.parse(body);
}

/** How many drafts the user's drafts list shows that are not locked (the badge's). */
async function draftsTotal(token: string): Promise<number> {
  const { status, body } = await callApi('/api/certificates/drafts/query', {
    method: 'POST',
    token,
    body: { pageSize: 100 },
  });
  expect(status, JSON.stringify(body)).toBe(200);
  const list = draftListResponseSchema.parse(body);
  expect(list.total).toBeLessThanOrEqual(list.items.length);
  return list.items.filter((item) => item.status !== 'locked-draft').length;
}

async function read(id: string, token: string) {
  const { status, body } = await callApi(`/api/certificates/${id}`, { token });
  expect(status).toBe(200);
  return certificateResponseSchema.parse(body).certificate;
}

/** Replaces a signed certificate through the API: replace, consent, sign. */
async function replace(id: string, token: string): Promise<string> {
  const original = await read(id, token);
  const replacing = await callApi(`/api/certificates/${id}/replace`, {
    method: 'POST',
    token,
    body: { version: original.version },
  });
  expect(replacing.status).toBe(201);
  const draft = certificateResponseSchema.parse(replacing.body).certificate;
  const { body: session } = await callApi('/api/session', { token });
  const today =
    typeof session === 'object' && session !== null && 'today' in session
      ? String(session.today)
      : '';
  const consented = await callApi(`/api/certificates/${draft.id}/consent`, {
    method: 'POST',
    token,
    body: {
      version: draft.version,
      consent: { givenBy: 'patient', method: 'oral', givenOn: today },
    },
  });
  expect(consented.status, JSON.stringify(consented.body)).toBe(200);
  const signed = await callApi(`/api/certificates/${draft.id}/sign`, {
    method: 'POST',
    token,
    body: {
      version: certificateResponseSchema.parse(consented.body).certificate.version,
      method: 'siths',
    },
  });
  expect(signed.status, JSON.stringify(signed.body)).toBe(200);
  return draft.id;
}

describe('the signed list', () => {
  it('lists signed, sent, replaced and revoked certificates, each in exactly one state', async () => {
    const token = await loginOverApi('physician');
    const signed = await createTestCertificate({
      type: 'fk7210',
      patientId: adult.id,
      status: 'signed',
      answers: 'complete',
    });
    const sent = await createTestCertificate({
      type: 'fk7804',
      patientId: adultMan.id,
      status: 'sent',
      answers: 'complete',
    });
    const revoked = await createTestCertificate({
      type: 'fk7804',
      patientId: adult.id,
      status: 'revoked',
      answers: 'complete',
    });
    const draft = await createTestCertificate({ type: 'fk7804', patientId: adult.id });
    const replacement = await replace(sent, token);

    const all = await querySigned(token, { pageSize: 100 });
    const ids = all.items.map((item) => item.id);
    expect(ids).toEqual(expect.arrayContaining([signed, sent, revoked, replacement]));
    expect(ids).not.toContain(draft);
    // Newest signing first: the replacement was signed last.
    expect(all.items[0]?.id).toBe(replacement);
    expect(all.items.find((item) => item.id === replacement)).toMatchObject({
      parent: { type: 'replaces', certificateId: sent },
    });
    expect(all.items.find((item) => item.id === sent)).toMatchObject({ replacedBy: replacement });

    const byStatus = async (status: 'signed' | 'sent' | 'replaced' | 'revoked') =>
      (await querySigned(token, { filter: { status }, pageSize: 100 })).items.map(
        (item) => item.id,
      );
    expect(await byStatus('replaced')).toEqual([sent]);
    expect(await byStatus('revoked')).toEqual([revoked]);
    expect(await byStatus('signed')).toEqual(expect.arrayContaining([signed]));
    const totals = await Promise.all(
      (['signed', 'sent', 'replaced', 'revoked'] as const).map(
        async (status) => (await byStatus(status)).length,
      ),
    );
    expect(totals.reduce((sum, total) => sum + total, 0)).toBe(all.total);

    // The patient's own list marks the replaced one too.
    const { body } = await callApi(`/api/patients/${adultMan.id}/certificates`, { token });
    const patientList = patientCertificatesResponseSchema.parse(body).certificates;
    expect(patientList.find((item) => item.id === sent)).toMatchObject({
      replacedBy: replacement,
    });
  });

  it('reads an original as it was once its replacement is revoked: not replaced, renewable and replaceable again', async () => {
    const token = await loginOverApi('physician');
    const original = await createTestCertificate({
      type: 'fk7804',
      patientId: adultMan.id,
      status: 'sent',
      answers: 'complete',
    });
    const replacement = await replace(original, token);
    const replaced = await read(original, token);
    expect(replaced.relations.children).toEqual([
      expect.objectContaining({ type: 'replaces', certificateId: replacement, status: 'signed' }),
    ]);
    const actionOf = (certificate: typeof replaced, type: string) =>
      certificate.actions.find((action) => action.type === type);
    expect(actionOf(replaced, 'renew')).toMatchObject({ enabled: false });
    expect(actionOf(replaced, 'replace')).toMatchObject({ enabled: false });

    const revoked = await callApi(`/api/certificates/${replacement}/revoke`, {
      method: 'POST',
      token,
      body: {
        version: (await read(replacement, token)).version,
        reason: 'other-serious-error',
        message: 'Fel diagnos.',
      },
    });
    expect(revoked.status, JSON.stringify(revoked.body)).toBe(200);

    const again = await read(original, token);
    expect(again).toMatchObject({ status: 'signed', sent: expect.any(Object) });
    expect(again.relations.children).toEqual([
      expect.objectContaining({ type: 'replaces', certificateId: replacement, status: 'revoked' }),
    ]);
    expect(actionOf(again, 'renew')).toMatchObject({ enabled: true });
    expect(actionOf(again, 'replace')).toMatchObject({ enabled: true });
    const row = (await querySigned(token, { pageSize: 100 })).items.find(
      (item) => item.id === original,
    );
    expect(row).toBeDefined();
    expect(row?.replacedBy).toBeUndefined();
    const sent = await querySigned(token, { filter: { status: 'sent' }, pageSize: 100 });
    expect(sent.items.map((item) => item.id)).toContain(original);
    const replacedRows = await querySigned(token, {
      filter: { status: 'replaced' },
      pageSize: 100,
    });
    expect(replacedRows.items.map((item) => item.id)).not.toContain(original);
  });

  it('filters by type, signer, patient and signing day, and sorts and pages', async () => {
    const token = await loginOverApi('physician');
    const byOther = await createTestCertificate({
      type: 'fk7804',
      patientId: adult.id,
      status: 'signed',
      answers: 'complete',
      userId: seedUsers.secondPhysician.id,
      createdDaysAgo: 10,
    });
    const mine = await createTestCertificate({
      type: 'fk7210',
      patientId: adultMan.id,
      status: 'signed',
      answers: 'complete',
      userId: seedUsers.physician.id,
    });
    const list = await querySigned(token, {});
    expect(list.signers.map((signer) => signer.id)).toEqual(
      expect.arrayContaining([seedUsers.secondPhysician.id, seedUsers.physician.id]),
    );
    const bySigner = await querySigned(token, {
      filter: { signedBy: seedUsers.secondPhysician.id },
    });
    expect(bySigner.items.map((item) => item.id)).toEqual([byOther]);
    const byType = await querySigned(token, { filter: { type: 'fk7210' } });
    expect(byType.items.every((item) => item.type === 'fk7210')).toBe(true);
    expect(byType.items.map((item) => item.id)).toContain(mine);

    // Part of the identity number, with or without the hyphen.
    const number = adultMan.identityNumber.slice(2, 8);
    const byPatient = await querySigned(token, { filter: { patient: number } });
    expect(byPatient.items.map((item) => item.id)).toEqual([mine]);

    // Signed ten days ago: inside a range around that day, outside one that starts later.
    const inRange = await querySigned(token, {
      filter: { signedFrom: '2000-01-01', signedTo: '2099-12-31' },
    });
    expect(inRange.items.map((item) => item.id)).toEqual(expect.arrayContaining([byOther, mine]));
    const signedAt = inRange.items.find((item) => item.id === byOther)?.signedAt ?? '';
    const later = new Date(Date.parse(signedAt) + 2 * 86_400_000).toISOString().slice(0, 10);
    const fromLater = await querySigned(token, { filter: { signedFrom: later } });
    expect(fromLater.items.map((item) => item.id)).toContain(mine);
    expect(fromLater.items.map((item) => item.id)).not.toContain(byOther);

    const ascending = await querySigned(token, { sort: 'signedAt', order: 'asc', pageSize: 10 });
    const instants = ascending.items.map((item) => item.signedAt ?? '');
    expect(instants).toEqual([...instants].sort());

    const firstPage = await querySigned(token, { pageSize: 10, page: 1 });
    expect(firstPage.items.length).toBeLessThanOrEqual(10);
    expect(firstPage.page).toBe(1);
  });

  it('sorts patients by family name, then given names, both ways, in the drafts list too', async () => {
    const token = await loginOverApi('physician');
    for (const patient of [seedPatients.youngWoman, adultMan, seedPatients.child, adult]) {
      for (const status of ['signed', 'draft'] as const) {
        await createTestCertificate({ type: 'fk7210', patientId: patient.id, status });
      }
    }
    const familyOrder = ['Karin Andersson', 'Nils Andersson', 'Per Olof Johansson', 'Elin Sjöberg'];
    const signed = await querySigned(token, { sort: 'patient', order: 'asc' });
    expect(signed.items.map((item) => item.patient.name)).toEqual(familyOrder);
    const descending = await querySigned(token, { sort: 'patient', order: 'desc' });
    expect(descending.items.map((item) => item.patient.name)).toEqual([...familyOrder].reverse());
    const drafts = await callApi('/api/certificates/drafts/query', {
      method: 'POST',
      token,
      body: { sort: 'patient', order: 'asc' },
    });
    expect(drafts.status).toBe(200);
    expect(
      draftListResponseSchema.parse(drafts.body).items.map((item) => item.patient.name),
    ).toEqual(familyOrder);
  });

  it('refuses a range that ends before it starts, in Swedish', async () => {
    const token = await loginOverApi('physician');
    const { status, body } = await callApi('/api/certificates/signed/query', {
      method: 'POST',
      token,
      body: { filter: { signedFrom: '2026-12-02', signedTo: '2026-12-01' } },
    });
    expect(status).toBe(400);
    expect(JSON.stringify(body)).toContain('Från-datumet får inte vara senare än till-datumet.');
  });

  it('names in the drafts list who marked a draft "Klar för signering" and when; a complete draft unmarked carries no marking', async () => {
    const careAdmin = await loginOverApi('careAdmin');
    const complete = await createTestCertificate({
      type: 'fk7804',
      patientId: adult.id,
      status: 'draft',
      answers: 'complete',
    });
    const marked = await createTestCertificate({
      type: 'fk7804',
      patientId: adultMan.id,
      status: 'draft',
      answers: 'complete',
    });
    const marking = await callApi(`/api/certificates/${marked}/ready-for-sign`, {
      method: 'POST',
      token: careAdmin,
      body: { version: (await read(marked, careAdmin)).version },
    });
    expect(marking.status, JSON.stringify(marking.body)).toBe(200);
    const at = certificateResponseSchema.parse(marking.body).certificate.readyForSign?.at;
    expect(at).toBeDefined();

    const drafts = await callApi('/api/certificates/drafts/query', {
      method: 'POST',
      token: await loginOverApi('physician'),
      body: { pageSize: 100 },
    });
    expect(drafts.status, JSON.stringify(drafts.body)).toBe(200);
    const items = draftListResponseSchema.parse(drafts.body).items;
    expect(items.find((item) => item.id === marked)).toMatchObject({
      readyForSign: { at, by: seedUsers.careAdmin.name },
    });
    expect(items.find((item) => item.id === complete)).toMatchObject({ completeness: 'complete' });
    expect(items.find((item) => item.id === complete)?.readyForSign).toBeUndefined();
  });

  it('shows a protected identity only to the roles the type allows', async () => {
    const hidden = await createTestCertificate({
      type: 'fk7804',
      patientId: protectedIdentity.id,
      status: 'signed',
      answers: 'complete',
    });
    const physician = await querySigned(await loginOverApi('physician'), {});
    expect(physician.items.map((item) => item.id)).toContain(hidden);
    const careAdmin = await querySigned(await loginOverApi('careAdmin'), {});
    expect(careAdmin.items.map((item) => item.id)).not.toContain(hidden);
  });

  it("counts a protected identity's draft and open thread only for those who may open them, as the lists do", async () => {
    const physicianToken = await loginOverApi('physician');
    const careAdminToken = await loginOverApi('careAdmin');
    const before = {
      physician: await workCounts(physicianToken),
      careAdmin: await workCounts(careAdminToken),
    };
    await createTestCertificate({
      type: 'fk7804',
      patientId: protectedIdentity.id,
      status: 'draft',
      answers: 'complete',
    });
    const physician = await workCounts(physicianToken);
    const careAdmin = await workCounts(careAdminToken);
    expect(physician.unsignedDrafts).toBe(before.physician.unsignedDrafts + 1);
    // The care administrator's list hides the draft, and so does the badge.
    expect(careAdmin.unsignedDrafts).toBe(before.careAdmin.unsignedDrafts);
    expect(careAdmin.unsignedDrafts).toBe(await draftsTotal(careAdminToken));
    expect(physician.unsignedDrafts).toBe(await draftsTotal(physicianToken));
  });

  it('needs a session', async () => {
    const { status } = await callApi('/api/certificates/signed/query', {
      method: 'POST',
      body: {},
    });
    expect(status).toBe(401);
  });
});
