import type { Page } from '@playwright/test';
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

/** Signs in the signing dialog the button opens (checked with axe). */
export async function signInDialog(page: Page, buttonName: string) {
  await page.getByRole('button', { name: buttonName }).click();
  const dialog = page.getByRole('dialog', { name: buttonName });
  await expect(dialog).toBeVisible();
  await expectNoAxeViolations(page);
  await dialog.getByRole('button', { name: 'Starta signering' }).click();
  await dialog.getByRole('button', { name: /Signera med SITHS-kort/ }).click();
  await expect(dialog).toBeHidden();
}
