import { expect, loginAs, test } from './fixtures';

// A phone's width: nothing scrolls sideways, and the readiness panel is part of the page.
test.describe('on a phone (390 × 844)', () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test.beforeEach(async ({ app: page }) => {
    await loginAs(page, 'physician');
  });

  for (const code of ['fk7800', 'fk7804', 'fk7472']) {
    test(`${code}: no horizontal scrolling, and the readiness panel is no scroll area`, async ({
      app: page,
    }) => {
      await page.goto(`/galleri/${code}`);
      const panel = page.getByRole('complementary', { name: 'Signering' });
      await expect(panel).toBeVisible();
      // Every question's errors on show: the widest the form gets.
      await panel.getByRole('button', { name: 'Visa vad som saknas i formuläret' }).click();
      await expect(panel.getByRole('heading', { name: /saknas/ })).toBeFocused();
      const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
      expect(scrollWidth).toBeLessThanOrEqual(390);
      const scrolling = await panel.evaluate((aside) =>
        [aside, ...aside.querySelectorAll('*')]
          .map((element) => getComputedStyle(element))
          .some(
            (style) => ['auto', 'scroll'].includes(style.overflowY) || style.maxHeight !== 'none',
          ),
      );
      expect(scrolling).toBe(false);
      // Narrow screens: the panel flows below the form, not beside it.
      const form = page.getByRole('form');
      const formBox = await form.boundingBox();
      const panelBox = await panel.boundingBox();
      expect(formBox).not.toBeNull();
      expect(panelBox).not.toBeNull();
      if (formBox !== null && panelBox !== null) {
        expect(panelBox.y).toBeGreaterThanOrEqual(formBox.y + formBox.height);
      }
    });
  }
});
