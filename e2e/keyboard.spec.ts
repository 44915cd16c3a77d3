import type { Locator, Page } from '@playwright/test';
import { seedPatients, seedUsers } from '../mocks/builders/seed-data';
import { expect, expectNoAxeViolations, storedCertificate, test } from './fixtures';

/**
 * Moves focus with Tab (Shift+Tab when `backwards`) until `target` has it, as a keyboard user
 * would; fails when it is not reached within `limit` presses (it is then not reachable).
 */
async function tabTo(page: Page, target: Locator, limit = 60, backwards = false): Promise<void> {
  for (let presses = 0; presses < limit; presses += 1) {
    const focused = await target.evaluate((element) => element === document.activeElement);
    if (focused) return;
    await page.keyboard.press(backwards ? 'Shift+Tab' : 'Tab');
  }
  throw new Error(`Not reached by ${String(limit)} Tab presses: ${target.toString()}`);
}

function addDaysIso(days: number): string {
  const date = new Date();
  date.setDate(date.getDate() + days);
  return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm' }).format(date);
}

test.describe('by keyboard alone', () => {
  test('the midwife logs in, finds the patient, writes, records consent and signs an FK 7210', async ({
    app: page,
  }) => {
    test.setTimeout(90_000);
    await page.goto('/');
    const midwife = page.getByRole('button', { name: new RegExp(seedUsers.midwife.name) });
    await tabTo(page, midwife);
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { level: 1, name: 'Sök / skriv intyg' })).toBeVisible();

    const search = page.getByRole('textbox', { name: /Personnummer/ });
    await tabTo(page, search);
    await page.keyboard.type(seedPatients.youngWoman.identityNumber);
    await page.keyboard.press('Enter');
    const choose = page.getByRole('link', { name: 'Välj intygstyp' });
    await expect(choose).toBeVisible();
    await tabTo(page, choose);
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { level: 1, name: /Elin Sjöberg/ })).toBeVisible();

    const write = page.getByRole('button', { name: 'Skriv FK 7210' });
    await tabTo(page, write);
    await page.keyboard.press('Enter');
    await expect(
      page.getByRole('heading', { level: 1, name: 'FK 7210 Intyg om graviditet' }),
    ).toBeVisible();

    const due = addDaysIso(84);
    const date = page.locator('[data-question-id="54"]').getByRole('textbox', { name: /^Datum/ });
    await tabTo(page, date);
    await page.keyboard.type(due);
    await expect(page.getByText('Utkastet är sparat')).toBeVisible();

    // Consent: the dialog's radio groups are chosen with Space, the button with Enter.
    const consentButton = page.getByRole('button', { name: 'Registrera samtycke' }).first();
    await tabTo(page, consentButton, 60, true);
    await page.keyboard.press('Enter');
    const consent = page.getByRole('dialog', { name: 'Patientens samtycke' });
    await expect(consent).toBeVisible();
    await expectNoAxeViolations(page);
    await tabTo(page, consent.getByRole('radio', { name: 'Patienten', exact: true }));
    await page.keyboard.press('Space');
    await tabTo(page, consent.getByRole('radio', { name: 'Muntligt' }));
    await page.keyboard.press('Space');
    await tabTo(page, consent.getByRole('button', { name: 'Registrera samtycket' }));
    await page.keyboard.press('Enter');
    await expect(consent).toBeHidden();
    await expect(
      page.getByText('Patienten har muntligt samtyckt till elektronisk överföring'),
    ).toBeVisible();

    const sign = page.getByRole('button', { name: 'Signera intyget' });
    await tabTo(page, sign);
    await page.keyboard.press('Enter');
    const signing = page.getByRole('dialog', { name: 'Signera intyget' });
    await expect(signing).toBeVisible();
    await tabTo(page, signing.getByRole('button', { name: 'Starta signering' }));
    await page.keyboard.press('Enter');
    const siths = signing.getByRole('button', { name: /Signera med SITHS-kort/ });
    await tabTo(page, siths);
    await page.keyboard.press('Enter');
    await expect(signing).toBeHidden();
    await expect(page.getByRole('heading', { name: 'Intyget är signerat' })).toBeVisible();
    await expectNoAxeViolations(page);

    // What the keyboard typed is what was signed.
    const id = new URL(page.url()).pathname.split('/').pop() ?? '';
    const stored = await storedCertificate(page, id);
    expect(stored.status).toBe('signed');
    expect(stored.answers['54']).toBe(due);
  });
});
