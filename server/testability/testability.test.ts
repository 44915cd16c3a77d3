import { describe, expect, it } from 'vitest';
import { loginOverApi, startTestBackend } from '../../src/testing/test-backend';
import { seedPatients } from '../seed/seed-data';
import { inboxResponseSchema } from '../../src/contracts/threads';
import { fkCaseListResponseSchema, fkLoginResponseSchema } from '../../src/contracts/fk';

const backend = startTestBackend();

async function call(path: string, init: { method?: string; body?: unknown; token?: string } = {}) {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (init.token !== undefined) headers.authorization = `Bearer ${init.token}`;
  const response = await fetch(path, {
    method: init.method ?? 'GET',
    headers,
    body: init.body === undefined ? null : JSON.stringify(init.body),
  });
  const text = await response.text();
  const body: unknown = text === '' ? undefined : JSON.parse(text);
  return { status: response.status, body };
}

async function drafts() {
  const all = await backend.db.read((tx) => tx.certificates.getAll());
  return all.filter((record) => record.status === 'draft');
}

describe('POST /api/testability/fault', () => {
  it('switches a server error on and off mid-journey without touching the stored data', async () => {
    const token = await loginOverApi('physician');
    const created = await call('/api/testability/certificates', {
      method: 'POST',
      body: { type: 'fk7804', patientId: seedPatients.adult.id, answers: 'minimal' },
    });
    expect(created.status).toBe(201);
    const before = await drafts();

    expect(
      await call('/api/testability/fault', { method: 'POST', body: { fault: 'server-error' } }),
    ).toEqual({ status: 200, body: { fault: 'server-error' } });
    expect(await call('/api/session', { token })).toEqual({
      status: 500,
      body: { code: 'SERVER_ERROR', message: 'Ett tekniskt fel uppstod på servern.' },
    });
    // The testers' controls still answer while the fault is on.
    expect((await call('/api/testability/audit')).status).toBe(200);

    await call('/api/testability/fault', { method: 'POST', body: { fault: 'none' } });
    expect((await call('/api/session', { token })).status).toBe(200);
    // The session and the drafts survived: the fault did not reset anything.
    expect(await drafts()).toEqual(before);
  });

  it('a network error makes every API call fail to reach the service', async () => {
    const token = await loginOverApi('physician');
    await call('/api/testability/fault', { method: 'POST', body: { fault: 'network-error' } });
    await expect(call('/api/session', { token })).rejects.toThrow();
    await call('/api/testability/fault', { method: 'POST', body: { fault: 'none' } });
    expect((await call('/api/session', { token })).status).toBe(200);
  });

  it('refuses a fault it does not know (400)', async () => {
    const { status } = await call('/api/testability/fault', {
      method: 'POST',
      body: { fault: 'earthquake' },
    });
    expect(status).toBe(400);
  });
});

describe('POST /api/testability/bulk-drafts', () => {
  it('adds that many drafts, spread over the types and living, unprotected patients', async () => {
    const before = new Set((await drafts()).map((record) => record.id));
    expect(
      await call('/api/testability/bulk-drafts', { method: 'POST', body: { count: 24 } }),
    ).toEqual({ status: 201, body: { created: 24 } });
    const added = (await drafts()).filter((record) => !before.has(record.id));
    expect(added).toHaveLength(24);
    expect(new Set(added.map((record) => record.type)).size).toBe(8);
    const patients = await backend.db.read((tx) => tx.patients.getAll());
    const allowed = new Set(
      patients
        .filter((patient) => !patient.deceased && !patient.protectedIdentity)
        .map((patient) => patient.id),
    );
    for (const record of added) expect(allowed.has(record.patientId)).toBe(true);
  });

  it('refuses a count outside 1–20 000 (400)', async () => {
    for (const count of [0, -1, 20_001, 1.5]) {
      const { status } = await call('/api/testability/bulk-drafts', {
        method: 'POST',
        body: { count },
      });
      expect(status, `count ${String(count)}`).toBe(400);
    }
  });
});

describe('POST /api/testability/bulk-threads', () => {
  it('fills the inbox with FK questions on sent certificates: every topic, reminders, due dates', async () => {
    expect(
      await call('/api/testability/bulk-drafts', {
        method: 'POST',
        body: { count: 16, status: 'signed' },
      }),
    ).toEqual({ status: 201, body: { created: 16 } });
    expect(
      await call('/api/testability/bulk-threads', { method: 'POST', body: { count: 30 } }),
    ).toEqual({ status: 201, body: { created: 30 } });
    const threads = await backend.db.read((tx) => tx.threads.getAll());
    expect(threads).toHaveLength(30);
    const certificates = await backend.db.read((tx) => tx.certificates.getAll());
    const sentIds = new Set(
      certificates.filter((record) => record.sent !== undefined).map((record) => record.id),
    );
    for (const thread of threads) expect(sentIds.has(thread.certificateId)).toBe(true);
    expect(new Set(threads.map((thread) => thread.topic))).toEqual(
      new Set(['KOMPLT', 'KONTKT', 'AVSTMN', 'OVRIGT']),
    );
    expect(threads.some((thread) => thread.reminders.length > 0)).toBe(true);
    expect(threads.some((thread) => thread.lastDateToReply === undefined)).toBe(true);

    const token = await loginOverApi('physician');
    const inbox = await call('/api/threads/query', { method: 'POST', body: {}, token });
    expect(inbox.status).toBe(200);
    expect(inbox.body).toMatchObject({ total: 30 });

    // Försäkringskassan's side received the sent certificates and sees their questions.
    const fkLogin = await call('/api/fk/auth/login', {
      method: 'POST',
      body: { officerId: 'fk-officer-1' },
    });
    const fk = fkLoginResponseSchema.parse(fkLogin.body).token;
    const cases = fkCaseListResponseSchema.parse(
      (await call('/api/fk/cases/query', { method: 'POST', body: { pageSize: 100 }, token: fk }))
        .body,
    );
    expect(cases.total).toBe(sentIds.size);
    expect(new Set(cases.items.map((row) => row.certificateId))).toEqual(sentIds);
    expect(cases.items.reduce((sum, row) => sum + row.openThreads, 0)).toBe(30);
  });

  it('makes none without sent certificates', async () => {
    expect(
      await call('/api/testability/bulk-threads', { method: 'POST', body: { count: 5 } }),
    ).toEqual({ status: 201, body: { created: 0 } });
  });
});

describe('the "dialogue" scenario', () => {
  it('seeds sent certificates with threads in every state the inbox and the panels show', async () => {
    expect(
      await call('/api/testability/reset', { method: 'POST', body: { scenario: 'dialogue' } }),
    ).toEqual({ status: 200, body: { scenario: 'dialogue' } });
    const token = await loginOverApi('physician');
    const all = inboxResponseSchema.parse(
      (
        await call('/api/threads/query', {
          method: 'POST',
          body: { filter: { toDo: 'all' }, pageSize: 100 },
          token,
        })
      ).body,
    ).items;
    expect(new Set(all.map((row) => row.toDo))).toEqual(
      new Set(['complement', 'answer', 'await-answer', 'read-answer', 'handled']),
    );
    expect(new Set(all.map((row) => row.topic))).toEqual(
      new Set(['KOMPLT', 'KONTKT', 'AVSTMN', 'OVRIGT']),
    );
    expect(all.some((row) => row.reminded && row.toDo === 'complement')).toBe(true);
    expect(all.some((row) => row.forwarded)).toBe(true);
    expect(all.some((row) => row.due === 'soon')).toBe(true);
    expect(all.filter((row) => row.toDo === 'handled')).toHaveLength(2);
    // Unhandled first by default: what is due soonest leads.
    const inbox = inboxResponseSchema.parse(
      (await call('/api/threads/query', { method: 'POST', body: {}, token })).body,
    );
    expect(inbox.total).toBe(all.length - 2);
    expect(inbox.items[0]).toMatchObject({ toDo: 'complement', reminded: true });
  });
});
