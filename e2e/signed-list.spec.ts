import { seedPatients } from '../mocks/builders/seed-data';
import { createCertificate, expect, expectNoAxeViolations, loginAs, test } from './fixtures';

test.describe('"Signerade intyg"', () => {
  test('lists the unit’s signed certificates, filters by state, patient and days, and opens one', async ({
    app: page,
  }) => {
    const sent = await createCertificate(page, {
      type: 'fk7804',
      patientId: seedPatients.adult.id,
      status: 'sent',
      answers: 'complete',
    });
    await createCertificate(page, {
      type: 'fk7210',
      patientId: seedPatients.adultMan.id,
      status: 'signed',
      answers: 'complete',
    });
    await createCertificate(page, {
      type: 'fk7804',
      patientId: seedPatients.youngWoman.id,
      status: 'revoked',
      answers: 'complete',
    });
    await createCertificate(page, { type: 'fk7804', patientId: seedPatients.child.id });
    await loginAs(page, 'physician');
    await page.getByRole('link', { name: 'Signerade intyg' }).click();
    const heading = page.getByRole('heading', { level: 1, name: 'Signerade intyg' });
    await expect(heading).toBeFocused();
    await expect(
      page.getByRole('status').filter({ hasText: /^Visar 1–3 av 3 intyg$/ }),
    ).toBeVisible();
    const rowOf = (name: string) => page.getByRole('row').filter({ hasText: name });
    await expect(rowOf('Karin Andersson')).toContainText('Signerat och skickat');
    await expect(rowOf('Elin Sjöberg')).toContainText('Makulerat');
    await expect(rowOf('Per Olof Johansson')).toContainText('Inte skickat');
    // A draft is not signed: it is not here.
    await expect(page.getByRole('row')).toHaveCount(4);
    await expectNoAxeViolations(page);

    await page.getByRole('combobox', { name: 'Status' }).selectOption({ label: 'Makulerat' });
    await expect(page.getByRole('status').filter({ hasText: 'Visar 1 intyg' })).toBeVisible();
    await expect(rowOf('Elin Sjöberg')).toBeVisible();
    await page.getByRole('combobox', { name: 'Status' }).selectOption({ label: 'Alla' });

    await page.getByRole('searchbox', { name: 'Patient (namn eller personnummer)' }).fill('karin');
    await expect(page.getByRole('status').filter({ hasText: 'Visar 1 intyg' })).toBeVisible();
    await expect(rowOf('Karin Andersson')).toBeVisible();

    // A range that ends before it starts: said in Swedish at its end, nothing typed is lost.
    const from = page.getByRole('textbox', { name: 'Signerat från och med' });
    const to = page.getByRole('textbox', { name: 'Signerat till och med' });
    await from.fill('2026-12-10');
    await to.fill('2026-12-01');
    await expect(to).toHaveAccessibleDescription(
      /Från-datumet får inte vara senare än till-datumet\./,
    );
    await expect(to).toHaveAttribute('aria-invalid', 'true');
    await expect(from).toHaveValue('2026-12-10');
    await expectNoAxeViolations(page);
    await from.fill('2000-01-01');
    await expect(to).not.toHaveAttribute('aria-invalid');
    await expect(
      page.getByRole('status').filter({ hasText: /Det finns inga signerade intyg/ }),
    ).toBeVisible();
    await to.fill('');
    await expect(page.getByRole('status').filter({ hasText: 'Visar 1 intyg' })).toBeVisible();

    await rowOf('Karin Andersson')
      .getByRole('link', { name: /^Öppna/ })
      .click();
    await expect(page).toHaveURL(new RegExp(`/intyg/${sent}$`));
    await expect(page.getByRole('heading', { level: 1 })).toContainText('FK 7804');
  });

  test('sorts by column and says so, patients by family name', async ({ app: page }) => {
    for (const patient of [seedPatients.adult, seedPatients.adultMan, seedPatients.youngWoman]) {
      await createCertificate(page, {
        type: 'fk7210',
        patientId: patient.id,
        status: 'signed',
        answers: 'complete',
      });
    }
    await loginAs(page, 'physician');
    await page.getByRole('link', { name: 'Signerade intyg' }).click();
    const patientHeader = page.getByRole('columnheader', { name: 'Patient' });
    await patientHeader.getByRole('button').click();
    await expect(patientHeader).toHaveAttribute('aria-sort', 'ascending');
    // The previous order stays on screen until the sorted page arrives.
    await expect(page.locator('table.list-table')).toHaveAttribute('aria-busy', 'false');
    const rows = page.getByRole('row');
    await expect(rows.nth(1)).toContainText('Karin Andersson');
    await expect(rows.nth(2)).toContainText('Per Olof Johansson');
    await expect(rows.nth(3)).toContainText('Elin Sjöberg');
    await patientHeader.getByRole('button').click();
    await expect(patientHeader).toHaveAttribute('aria-sort', 'descending');
    await expect(
      page.getByRole('columnheader', { name: 'Signerat', exact: true }),
    ).not.toHaveAttribute('aria-sort');
  });
});
