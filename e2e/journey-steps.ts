import type { Locator, Page } from '@playwright/test';
import { expect, expectNoAxeViolations } from './fixtures';

/** Steps the journeys share, taken as a person would, by role and Swedish accessible name. */

/** Today in Sweden (YYYY-MM-DD), as the backend's clock sees it unless a test moves it. */
export function todayInStockholm(): string {
  return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm' }).format(new Date());
}

/** The calendar day `days` after `day` (both YYYY-MM-DD). */
export function addDays(day: string, days: number): string {
  const date = new Date(`${day}T12:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** A calendar day (YYYY-MM-DD) as the app writes it: "13 december 2026". */
export function swedishDate(day: string): string {
  return new Intl.DateTimeFormat('sv-SE', {
    timeZone: 'Europe/Stockholm',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
  }).format(new Date(`${day}T12:00:00Z`));
}

/** The id of the certificate the page shows (the last path segment). */
export function certificateIdOf(page: Page): string {
  const id = new URL(page.url()).pathname.split('/').pop();
  if (id === undefined || id === '') throw new Error(`no certificate id in ${page.url()}`);
  return id;
}

/** From the search page to the patient's page. */
export async function openPatient(page: Page, identityNumber: string, name: RegExp) {
  await page.getByRole('textbox', { name: /Personnummer/ }).fill(identityNumber);
  await page.getByRole('button', { name: 'Sök' }).click();
  await page.getByRole('link', { name: 'Välj intygstyp' }).click();
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
}

/** Records the patient's oral consent in the editor's consent dialog (checked with axe). */
export async function recordConsent(page: Page) {
  await page.getByRole('button', { name: 'Registrera samtycke' }).first().click();
  const dialog = page.getByRole('dialog', { name: 'Patientens samtycke' });
  await expect(dialog).toBeVisible();
  await expectNoAxeViolations(page);
  await dialog.getByRole('radio', { name: 'Patienten', exact: true }).check();
  await dialog.getByRole('radio', { name: 'Muntligt' }).check();
  await dialog.getByRole('button', { name: 'Registrera samtycket' }).click();
  await expect(dialog).toBeHidden();
  await expect(
    page.getByText('Patienten har muntligt samtyckt till elektronisk överföring'),
  ).toBeVisible();
}

type SignOptions = {
  /**
   * No consent is recorded: it is given in the signing step, which starts from the patient
   * and today; this says how it was given.
   */
  consent?: 'Muntligt' | 'Skriftligt';
};

/**
 * Signs in the signing dialog that the sticky bar's button opens (checked with axe): the
 * consent first when it is missing, then the simulated SITHS card. "Signera och skicka" also
 * sends it: a type that sends on signing has only that; one sent in a step of its own (FK
 * 7804) has it beside "Signera intyget", which signs only.
 */
export async function signInDialog(
  page: Page,
  buttonName: 'Signera intyget' | 'Signera och skicka',
  { consent }: SignOptions = {},
) {
  await page
    .getByRole('region', { name: 'Nästa steg' })
    .getByRole('button', { name: buttonName })
    .click();
  const dialog = page.getByRole('dialog', { name: buttonName });
  await expect(dialog).toBeVisible();
  await expectNoAxeViolations(page);
  if (consent !== undefined) await dialog.getByRole('radio', { name: consent }).check();
  await dialog.getByRole('button', { name: buttonName }).click();
  await dialog.getByRole('button', { name: /Signera med SITHS-kort/ }).click();
  await expect(dialog).toBeHidden();
}

/**
 * Moves focus with Tab (Shift+Tab when `backwards`) until `target` has it, as a keyboard user
 * would; fails when it is not reached within `limit` presses (it is then not reachable).
 */
export async function tabTo(
  page: Page,
  target: Locator,
  limit = 60,
  backwards = false,
): Promise<void> {
  for (let presses = 0; presses < limit; presses += 1) {
    const focused = await target.evaluate((element) => element === document.activeElement);
    if (focused) return;
    await page.keyboard.press(backwards ? 'Shift+Tab' : 'Tab');
  }
  throw new Error(`Not reached by ${String(limit)} Tab presses: ${target.toString()}`);
}
