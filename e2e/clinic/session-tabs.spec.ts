import type { Page } from '@playwright/test';
import { z } from 'zod';
import { PRINCIPAL_HEADER } from '../../src/contracts/common';
import { callApiAs, expect, test } from '../fixtures';
import { logOutInOneTab, openDraftLinkBeforeLogIn, openDraftLinkInNewTab } from '../session-steps';

/**
 * Links and tabs behave as in every web app (issue 22, item 6), on the Node server: the same
 * journeys as with the embedded backend (e2e/session-tabs.spec.ts), with the session token in
 * an HttpOnly cookie that no script of the page can read, and that counts only with the
 * principal's header (CSRF).
 */

// Two tabs and axe in each on a shared 2-core machine: a generous ceiling.
test.describe.configure({ timeout: 90_000 });

const cookieName = 'intyga-session-care';

/** The care session's cookie as the browser keeps it, if there is one. */
async function sessionCookie(page: Page) {
  const cookies = await page.context().cookies();
  return cookies.find((cookie) => cookie.name === cookieName);
}

/** Everything a script of the page can read: its storage and its cookies. */
function readableByScripts(page: Page): Promise<string> {
  return page.evaluate(() => {
    const entries = (storage: Storage) =>
      Array.from({ length: storage.length }, (_, index) => {
        const key = storage.key(index) ?? '';
        return [key, storage.getItem(key)];
      });
    return JSON.stringify({
      local: entries(window.localStorage),
      session: entries(window.sessionStorage),
      cookie: document.cookie,
    });
  });
}

/** The care session as the page's script asks for it: with the principal's header, or without. */
function getSessionFromPage(page: Page, withHeader: boolean): Promise<number> {
  return page.evaluate(
    async ({ header, withHeader }) => {
      const response = await fetch('/api/session', {
        headers: withHeader ? { [header]: 'care' } : {},
      });
      return response.status;
    },
    { header: PRINCIPAL_HEADER, withHeader },
  );
}

test('a new tab is logged in through the HttpOnly cookie; no script reads the token; log-out ends it in every tab', async ({
  app: page,
}) => {
  const loginAnswer = page.waitForResponse(
    (response) =>
      new URL(response.url()).pathname === '/api/auth/login' &&
      response.request().method() === 'POST',
  );
  const tab = await openDraftLinkInNewTab(page);

  // The log-in answered without its token (and, Anna Lindqvist having two care units, without
  // the session, which her choice of unit answers next); the token is in the cookie.
  const answered = z.record(z.string(), z.unknown()).parse(await (await loginAnswer).json());
  expect(answered).toEqual({});
  const cookie = await sessionCookie(page);
  expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/api' });
  const token = cookie?.value ?? '';
  expect(token).toMatch(/^[0-9a-f]{32,}$/);

  // No script of either tab can read it: not in storage, not in document.cookie.
  for (const each of [page, tab]) {
    expect(await readableByScripts(each)).not.toContain(token);
  }

  // The cookie counts only with the principal's header, which a cross-site request cannot send.
  expect(await getSessionFromPage(tab, true)).toBe(200);
  expect(await getSessionFromPage(tab, false)).toBe(401);

  // Logging out in one tab ends the session in the other, clears the cookie and ends the
  // session on the server.
  await logOutInOneTab(tab, [page]);
  expect(await sessionCookie(page)).toBeUndefined();
  expect((await callApiAs(page, token, 'GET', '/api/session')).status).toBe(401);
});

test('a link opened before logging in lands on its target after the log-in', async ({
  app: page,
}) => {
  await openDraftLinkBeforeLogIn(page);
  expect(await sessionCookie(page)).toMatchObject({ httpOnly: true, sameSite: 'Strict' });
});
