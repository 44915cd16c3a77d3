import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { test as base, expect, type Page } from '@playwright/test';
import { z } from 'zod';
import {
  fkOfficers,
  seedPatients,
  seedUsers,
  type SeedPatientKey,
  type SeedUserKey,
} from '../mocks/builders/seed-data';
import type { PrincipalKind } from '../src/contracts/common';
import { loginResponseSchema } from '../src/contracts/session';
import type { OperatingMessage } from '../src/contracts/operating-messages';
import {
  fkReceivedResponseSchema,
  fkThreadResponseSchema,
  type FkMessageRequest,
  type FkReceivedCertificate,
} from '../src/contracts/fk';
import {
  auditLogResponseSchema,
  bulkThreadsResponseSchema,
  createTestCertificateResponseSchema,
  storedCertificateResponseSchema,
  type CreateTestCertificateRequest,
  type EditStoredRecordRequest,
  type Fault,
  type ResetRequest,
  type ScenarioName,
  type StoredCertificate,
  type StoredRecordCollection,
} from '../src/contracts/testability';

/**
 * The testers' kit: reset the embedded backend to a named scenario, log in as any seeded
 * person, and check the current page with axe.
 */

async function openApp(page: Page): Promise<void> {
  if (page.url() === 'about:blank') {
    await page.goto('/');
    // The app renders only once the mock backend's service worker answers.
    await page.locator('h1').first().waitFor();
  }
}

/** Resets the store through the testability endpoint, from inside the page (so MSW answers). */
export async function resetBackend(
  page: Page,
  scenario: ScenarioName = 'standard',
  settings?: ResetRequest['settings'],
): Promise<void> {
  await openApp(page);
  const status = await page.evaluate(
    async (body) => {
      const response = await fetch('/api/testability/reset', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
      return response.status;
    },
    { scenario, settings },
  );
  expect(status, 'reset of the embedded backend').toBe(200);
}

/**
 * Calls the API from inside the page (so the embedded backend answers), as a client outside
 * the app does: with `token` as its bearer, or with no session at all.
 */
export async function callApiAs(
  page: Page,
  token: string | undefined,
  method: 'GET' | 'POST' | 'PUT' | 'DELETE',
  path: string,
  body?: unknown,
): Promise<{ status: number; body: unknown }> {
  await openApp(page);
  return page.evaluate(
    async ({ path, method, body, token }) => {
      const headers: Record<string, string> = { 'content-type': 'application/json' };
      if (token !== undefined) headers.authorization = `Bearer ${token}`;
      const response = await fetch(path, {
        method,
        headers,
        body: body === undefined ? null : JSON.stringify(body),
      });
      const text = await response.text();
      const parsed: unknown = text === '' ? undefined : JSON.parse(text);
      return { status: response.status, body: parsed };
    },
    { path, method, body, token },
  );
}

/** Calls a testability endpoint from inside the page (so the embedded backend answers). */
async function testability(page: Page, path: string, method: 'GET' | 'POST', body?: unknown) {
  return callApiAs(page, undefined, method, path, body);
}

/**
 * The session token this browser keeps for the principal: the embedded backend's sessions
 * are in localStorage, shared by the browser's tabs (on the Node server the app's session is
 * in an HttpOnly cookie that no script reads, and this fails).
 */
export async function sessionToken(page: Page, kind: PrincipalKind = 'care'): Promise<string> {
  const stored = await page.evaluate(
    (key) => window.localStorage.getItem(key),
    `intyga.session.${kind}`,
  );
  return z.object({ token: z.string() }).parse(JSON.parse(stored ?? 'null')).token;
}

/**
 * Logs a seeded user in over the API, as on a computer of their own: a session apart from
 * this browser's, on the backend this page talks to (the embedded one lives in this browser,
 * so a second browser context would have a store of its own). Answers the session's token,
 * for `callApiAs`.
 */
export async function loginOnAnotherComputer(page: Page, who: SeedUserKey): Promise<string> {
  const user = seedUsers[who];
  const [unitHsaId] = user.unitHsaIds;
  const answer = await callApiAs(page, undefined, 'POST', '/api/auth/login', {
    userId: user.id,
    unitHsaId,
  });
  expect(answer.status, `log ${user.name} in over the API`).toBe(200);
  return loginResponseSchema.required().parse(answer.body).token;
}

/** Makes a draft or a signed certificate of any type for a seeded patient; returns its id. */
export async function createCertificate(
  page: Page,
  spec: CreateTestCertificateRequest,
): Promise<string> {
  const answer = await testability(page, '/api/testability/certificates', 'POST', spec);
  expect(answer.status, 'create a certificate through the testability API').toBe(201);
  return createTestCertificateResponseSchema.parse(answer.body).certificateId;
}

/** The certificate as the backend has stored it. */
export async function storedCertificate(page: Page, id: string): Promise<StoredCertificate> {
  const answer = await testability(page, `/api/testability/certificates/${id}`, 'GET');
  expect(answer.status).toBe(200);
  return storedCertificateResponseSchema.parse(answer.body);
}

/** What Försäkringskassan has received, newest first. */
export async function fkReceived(page: Page): Promise<FkReceivedCertificate[]> {
  const answer = await testability(page, '/api/testability/fk-received', 'GET');
  expect(answer.status).toBe(200);
  return fkReceivedResponseSchema.parse(answer.body).received;
}

/** Sends a message as Försäkringskassan about a sent certificate; returns the thread's id. */
export async function sendFromFk(
  page: Page,
  certificateId: string,
  message: FkMessageRequest,
): Promise<string> {
  const answer = await testability(
    page,
    `/api/testability/certificates/${certificateId}/fk-messages`,
    'POST',
    message,
  );
  expect(answer.status, 'send a message as FK through the testability API').toBe(201);
  return fkThreadResponseSchema.parse(answer.body).thread.id;
}

/** The audit log (PDL) as the backend keeps it, oldest first. */
export async function auditLog(page: Page) {
  const answer = await testability(page, '/api/testability/audit', 'GET');
  expect(answer.status).toBe(200);
  return auditLogResponseSchema.parse(answer.body).entries;
}

/** Moves the backend's clock to a day (YYYY-MM-DD). */
export async function setBackendDate(page: Page, date: string): Promise<void> {
  const answer = await testability(page, '/api/testability/clock', 'POST', { date });
  expect(answer.status).toBe(200);
}

/**
 * Replaces the operator's messages set for tests (shown on every page while the backend's
 * clock is inside their window; cleared by a reset).
 */
export async function setOperatingMessages(
  page: Page,
  messages: readonly OperatingMessage[],
): Promise<void> {
  const answer = await testability(page, '/api/testability/operating-messages', 'POST', {
    messages,
  });
  expect(answer.status, 'set the operating messages').toBe(200);
}

/**
 * Switches a fault on or off mid-journey without touching the stored data: every API call
 * but the testability controls then fails (`network-error`, `server-error`) or is slow.
 */
export async function setFault(page: Page, fault: Fault): Promise<void> {
  const answer = await testability(page, '/api/testability/fault', 'POST', { fault });
  expect(answer.status, `switch the backend's fault to ${fault}`).toBe(200);
}

/**
 * Damages a stored record as it is stored, without its schema: removes and sets top-level
 * fields (`{ remove: ['answers'] }` makes a draft without answers). Its list row stays.
 */
export async function damageStoredRecord(
  page: Page,
  collection: StoredRecordCollection,
  id: string,
  edit: EditStoredRecordRequest,
): Promise<void> {
  const answer = await testability(
    page,
    `/api/testability/stored-records/${collection}/${id}`,
    'POST',
    edit,
  );
  expect(answer.status, `damage the stored ${collection} record`).toBe(200);
}

/**
 * Fills the unit's lists (for benchmarks and long lists): `count` drafts, or signed
 * certificates of which every other one is sent (Försäkringskassan receives those, so the FK
 * simulator lists them), spread over the types and the living, unprotected patients.
 */
export async function bulkDrafts(
  page: Page,
  count: number,
  status: 'draft' | 'signed' = 'draft',
): Promise<void> {
  const answer = await testability(page, '/api/testability/bulk-drafts', 'POST', {
    count,
    status,
  });
  expect(answer.status, 'fill the lists').toBe(201);
}

/**
 * Fills the inbox with `count` questions from FK on the unit's sent certificates (make them
 * first with `bulkDrafts(page, n, 'signed')`): every topic, some reminded, last days to answer
 * from overdue to none. The FK simulator sees them as FK's own. Returns how many were made.
 */
export async function bulkThreads(page: Page, count: number): Promise<number> {
  const answer = await testability(page, '/api/testability/bulk-threads', 'POST', { count });
  expect(answer.status, 'fill the inbox').toBe(201);
  return bulkThreadsResponseSchema.parse(answer.body).created;
}

/**
 * Picks a user on the log-in page on screen, like a person would. A user with several care
 * units (Anna Lindqvist, Maria Holm) then chooses one in "Välj vårdenhet": `unit` (its name),
 * or the first. Ends where the log-in leads (the start page, or the link's target).
 */
export async function pickOnLoginPage(page: Page, who: SeedUserKey, unit?: string): Promise<void> {
  const user = seedUsers[who];
  await page.getByRole('button', { name: new RegExp(user.name) }).click();
  if (user.unitHsaIds.length > 1) {
    await expect(page.getByRole('heading', { level: 1, name: 'Välj vårdenhet' })).toBeVisible();
    const units = page.getByRole('list', { name: 'Vårdenheter' }).getByRole('button');
    await (unit === undefined ? units.first() : units.filter({ hasText: unit })).click();
  }
}

/**
 * Logs in through the start page as a user picked on it (`pickOnLoginPage`: a user with
 * several care units chooses `unit`, or the first), and waits for "Sök / skriv intyg".
 */
export async function loginAs(page: Page, who: SeedUserKey, unit?: string): Promise<void> {
  // The app fixture leaves the page on the log-in page; loading it again would only start the
  // app and its embedded backend a second time.
  const onLoginPage =
    new URL(page.url()).pathname === '/' &&
    (await page.getByRole('heading', { level: 1, name: 'Logga in i Intyga' }).isVisible());
  if (!onLoginPage) await page.goto('/');
  await pickOnLoginPage(page, who, unit);
  await expect(page.getByRole('heading', { level: 1, name: 'Sök / skriv intyg' })).toBeVisible();
}

/** The FK case officers the simulator offers on its log-in page. */
export type FkOfficerName = (typeof fkOfficers)[number]['name'];

/**
 * Logs in to Försäkringskassan's simulator (`/fk`) as a case officer, picked on its start page
 * as a person would; ends on "Mottagna intyg".
 */
export async function loginToFkSimulator(
  page: Page,
  officer: FkOfficerName = 'Helena Strand',
): Promise<void> {
  await page.goto('/fk');
  await page.getByRole('button', { name: new RegExp(officer) }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Mottagna intyg' })).toBeVisible();
}

/**
 * Logs in to Mina intyg (`/mina-intyg`) as a seeded patient, picked on its start page as a
 * person would; ends on "Dina intyg".
 */
export async function loginToMinaIntyg(page: Page, who: SeedPatientKey): Promise<void> {
  await page.goto('/mina-intyg');
  await page
    .getByRole('list', { name: 'Välj vem du är' })
    .getByRole('button', {
      name: new RegExp(`${seedPatients[who].firstName} ${seedPatients[who].lastName}`),
    })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: 'Dina intyg' })).toBeVisible();
}

/** axe-core itself, injected once into each document it checks. */
const axeSource = readFileSync(
  createRequire(import.meta.url).resolve('axe-core/axe.min.js'),
  'utf8',
);
const axeTags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

declare global {
  interface Window {
    axe?: typeof import('axe-core');
  }
}

/**
 * Checks the current page with axe (WCAG 2.1 A and AA), once its transitions have ended, and
 * expects no violation. axe-core runs in the page itself, injected once per document and asked
 * for violations only: the app has no frames, so @axe-core/playwright's per-frame partial runs
 * (each opening a blank page to combine them) and its full result sets only cost time, three
 * to six times as much.
 */
export async function expectNoAxeViolations(page: Page): Promise<void> {
  if (!(await page.evaluate(() => window.axe !== undefined))) await page.evaluate(axeSource);
  const violations = await page.evaluate(async (tags) => {
    const { axe } = window;
    if (axe === undefined) throw new Error('axe-core is not in the page');
    // A transition under way (FKUI fades a button's colours after a click) is checked once it
    // has ended: its colours in between are no state the page rests in.
    await Promise.all(
      document
        .getAnimations()
        .filter((animation) => animation.effect?.getComputedTiming().endTime !== Infinity)
        .map((animation) => animation.finished.catch(() => undefined)),
    );
    const results = await axe.run(document, {
      runOnly: { type: 'tag', values: tags },
      resultTypes: ['violations'],
    });
    return results.violations.map(
      (violation) =>
        `${violation.id}: ${violation.help} (${violation.nodes.map((node) => node.target.join(' ')).join(', ')})`,
    );
  }, axeTags);
  expect(violations).toEqual([]);
}

/**
 * Lets the page print without a print dialog: `window.print()` only counts the calls (in
 * `data-print-calls` on <html>), so a test can wait for it and take `page.pdf()` of the
 * print layout. Call before the page is opened.
 */
export async function interceptPrinting(page: Page): Promise<void> {
  await page.addInitScript(() => {
    window.print = () => {
      const root = document.documentElement;
      root.dataset.printCalls = String(Number(root.dataset.printCalls ?? '0') + 1);
    };
  });
}

/**
 * Counts what the user activates in the page from now on: every trusted click, whether by
 * pointer or by Enter or Space on a control (a label's click is counted once, on its control).
 * Typing, Tab and scrolling are not activations. Call before the page is opened; read the
 * count with `activations(page)`.
 */
export async function countActivations(page: Page): Promise<void> {
  await page.addInitScript(() => {
    document.addEventListener(
      'click',
      (event) => {
        if (!event.isTrusted || event.target instanceof HTMLLabelElement) return;
        const root = document.documentElement;
        root.dataset.activations = String(Number(root.dataset.activations ?? '0') + 1);
      },
      true,
    );
  });
}

/** How many activations `countActivations` has counted since the page was opened. */
export async function activations(page: Page): Promise<number> {
  return page.evaluate(() => Number(document.documentElement.dataset.activations ?? '0'));
}

type Fixtures = {
  /** A page whose backend has been reset to the standard scenario. */
  app: Page;
};

export const test = base.extend<Fixtures>({
  app: async ({ page }, provide) => {
    await resetBackend(page, 'standard');
    // No session from before: the browser's log-ins live in localStorage (one per principal).
    await page.evaluate(() => {
      window.sessionStorage.clear();
      window.localStorage.clear();
    });
    await provide(page);
  },
});

export { expect };
