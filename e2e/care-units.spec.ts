import { careUnit, secondCareUnit, seedPatients, seedUsers } from '../mocks/builders/seed-data';
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

  test('switching units scopes the lists and the counts; the other unit’s certificate is refused', async ({
    app: page,
  }) => {
    await resetBackend(page, 'dialogue');
    await loginAs(page, 'physician', careUnit.name);
    const nav = page.getByRole('navigation', { name: 'Huvudmeny' });
    const inbox = nav.getByRole('link', { name: /^Ej hanterade ärenden/ });
    const drafts = nav.getByRole('link', { name: /^Ej signerade utkast/ });
    const rows = page.getByRole('table').getByRole('link');
    // The first unit: the dialogue scenario's six questions, no drafts.
    await expect(inbox).toHaveAccessibleName('Ej hanterade ärenden 6 ej hanterade');
    await expect(drafts).toHaveAccessibleName('Ej signerade utkast');

    await page.getByRole('button', { name: 'Byt vårdenhet' }).click();
    await expect(careUnitButton(page, careUnit.name)).toContainText('(nuvarande)');
    await expectUnitCounts(page, careUnit.name, { unhandledThreads: 6, unsignedDrafts: 0 });
    await expectUnitCounts(page, secondCareUnit.name, { unhandledThreads: 1, unsignedDrafts: 2 });
    await expectNoAxeViolations(page);
    await page.keyboard.press('Escape');
    await expect(page.getByRole('dialog', { name: 'Byt vårdenhet' })).toBeHidden();

    // The second unit: its own two drafts and one question, and nothing of the first unit's.
    await switchCareUnit(page, secondCareUnit.name);
    await expect(inbox).toHaveAccessibleName('Ej hanterade ärenden 1 ej hanterade');
    await expect(drafts).toHaveAccessibleName('Ej signerade utkast 2 ej signerade');
    await drafts.click();
    await expect(rows).toHaveText(['Öppna', 'Öppna']);
    const secondUnitDrafts = page.getByRole('table');
    await expect(secondUnitDrafts).toContainText(seedPatients.adultMan.lastName);
    await expect(secondUnitDrafts).toContainText(seedPatients.coordinationNumber.lastName);
    const otherUnitsDraft = await rows.first().getAttribute('href');
    await inbox.click();
    await expect(rows).toHaveText(['Öppna']);
    await expect(page.getByRole('table')).toContainText(seedPatients.youngWoman.lastName);

    // Back at the first unit: its counts and questions again, and the second unit's draft
    // opened by its address is refused as any certificate of another unit.
    await switchCareUnit(page, careUnit.name);
    await expect(inbox).toHaveAccessibleName('Ej hanterade ärenden 6 ej hanterade');
    await expect(drafts).toHaveAccessibleName('Ej signerade utkast');
    // Six, not seven: the second unit's question is not among them.
    await expect(rows).toHaveCount(6);
    await page.goto(otherUnitsDraft ?? '/intyg/saknas');
    await expect(page.getByText('Intyget finns inte på din vårdenhet.')).toBeVisible();
  });
});
