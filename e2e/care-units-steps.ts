import { expect, type Page } from '@playwright/test';

/** The choice of care unit (after log-in, or in "Byt vårdenhet"): one unit's button. */
export function careUnitButton(page: Page, unitName: string) {
  return page
    .getByRole('list', { name: 'Vårdenheter' })
    .getByRole('button')
    .filter({ hasText: unitName });
}

/** A unit's counts in the choice, as the user reads them. */
export async function expectUnitCounts(
  page: Page,
  unitName: string,
  counts: { unhandledThreads: number; unsignedDrafts: number },
): Promise<void> {
  const button = careUnitButton(page, unitName);
  await expect(button).toContainText(`Ej hanterade ärenden: ${String(counts.unhandledThreads)}`);
  await expect(button).toContainText(`Ej signerade utkast: ${String(counts.unsignedDrafts)}`);
}

/** Switches the care unit from the header ("Byt vårdenhet"); ends with the dialog closed. */
export async function switchCareUnit(page: Page, unitName: string): Promise<void> {
  await page.getByRole('button', { name: 'Byt vårdenhet' }).click();
  const dialog = page.getByRole('dialog', { name: 'Byt vårdenhet' });
  await careUnitButton(page, unitName).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('banner')).toContainText(unitName);
}
