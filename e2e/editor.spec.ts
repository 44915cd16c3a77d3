import { seedPatients } from '../mocks/builders/seed-data';
import {
  createCertificate,
  expect,
  expectNoAxeViolations,
  loginAs,
  resetBackend,
  storedCertificate,
  test,
} from './fixtures';

test.describe('the editor', () => {
  test('a date chosen in the calendar by keyboard is saved with the draft', async ({
    app: page,
  }) => {
    const id = await createCertificate(page, {
      type: 'fk7210',
      patientId: seedPatients.youngWoman.id,
      answers: 'empty',
    });
    await loginAs(page, 'physician');
    await page.goto(`/intyg/${id}`);
    const area = page.locator('[data-question-id="54"]');
    const input = area.getByRole('textbox', { name: /^Datum/ });
    await input.focus();
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Välj datum: Datum' });
    await expect(dialog).toBeVisible();
    await expectNoAxeViolations(page);
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Enter');
    await expect(dialog).toBeHidden();
    const chosen = await input.inputValue();
    expect(chosen).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    await expect(page.getByRole('status').filter({ hasText: /Utkastet är sparat/ })).toBeVisible();
    await expect.poll(async () => (await storedCertificate(page, id)).answers['54']).toBe(chosen);
  });

  test('signing can be cancelled, and a failing signing service says so and lets you retry', async ({
    app: page,
  }) => {
    await resetBackend(page, 'signing-error');
    const id = await createCertificate(page, {
      type: 'fk7210',
      patientId: seedPatients.youngWoman.id,
      answers: 'minimal',
    });
    await loginAs(page, 'physician');
    await page.goto(`/intyg/${id}`);
    await page.getByRole('button', { name: 'Signera intyget' }).click();
    const dialog = page.getByRole('dialog', { name: 'Signera intyget' });
    await dialog.getByRole('radio', { name: 'BankID' }).check();
    await dialog.getByRole('button', { name: 'Starta signering' }).click();
    await expect(dialog.getByText(/Öppna BankID-appen och skriv under intyget/)).toBeVisible();
    await dialog.getByRole('button', { name: 'Avbryt signeringen' }).click();
    await expect(dialog.getByText(/Signeringen avbröts. Intyget är inte signerat/)).toBeVisible();
    await expectNoAxeViolations(page);

    await dialog.getByRole('button', { name: 'Försök igen' }).click();
    await dialog.getByRole('button', { name: 'Starta signering' }).click();
    await dialog.getByRole('button', { name: /Signera med BankID/ }).click();
    await expect(dialog.getByRole('heading', { name: 'Signeringen misslyckades' })).toBeVisible();
    await expect(dialog.getByText(/Signeringstjänsten svarade inte/)).toBeVisible();
    await expectNoAxeViolations(page);
    expect((await storedCertificate(page, id)).status).toBe('draft');
  });

  test('at a phone’s width nothing scrolls sideways and the header takes at most a fifth', async ({
    app: page,
  }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    const id = await createCertificate(page, {
      type: 'fk7800',
      patientId: seedPatients.adult.id,
      answers: 'complete',
    });
    await loginAs(page, 'physician');
    await page.goto(`/intyg/${id}`);
    await expect(page.getByRole('heading', { level: 1, name: /FK 7800/ })).toBeVisible();
    const fits = () =>
      page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
    expect(await fits()).toBe(true);
    const header = await page.locator('header.app-header').boundingBox();
    expect(header?.height ?? Infinity).toBeLessThanOrEqual(844 / 5);
    await expectNoAxeViolations(page);

    await page.getByRole('button', { name: /^Meny/ }).click();
    await page.getByRole('link', { name: /Ej signerade utkast/ }).click();
    await expect(
      page.getByRole('heading', { level: 1, name: 'Ej signerade utkast' }),
    ).toBeVisible();
    await expect(page.getByRole('row').filter({ hasText: 'Karin Andersson' })).toBeVisible();
    expect(await fits()).toBe(true);
    await expectNoAxeViolations(page);
  });
});
