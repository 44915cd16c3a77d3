import { careUnit, secondCareUnit, seedUsers } from '../mocks/builders/seed-data';
import { expect, expectNoAxeViolations, loginAs, resetBackend, test } from './fixtures';
import { careUnitButton, expectUnitCounts, switchCareUnit } from './care-units-steps';

test.describe('several care units', () => {
  test('a log-in with two units ends with the choice, with each unit’s counts, then the page the link asked for', async ({
    app: page,
  }) => {
    await resetBackend(page, 'dialogue');
    await page.goto('/utkast');
    await page.getByRole('button', { name: new RegExp(seedUsers.physician.name) }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Välj vårdenhet' })).toBeFocused();
    await expectUnitCounts(page, secondCareUnit.name, { unhandledThreads: 1, unsignedDrafts: 2 });
    await expect(careUnitButton(page, careUnit.name)).toContainText('Ej signerade utkast: 0');
    await expectNoAxeViolations(page);

    await careUnitButton(page, secondCareUnit.name).click();
    await expect(
      page.getByRole('heading', { level: 1, name: 'Ej signerade utkast' }),
    ).toBeVisible();
    await expect(page.getByRole('banner')).toContainText(secondCareUnit.name);
  });

  test('switching units scopes the lists and the counts', async ({ app: page }) => {
    await resetBackend(page, 'dialogue');
    await loginAs(page, 'physician', careUnit.name);
    const nav = page.getByRole('navigation', { name: 'Huvudmeny' });
    await expect(nav.getByRole('link', { name: /Ej hanterade ärenden/ })).toBeVisible();
    await expect(nav.getByLabel(/ej signerade/)).toHaveCount(0);

    await page.getByRole('button', { name: 'Byt vårdenhet' }).click();
    await expectUnitCounts(page, secondCareUnit.name, { unhandledThreads: 1, unsignedDrafts: 2 });
    await expect(careUnitButton(page, careUnit.name)).toContainText('(nuvarande)');
    await expectNoAxeViolations(page);
    await page.keyboard.press('Escape');

    await switchCareUnit(page, secondCareUnit.name);
    await expect(nav.getByLabel('1 ej hanterade')).toBeVisible();
    await expect(nav.getByLabel('2 ej signerade')).toBeVisible();
    await nav.getByRole('link', { name: /Ej hanterade ärenden/ }).click();
    await expect(page.getByRole('table').getByRole('row')).toHaveCount(2);
    await nav.getByRole('link', { name: /Ej signerade utkast/ }).click();
    await expect(page.getByRole('table').getByRole('row')).toHaveCount(3);
  });
});
