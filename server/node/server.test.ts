// @vitest-environment node
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginResponseSchema, sessionSchema } from '../../src/contracts/session';
import { seedUsers } from '../seed/seed-data';
import { readConfig } from './config';
import { startServer, type RunningServer } from './server';

/**
 * The smoke test of the real server: it listens on a free port of 127.0.0.1 (port 0), and a
 * client logs in over HTTP as a browser would, reads its session, and sees a network-error
 * fault as a dropped connection.
 */

let root: string;
let running: RunningServer;
let base: string;

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'intyga-app-'));
  mkdirSync(join(root, 'data'));
  writeFileSync(join(root, 'index.html'), '<!doctype html><title>Intyga</title><div id="root">');
  writeFileSync(join(root, 'data', 'icd10se.tsv'), 'kod\tbeskrivning\n');
  // The store: PGlite in a folder of its own (the default home of a server's data).
  const read = readConfig(
    { PORT: '0', HOST: '127.0.0.1', INTYGA_DATA_DIR: join(root, 'store') },
    ['--demo'],
    root,
  );
  if (!read.ok) throw new Error(read.message);
  running = await startServer(read.config, root);
  base = `http://127.0.0.1:${String(running.port)}`;
  // PGlite runs initdb on its first start: seconds, more on a loaded machine.
}, 120_000);

afterAll(async () => {
  await running.close();
  rmSync(root, { recursive: true, force: true });
});

const json = (body: unknown, token?: string): RequestInit => ({
  method: 'POST',
  headers: {
    'content-type': 'application/json',
    ...(token === undefined ? {} : { authorization: `Bearer ${token}` }),
  },
  body: JSON.stringify(body),
});

describe('the Node server', () => {
  it('serves the app on its port', async () => {
    const response = await fetch(`${base}/mina-intyg`);
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('<div id="root">');
  });

  it('logs a user in over HTTP and answers with their session', async () => {
    const { physician } = seedUsers;
    const [unitHsaId] = physician.unitHsaIds;
    const login = await fetch(`${base}/api/auth/login`, json({ userId: physician.id, unitHsaId }));
    expect(login.status).toBe(200);
    const { token } = loginResponseSchema.parse(await login.json());
    const session = await fetch(`${base}/api/session`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(session.status).toBe(200);
    expect(sessionSchema.parse(await session.json()).user.id).toBe(physician.id);
  });

  it('keeps its data across a restart: a session made before it answers after it', async () => {
    const { physician } = seedUsers;
    const [unitHsaId] = physician.unitHsaIds;
    const login = await fetch(`${base}/api/auth/login`, json({ userId: physician.id, unitHsaId }));
    const { token } = loginResponseSchema.parse(await login.json());
    await running.close();
    const read = readConfig(
      { PORT: '0', HOST: '127.0.0.1', INTYGA_DATA_DIR: join(root, 'store') },
      ['--demo'],
      root,
    );
    if (!read.ok) throw new Error(read.message);
    running = await startServer(read.config, root);
    base = `http://127.0.0.1:${String(running.port)}`;
    const session = await fetch(`${base}/api/session`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(session.status).toBe(200);
    expect(sessionSchema.parse(await session.json()).user.id).toBe(physician.id);
  }, 120_000);

  it('drops the connection on a network-error fault (with --demo)', async () => {
    expect(
      (await fetch(`${base}/api/testability/fault`, json({ fault: 'network-error' }))).status,
    ).toBe(200);
    try {
      await expect(fetch(`${base}/api/auth/login-options`)).rejects.toThrow(TypeError);
    } finally {
      await fetch(`${base}/api/testability/fault`, json({ fault: 'none' }));
    }
    expect((await fetch(`${base}/api/auth/login-options`)).status).toBe(200);
  });
});
