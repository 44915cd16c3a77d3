import type { Page } from '@playwright/test';
import { seedPatients, seedUsers } from '../mocks/builders/seed-data';
import {
  createCertificate,
  expect,
  expectNoAxeViolations,
  loginAs,
  pickOnLoginPage,
} from './fixtures';

/**
 * One log-in per browser, as in every web app: the steps the embedded backend's journeys
 * (e2e/session-tabs.spec.ts) and the Node server's (e2e/clinic/session-tabs.spec.ts) share.
 */

/** The heading of a draft FK 7804's page. */
export const draftHeading = { level: 1, name: 'FK 7804 Läkarintyg för sjukpenning' } as const;

/** A draft FK 7804 for Karin Andersson; answers its id. */
export function createDraft(page: Page): Promise<string> {
  return createCertificate(page, {
    type: 'fk7804',
    patientId: seedPatients.adult.id,
    status: 'draft',
  });
}

/**
 * Logs in as the physician in `page`, then opens a draft from the drafts list in a new tab,
 * as a user does (Ctrl-click, or Cmd-click, on its "Öppna"): the tab opens on the draft,
 * logged in as the same user, with no log-in of its own, and `page` stays on the list.
 * Answers the new tab.
 */
export async function openDraftLinkInNewTab(page: Page): Promise<Page> {
  const id = await createDraft(page);
  await loginAs(page, 'physician');
  await page.getByRole('link', { name: /^Ej signerade utkast/ }).click();
  const list = { level: 1, name: 'Ej signerade utkast' } as const;
  await expect(page.getByRole('heading', list)).toBeVisible();
  const [tab] = await Promise.all([
    page.context().waitForEvent('page'),
    page
      .getByRole('link', { name: 'Öppna: FK 7804, Karin Andersson' })
      .click({ modifiers: ['ControlOrMeta'] }),
  ]);
  // The tab opens in the background; the user goes to it.
  await tab.bringToFront();
  await expect(tab.getByRole('heading', draftHeading)).toBeVisible();
  await expect(tab.getByRole('banner').getByText(seedUsers.physician.name)).toBeVisible();
  await expect(tab).toHaveURL(new RegExp(`/intyg/${id}$`));
  await expectNoAxeViolations(tab);
  await expect(page.getByRole('heading', list)).toBeVisible();
  return tab;
}

/** Logs out in `tab`: every other tab of the browser (`others`) says "Du är utloggad" too. */
export async function logOutInOneTab(tab: Page, others: readonly Page[]): Promise<void> {
  await tab.getByRole('button', { name: 'Logga ut' }).click();
  const loggedOut = { level: 1, name: 'Du är utloggad' } as const;
  await expect(tab.getByRole('heading', loggedOut)).toBeVisible();
  for (const other of others) {
    await expect(other.getByRole('heading', loggedOut)).toBeVisible();
    await expect(other.getByRole('button', { name: 'Logga ut' })).toBeHidden();
    await expectNoAxeViolations(other);
  }
}

/**
 * Opens a draft's link before logging in: the log-in page comes first, with nothing of the
 * target in the address, and the log-in leads on to the draft.
 */
export async function openDraftLinkBeforeLogIn(page: Page): Promise<void> {
  const id = await createDraft(page);
  await page.goto(`/intyg/${id}`);
  await expect(page.getByRole('heading', { level: 1, name: 'Logga in i Intyga' })).toBeVisible();
  expect(new URL(page.url()).pathname).toBe('/');
  expect(new URL(page.url()).search).toBe('');
  await expectNoAxeViolations(page);
  await pickOnLoginPage(page, 'physician');
  await expect(page.getByRole('heading', draftHeading)).toBeVisible();
  await expect(page).toHaveURL(new RegExp(`/intyg/${id}$`));
}
