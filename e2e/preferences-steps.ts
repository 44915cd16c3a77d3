import type { Locator, Page } from '@playwright/test';
import type { OperatingMessage } from '../src/contracts/operating-messages';
import { expect } from './fixtures';

/**
 * Steps for the favourites in the catalogue and the operator's messages, reusable in longer
 * journeys (the clinic's, on the Node server).
 */

/** The catalogue's types on the patient's page, as their headings read, in order. */
export function catalogueHeadings(page: Page): Locator {
  return page.locator('.catalogue').getByRole('heading', { level: 3 });
}

/** The star of a type in the catalogue ("FK 7804 Läkarintyg för sjukpenning"). */
export function favouriteStar(page: Page, type: string): Locator {
  return page.getByRole('button', { name: `Favorit: ${type}` });
}

/**
 * Stars a type by keyboard (focus on its star, Enter) and checks that it is pressed, kept its
 * place and still has the focus.
 */
export async function starByKeyboard(page: Page, type: string): Promise<void> {
  const star = favouriteStar(page, type);
  const before = await catalogueHeadings(page).allTextContents();
  await star.focus();
  await page.keyboard.press('Enter');
  await expect(star).toHaveAttribute('aria-pressed', 'true');
  await expect(star).toBeFocused();
  await expect(catalogueHeadings(page)).toHaveText(before);
}

/** The live region the operator's messages are shown and announced in, on every page. */
export function operatingMessagesRegion(page: Page): Locator {
  return page.getByRole('status', { name: 'Driftmeddelanden' });
}

/** A message in force for a day either side of now (the backend's clock as it is). */
export function operatingMessage(overrides: Partial<OperatingMessage> = {}): OperatingMessage {
  const day = 24 * 60 * 60 * 1000;
  return {
    id: 'e2e-driftmeddelande',
    severity: 'warning',
    text: 'Intyga uppdateras i kväll kl. 22.00–23.00. Spara ditt arbete innan dess.',
    startsAt: new Date(Date.now() - day).toISOString(),
    endsAt: new Date(Date.now() + day).toISOString(),
    ...overrides,
  };
}

/** Closes the message that reads `text` ("Stäng") and checks that it is gone. */
export async function closeOperatingMessage(page: Page, text: string): Promise<void> {
  const region = operatingMessagesRegion(page);
  await region.getByRole('button', { name: 'Stäng', description: text }).click();
  await expect(region.getByText(text)).toHaveCount(0);
}
