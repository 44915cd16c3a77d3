import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  callApi,
  createTestCertificate,
  loginOverApi,
  startTestBackend,
} from '../../src/testing/test-backend';
import { storedCertificateResponseSchema } from '../../src/contracts/testability';
import { loadDefinition } from '../../src/definitions';
import { newDraftRecord, toActor } from '../domain/certificates';
import { isoInstant } from '../domain/clock';
import { setServerLogger, type LogDetails } from '../logging';
import { careUnit, seedPatients, seedUsers } from '../seed/seed-data';
import { ensureSeeded } from '../seed/seed';
import { openIndexedDbStore } from '../store/indexeddb';
import type { Database } from '../store/store';
import type { CertificateRecord } from '../store/schema';
import type { Job } from './job';
import { lockOverdueDrafts } from './lock-overdue-drafts';
import { runDueJobs } from './run-jobs';

/**
 * Issue 21, item 9: draft locking runs as a job on the backend's clock, idempotent across
 * processes, never inside authentication.
 */

const DAY_MS = 24 * 60 * 60 * 1000;

let logged: { event: string; details: LogDetails | undefined }[] = [];
let restoreLogger: () => void = () => undefined;
beforeEach(() => {
  logged = [];
  restoreLogger = setServerLogger({ error: (event, details) => logged.push({ event, details }) });
});
afterEach(() => {
  restoreLogger();
  vi.restoreAllMocks();
});

/** A draft of the seeded unit, created `daysAgo` days before `now`. */
async function draftCreated(daysAgo: number, now: number): Promise<CertificateRecord> {
  const definition = await loadDefinition('fk7804');
  return newDraftRecord({
    definition,
    type: 'fk7804',
    patient: seedPatients.adult,
    unitHsaId: careUnit.hsaId,
    actor: toActor(seedUsers.physician),
    at: isoInstant(now - daysAgo * DAY_MS),
    answers: {},
    completeness: 'incomplete',
  });
}

/** A store of its own (a fresh database in fake-indexeddb), seeded, with these drafts. */
async function storeWith(name: string, drafts: CertificateRecord[]): Promise<Database> {
  const db = await openIndexedDbStore(name, { simulatedFaults: true });
  await ensureSeeded(db);
  await db.write(async (tx) => {
    for (const draft of drafts) await tx.certificates.put(draft);
  });
  return db;
}

async function statusesOf(db: Database, ids: string[]) {
  return db.read(async (tx) => {
    const records = await Promise.all(ids.map((id) => tx.certificates.get(id)));
    return records.map((record) => ({
      status: record?.status,
      version: record?.version,
      locks: record?.events.filter((event) => event.type === 'locked').length,
    }));
  });
}

describe('the lock job', () => {
  const now = Date.now();

  it('locks the drafts created 14 or more days ago, once: running it again changes nothing', async () => {
    const overdue = await draftCreated(14, now);
    const fresh = await draftCreated(13, now);
    const db = await storeWith(`jobs-${crypto.randomUUID()}`, [overdue, fresh]);

    expect(await runDueJobs(db, now)).toEqual([
      { job: 'lock-overdue-drafts', ok: true, changed: 1 },
    ]);
    const once = await statusesOf(db, [overdue.id, fresh.id]);
    expect(once).toEqual([
      { status: 'locked-draft', version: 2, locks: 1 },
      { status: 'draft', version: 1, locks: 0 },
    ]);

    // Again the same day, and again on the next day (nothing else has become overdue by then
    // but the fresh draft, which is 14 days old then).
    expect(await runDueJobs(db, now)).toEqual([
      { job: 'lock-overdue-drafts', ok: true, changed: 0 },
    ]);
    expect(await statusesOf(db, [overdue.id, fresh.id])).toEqual(once);
    expect(await runDueJobs(db, now + DAY_MS)).toEqual([
      { job: 'lock-overdue-drafts', ok: true, changed: 1 },
    ]);
    expect(await statusesOf(db, [overdue.id, fresh.id])).toEqual([
      { status: 'locked-draft', version: 2, locks: 1 },
      { status: 'locked-draft', version: 2, locks: 1 },
    ]);
    await db.close();
  });

  it('locks each draft once when two processes run it at the same time', async () => {
    const name = `jobs-${crypto.randomUUID()}`;
    const drafts = await Promise.all([draftCreated(20, now), draftCreated(15, now)]);
    const first = await storeWith(name, drafts);
    // A second connection to the same store: another process, another tab.
    const second = await openIndexedDbStore(name);
    const runs = await Promise.all([
      runDueJobs(first, now),
      runDueJobs(second, now),
      runDueJobs(first, now),
    ]);
    const changed = runs.flat().reduce((sum, run) => sum + run.changed, 0);
    expect(changed).toBe(2);
    expect(runs.flat().every((run) => run.ok)).toBe(true);
    expect(
      await statusesOf(
        second,
        drafts.map((draft) => draft.id),
      ),
    ).toEqual([
      { status: 'locked-draft', version: 2, locks: 1 },
      { status: 'locked-draft', version: 2, locks: 1 },
    ]);
    await first.close();
    await second.close();
  });

  it('leaves a damaged draft as it is (logged) and locks the others', async () => {
    const damaged = await draftCreated(20, now);
    const overdue = await draftCreated(20, now);
    const db = await storeWith(`jobs-${crypto.randomUUID()}`, [damaged, overdue]);
    await db.write(async (tx) => {
      const { answers: _lost, ...rest } = damaged;
      await tx.certificates.putUnchecked(rest);
    });

    expect(await runDueJobs(db, now)).toEqual([
      { job: 'lock-overdue-drafts', ok: true, changed: 1 },
    ]);
    expect(await statusesOf(db, [overdue.id])).toEqual([
      { status: 'locked-draft', version: 2, locks: 1 },
    ]);
    expect(logged).toEqual([
      {
        event: 'stored-record-skipped',
        details: expect.objectContaining({ collection: 'certificates', recordId: damaged.id }),
      },
    ]);
    await db.close();
  });

  it('keeps nothing of a run that fails, and the next run does the work', async () => {
    const overdue = await draftCreated(20, now);
    const db = await storeWith(`jobs-${crypto.randomUUID()}`, [overdue]);
    const setFault = (fault: 'none' | 'storage-error') =>
      db.write(async (tx) => {
        const settings = await tx.settings.get('settings');
        if (settings !== undefined) await tx.settings.put({ ...settings, fault });
      });

    await setFault('storage-error');
    expect(await runDueJobs(db, now)).toEqual([
      { job: 'lock-overdue-drafts', ok: false, changed: 0 },
    ]);
    expect(await statusesOf(db, [overdue.id])).toEqual([{ status: 'draft', version: 1, locks: 0 }]);
    expect((await db.read((tx) => tx.settings.get('settings')))?.draftsLockedOn).toBeUndefined();
    expect(logged).toContainEqual({
      event: 'job-failed',
      details: expect.objectContaining({
        job: 'lock-overdue-drafts',
        kind: 'StorageUnavailableError',
      }),
    });

    await setFault('none');
    expect(await runDueJobs(db, now)).toEqual([
      { job: 'lock-overdue-drafts', ok: true, changed: 1 },
    ]);
    await db.close();
  });

  it('never throws: a failing job is logged and the others still run', async () => {
    const overdue = await draftCreated(20, now);
    const db = await storeWith(`jobs-${crypto.randomUUID()}`, [overdue]);
    const broken: Job = {
      name: 'broken',
      run: () => Promise.reject(new TypeError('a bug')),
    };
    expect(await runDueJobs(db, now, [broken, lockOverdueDrafts])).toEqual([
      { job: 'broken', ok: false, changed: 0 },
      { job: 'lock-overdue-drafts', ok: true, changed: 1 },
    ]);
    expect(logged).toEqual([
      { event: 'job-failed', details: { job: 'broken', kind: 'TypeError', detail: 'a bug' } },
    ]);
    await db.close();
  });
});

describe('the jobs in the embedded backend', () => {
  const backend = startTestBackend();

  beforeEach(async () => {
    expect((await callApi('/api/testability/reset', { method: 'POST', body: {} })).status).toBe(
      200,
    );
  });

  async function storedStatus(id: string): Promise<string> {
    const answer = await callApi(`/api/testability/certificates/${id}`);
    return storedCertificateResponseSchema.parse(answer.body).status;
  }

  it('run when the testability API moves the clock', async () => {
    const id = await createTestCertificate({ type: 'fk7804', patientId: seedPatients.adult.id });
    const moved = await callApi('/api/testability/clock', {
      method: 'POST',
      body: { offsetDays: 14 },
    });
    expect(moved.status).toBe(200);
    expect(await storedStatus(id)).toBe('locked-draft');
  });

  it('never run inside authentication: requests work while the job is broken, and never call it', async () => {
    const id = await createTestCertificate({ type: 'fk7804', patientId: seedPatients.adult.id });
    // A new backend day that the jobs have not seen yet.
    await backend.db.write(async (tx) => {
      const settings = await tx.settings.get('settings');
      if (settings !== undefined)
        await tx.settings.put({ ...settings, clockOffsetMs: 14 * DAY_MS });
    });
    const run = vi
      .spyOn(lockOverdueDrafts, 'run')
      .mockRejectedValue(new Error('the lock job is broken'));

    const token = await loginOverApi('physician');
    expect((await callApi('/api/session', { token })).status).toBe(200);
    expect((await callApi('/api/work-counts', { token })).status).toBe(200);
    const drafts = await callApi('/api/certificates/drafts/query', {
      method: 'POST',
      body: {},
      token,
    });
    expect(drafts.status).toBe(200);
    expect((await callApi(`/api/certificates/${id}`, { token })).status).toBe(200);
    expect(run).not.toHaveBeenCalled();
    expect(await storedStatus(id)).toBe('draft');

    // The job runs when a home runs the jobs.
    run.mockRestore();
    await runDueJobs(backend.db);
    expect(await storedStatus(id)).toBe('locked-draft');
  });
});
