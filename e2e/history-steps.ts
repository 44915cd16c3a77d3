import type { Page } from '@playwright/test';
import { expect, expectNoAxeViolations } from './fixtures';

/**
 * Steps on a certificate's history ("Historik") and on the patient's previous certificates,
 * for any journey (embedded or against the clinic server).
 */

/** Opens the certificate page's "Historik" and returns its list of events, newest first. */
export async function openHistory(page: Page) {
  await page.getByText('Historik', { exact: true }).click();
  const list = page.getByRole('list', { name: 'Händelser, den senaste först' });
  await expect(list).toBeVisible();
  return list;
}

/** Expects these events, in this order, newest first (others may lie between them). */
export async function expectHistory(page: Page, events: readonly (string | RegExp)[]) {
  const list = await openHistory(page);
  await expect(list.getByRole('listitem')).toContainText([...events]);
  await expectNoAxeViolations(page);
}

/** The patient's page's row action ("Visa", "Öppna", "Förnya") on a certificate of `type`. */
export function rowAction(page: Page, action: 'Visa' | 'Öppna' | 'Förnya', formNumber: string) {
  const name = new RegExp(`^${action}: ${formNumber} `);
  return page.getByRole(action === 'Förnya' ? 'button' : 'link', { name });
}

/** "Förnya" from the patient's page, confirmed in its dialog (checked with axe): the new draft. */
export async function renewFromPatientPage(page: Page, formNumber: string) {
  await rowAction(page, 'Förnya', formNumber).first().click();
  const dialog = page.getByRole('dialog', { name: /^Förnya (intyget|utlåtandet)$/ });
  await expect(dialog).toBeVisible();
  await expectNoAxeViolations(page);
  await dialog.getByRole('button', { name: 'Förnya' }).click();
  await expect(page.getByText(/^Förnyar:/)).toBeVisible();
}
