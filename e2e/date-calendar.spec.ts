import { expect, expectNoAxeViolations, loginAs, test } from './fixtures';

test.describe('the calendar beside a date field', () => {
  test.beforeEach(async ({ app: page }) => {
    await loginAs(page, 'physician');
  });

  test('FK 7210 question 54 is answered by keyboard alone through the calendar', async ({
    app: page,
  }) => {
    await page.goto('/galleri/fk7210');
    const area = page.locator('[data-question-id="54"]');
    const input = area.getByRole('textbox', { name: /^Datum/ });
    const button = area.getByRole('button', { name: 'Välj datum i kalendern, Datum' });
    await input.focus();
    await page.keyboard.press('Tab');
    await expect(button).toBeFocused();
    await page.keyboard.press('Enter');

    const dialog = page.getByRole('dialog', { name: 'Välj datum: Datum' });
    await expect(dialog).toBeVisible();
    // Focus starts on today, named in Swedish.
    const focused = dialog.locator('button:focus');
    await expect(focused).toHaveAccessibleName(/^Idag, /);
    await expectNoAxeViolations(page);

    // The ISO date of tomorrow, as the browser sees it.
    const tomorrow = await page.evaluate(() => {
      const date = new Date();
      date.setDate(date.getDate() + 1);
      const pad = (part: number) => String(part).padStart(2, '0');
      return `${String(date.getFullYear())}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
    });
    await page.keyboard.press('ArrowRight');
    await expect(focused).not.toHaveAccessibleName(/^Idag, /);
    await page.keyboard.press('Enter');
    await expect(dialog).toBeHidden();
    await expect(input).toHaveValue(tomorrow);
    await expect(button).toBeFocused();
    // The form took it like a typed date: nothing is missing for question 54 any more.
    await expect(
      page.getByRole('complementary', { name: 'Signering' }).getByRole('link', { name: /^Datum:/ }),
    ).toHaveCount(0);

    // Escape closes without choosing and returns to the button.
    await page.keyboard.press('Enter');
    await expect(dialog).toBeVisible();
    await expect(focused).toHaveAccessibleName(/, vald$/);
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
    await expect(button).toBeFocused();
    await expect(input).toHaveValue(tomorrow);
  });
});
