import { seedUsers } from '../mocks/builders/seed-data';
import {
  callApiAs,
  expect,
  expectNoAxeViolations,
  loginAs,
  loginToFkSimulator,
  pickOnLoginPage,
  resetBackend,
  sessionToken,
  test,
} from './fixtures';
import {
  createDraft,
  draftHeading,
  logOutInOneTab,
  openDraftLinkBeforeLogIn,
  openDraftLinkInNewTab,
} from './session-steps';

/**
 * Links and tabs behave as in every web app (issue 22, item 6), with the embedded backend:
 * one log-in per browser (the session in localStorage, shared by its tabs), ended in every tab
 * at once, and a link opened before logging in leads on to its target after the log-in. The
 * Node server's journeys, with the session in an HttpOnly cookie: e2e/clinic/session-tabs.spec.ts.
 */

// Two or three tabs and axe in each on a shared 2-core machine: a generous ceiling.
test.describe.configure({ timeout: 90_000 });

test("a new tab opened on a draft's link lands on the draft, logged in", async ({ app: page }) => {
  const tab = await openDraftLinkInNewTab(page);
  // One session, not one per tab: both tabs carry the same.
  expect(await sessionToken(tab)).toBe(await sessionToken(page));
});

test('logging out in one tab ends the session in every tab, and on the server', async ({
  app: page,
}) => {
  const tab = await openDraftLinkInNewTab(page);
  const token = await sessionToken(page);
  await logOutInOneTab(tab, [page]);
  expect((await callApiAs(page, token, 'GET', '/api/session')).status).toBe(401);
  // A new tab is logged out too.
  const third = await page.context().newPage();
  await third.goto('/sok');
  await expect(third.getByRole('heading', { level: 1, name: 'Logga in i Intyga' })).toBeVisible();
});

test('a link opened before logging in lands on its target after the log-in', async ({
  app: page,
}) => {
  await openDraftLinkBeforeLogIn(page);
  await expectNoAxeViolations(page);
});

test('a session that expires ends in every tab, on the page that says so', async ({
  app: page,
}) => {
  // Warned 10 s after the last activity, logged out 15 s after it: the tabs are opened without
  // pauses (no axe) so that the session is still live when both are open.
  await resetBackend(page, 'standard', { idleTimeoutSeconds: 15, warningSeconds: 5 });
  const id = await createDraft(page);
  await loginAs(page, 'physician');
  const tab = await page.context().newPage();
  await tab.goto(`/intyg/${id}`);
  await expect(tab.getByRole('heading', draftHeading)).toBeVisible();
  const expired = { level: 1, name: 'Du har blivit utloggad' } as const;
  // Left alone, the session ends: whichever tab hears it first, both say so.
  for (const each of [page, tab]) {
    await expect(each.getByRole('heading', expired)).toBeVisible({ timeout: 40_000 });
  }
  await expectNoAxeViolations(tab);
  // Logging in again leads back to the draft the tab was on.
  await tab.getByRole('link', { name: 'Logga in igen' }).click();
  await pickOnLoginPage(tab, 'physician');
  await expect(tab).toHaveURL(new RegExp(`/intyg/${id}$`));
  await expect(tab.getByRole('heading', draftHeading)).toBeVisible();
});

test('a care user and an FK officer stay logged in side by side in one browser', async ({
  app: page,
}) => {
  await loginAs(page, 'physician');
  const fk = await page.context().newPage();
  await loginToFkSimulator(fk);
  // Each principal has its own session: FK's log-out leaves the care user logged in.
  await fk.getByRole('button', { name: 'Logga ut' }).click();
  await expect(
    fk.getByRole('heading', { level: 1, name: 'Logga in som handläggare på Försäkringskassan' }),
  ).toBeVisible();
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Sök / skriv intyg' })).toBeVisible();
  await expect(page.getByRole('banner').getByText(seedUsers.physician.name)).toBeVisible();
});
