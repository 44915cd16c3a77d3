import type { Page } from '@playwright/test';
import { seedPatients } from '../mocks/builders/seed-data';
import { createCertificate, expect, expectNoAxeViolations, loginAs, test } from './fixtures';

/** The diagnosis search finds what a physician means, and the certificate gets the official code. */

const code = (page: Page, row: string) =>
  page.getByRole('combobox', { name: `Diagnoskod, ${row}` });
const description = (page: Page, row: string) =>
  page.getByRole('textbox', { name: `Diagnosbeskrivning, ${row}` });
const hits = (page: Page, row: string) =>
  page.getByRole('listbox', { name: `Sökträffar, ${row}` }).getByRole('option');

test("a physician's words find the official code; a synonym shows why it was found", async ({
  app: page,
}) => {
  test.setTimeout(90_000);
  const id = await createCertificate(page, {
    type: 'fk7804',
    patientId: seedPatients.adult.id,
    status: 'draft',
    answers: 'empty',
  });
  await loginAs(page, 'physician');
  await page.goto(`/intyg/${id}`);
  const first = 'Diagnos 1 (huvuddiagnos)';
  await expect(code(page, first)).toBeVisible();

  // Primary care's word, typed without å, ä and ö: the hit says which synonym found it.
  await code(page, first).fill('frusen skuldra');
  await expect(hits(page, first).first()).toHaveAccessibleName(
    'M750 Adhesiv kapsulit i skulderled Synonym: Frusen skuldra',
  );
  await expectNoAxeViolations(page);
  await code(page, first).press('ArrowDown');
  await code(page, first).press('Enter');
  await expect(code(page, first)).toHaveValue('M750');
  await expect(description(page, first)).toHaveValue('Adhesiv kapsulit i skulderled');

  // The sick-leave code comes first for a word that other codes also contain.
  const second = 'Diagnos 2';
  await code(page, second).fill('utmattning');
  await expect(hits(page, second).first()).toHaveAccessibleName('F438A Utmattningssyndrom');
  await code(page, second).fill('depression');
  await expect(hits(page, second).first()).toHaveAccessibleName(
    'F32 Depressiv episod Synonym: Depression',
  );
  // FMB's heading names a code too; at most 18 hits, as Webcert.
  await code(page, second).fill('höftartros');
  await expect(hits(page, second).first()).toHaveAccessibleName(
    'M16 Höftledsartros FMB: Höftartros',
  );
  await code(page, second).fill('a');
  await expect(hits(page, second)).toHaveCount(18);
  await code(page, second).press('Escape');
  await expect(hits(page, second)).toHaveCount(0);
});
