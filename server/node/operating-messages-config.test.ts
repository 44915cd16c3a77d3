// @vitest-environment node
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { configureSwedishZodMessages } from '../../src/contracts/swedish-messages';
import { diagnosisDataFromDisk } from '../domain/diagnoses/load-icd10-node';
import { ChangeHub } from '../http/change-feed';
import { createDispatcher } from '../http/dispatch';
import { createRoutes } from '../http/index';
import { ensureSeeded } from '../seed/seed';
import { openIndexedDbStore } from '../store/indexeddb';
import type { Database } from '../store/store';
import { parseOperatingMessages, readOperatingMessages } from './operating-messages-config';

configureSwedishZodMessages();

const DAY_MS = 24 * 60 * 60 * 1000;
const inForce = {
  id: 'uppgradering-1',
  severity: 'warning',
  text: 'Intyga uppdateras i kväll kl. 22–23. Spara ditt arbete.',
  startsAt: new Date(Date.now() - DAY_MS).toISOString(),
  endsAt: new Date(Date.now() + DAY_MS).toISOString(),
};
const expired = { ...inForce, id: 'gammalt', endsAt: new Date(Date.now() - 1).toISOString() };

let folder: string;
let db: Database;
beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'intyga-messages-'));
  db = await openIndexedDbStore(`intyga-test-${crypto.randomUUID()}`);
  await ensureSeeded(db);
});
afterAll(async () => {
  await db.close();
  await rm(folder, { recursive: true });
});

describe("the operator's messages in the server's configuration", () => {
  it('are none when INTYGA_OPERATING_MESSAGES is unset', async () => {
    expect(await readOperatingMessages({}, folder)).toEqual({ ok: true, messages: [] });
  });

  it('are read from the JSON file it names, relative to the working folder', async () => {
    await writeFile(join(folder, 'messages.json'), JSON.stringify({ messages: [inForce] }));
    expect(
      await readOperatingMessages({ INTYGA_OPERATING_MESSAGES: 'messages.json' }, folder),
    ).toEqual({ ok: true, messages: [inForce] });
  });

  it('stop the start with a Swedish message naming what is wrong', async () => {
    expect(
      await readOperatingMessages({ INTYGA_OPERATING_MESSAGES: 'saknas.json' }, folder),
    ).toEqual({ ok: false, message: expect.stringMatching(/saknas\.json\) går inte att läsa\.$/) });
    expect(parseOperatingMessages('{', 'F')).toEqual({
      ok: false,
      message: 'F är inte giltig JSON.',
    });
    expect(
      parseOperatingMessages(JSON.stringify({ messages: [{ ...inForce, severity: 'info' }] }), 'F'),
    ).toEqual({
      ok: false,
      message: expect.stringMatching(/^F har fel format \(messages\.0\.severity\): /),
    });
    expect(
      parseOperatingMessages(JSON.stringify({ messages: [{ ...inForce, text: '' }] }), 'F'),
    ).toEqual({
      ok: false,
      message: 'F har fel format (messages.0.text): Meddelandet saknar text.',
    });
    expect(parseOperatingMessages(JSON.stringify([inForce]), 'F').ok).toBe(false);
  });

  it('are answered in force, with the testability API off', async () => {
    const dispatch = createDispatcher(
      createRoutes(db, diagnosisDataFromDisk, {
        testability: false,
        changes: new ChangeHub(),
        operatingMessages: [
          { ...inForce, severity: 'warning' },
          { ...expired, severity: 'warning' },
        ],
      }),
    );
    const response = await dispatch(new Request('http://localhost/api/operating-messages'));
    expect(response?.status).toBe(200);
    expect(await response?.json()).toEqual({ messages: [inForce] });
  });
});
