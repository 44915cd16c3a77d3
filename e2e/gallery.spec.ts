import { expect, expectNoAxeViolations, loginAs, test } from './fixtures';

test.describe('the definition gallery', () => {
  test.beforeEach(async ({ app: page }) => {
    await loginAs(page, 'physician');
  });

  test('lists every certificate type', async ({ app: page }) => {
    await page.goto('/galleri');
    await expect(page.getByRole('heading', { level: 1, name: 'Definitionsgalleri' })).toBeVisible();
    const links = page.getByRole('main').getByRole('listitem').getByRole('link');
    await expect(links).toHaveCount(8);
    await expect(links.first()).toHaveText('FK 7804 Läkarintyg för sjukpenning');
    await expectNoAxeViolations(page);
  });

  test('a show/hide rule works', async ({ app: page }) => {
    await page.goto('/galleri/fk7804');
    const basis = page.getByRole('heading', { level: 2, name: 'Grund för medicinskt underlag' });
    await expect(basis).toBeVisible();
    const infection = page.getByRole('checkbox', {
      name: 'Förhållningsregler enligt smittskyddslagen på grund av smitta',
    });
    await infection.check();
    await expect(basis).toBeHidden();
    await expect(page.getByRole('heading', { level: 2, name: 'Sysselsättning' })).toBeHidden();
    await infection.uncheck();
    await expect(basis).toBeVisible();
  });

  test("a required field's message appears after leaving it empty, not before", async ({
    app: page,
  }) => {
    await page.goto('/galleri/fk7804');
    const field = page.getByRole('textbox', {
      name: /^Beskriv vad du bedömer att patienten har svårt att göra/,
    });
    await field.focus();
    const area = page.locator('[data-question-id="17"]');
    await expect(area.getByText('Ange ett svar.')).toBeHidden();
    await field.press('Tab');
    await expect(area.getByText('Ange ett svar.')).toBeVisible();
    await expect(field).toHaveAttribute('aria-invalid', 'true');
    await expect(field).toHaveAccessibleDescription(/Ange ett svar\./);
  });

  test('the diagnosis search finds codes by words and by code', async ({ app: page }) => {
    await page.goto('/galleri/fk7804');
    const code = page.getByRole('combobox', { name: /^Diagnoskod, Diagnos 1/ });
    await code.fill('utmattning');
    const utmattning = page.getByRole('option', { name: 'F438A Utmattningssyndrom' });
    await expect(utmattning).toBeVisible();
    await expectNoAxeViolations(page);
    await code.press('Escape');
    await code.fill('j06');
    await expect(page.getByRole('option', { name: /^J069 / })).toBeVisible();
    // Keyboard: move to the first hit and choose it.
    await code.fill('utmattning');
    await expect(utmattning).toBeVisible();
    while ((await utmattning.getAttribute('aria-selected')) !== 'true')
      await code.press('ArrowDown');
    await code.press('Enter');
    await expect(code).toHaveValue('F438A');
    await expect(page.getByRole('textbox', { name: /^Diagnosbeskrivning, Diagnos 1/ })).toHaveValue(
      'Utmattningssyndrom',
    );
  });

  test("FK 7804's notices for signing and sending are shown, the 15-day one only for a short period", async ({
    app: page,
  }) => {
    await page.goto('/galleri/fk7804');
    const later = page.getByRole('region', { name: 'Meddelanden vid signering och sändning' });
    await expect(later.getByRole('heading', { name: 'Sjukanmälan' })).toBeVisible();
    await expect(later).not.toContainText('kortare än 15 dagar');
    const area = page.locator('[data-question-id="32"]');
    await area.getByRole('checkbox', { name: '100 procent', exact: true }).check();
    const from = area.getByRole('textbox', { name: 'Från och med, 100 procent', exact: true });
    await from.fill('idag');
    await from.press('Tab');
    const to = area.getByRole('textbox', { name: 'Till och med, 100 procent', exact: true });
    await to.fill('14d');
    await to.press('Tab');
    await expect(area.getByText('Intyget motsvarar en period på 14 dagar.')).toBeVisible();
    await expect(later).toContainText(
      'Om sjukperioden är kortare än 15 dagar ska intyget inte skickas till Försäkringskassan',
    );
    await to.fill('15d');
    await to.press('Tab');
    await expect(later).not.toContainText('kortare än 15 dagar');
  });

  test('the empty form passes axe', async ({ app: page }) => {
    await page.goto('/galleri/fk7804');
    await expect(
      page.getByRole('heading', { level: 1, name: 'FK 7804 Läkarintyg för sjukpenning' }),
    ).toBeVisible();
    await expectNoAxeViolations(page);
  });
});
