import type { Page } from '@playwright/test';
import { seedPatients } from '../mocks/builders/seed-data';
import {
  callApiAs,
  createCertificate,
  expect,
  expectNoAxeViolations,
  loginAs,
  sessionToken,
  storedCertificate,
  test,
} from './fixtures';

/** A diagnosis code and its description never disagree: in the editor and at signing. */

const ROW = 'Diagnos 1 (huvuddiagnos)';
const code = (page: Page) => page.getByRole('combobox', { name: `Diagnoskod, ${ROW}` });
const description = (page: Page) =>
  page.getByRole('textbox', { name: `Diagnosbeskrivning, ${ROW}` });

/** Types a code by hand over the one the row holds and leaves the field, as a physician would. */
async function retypeCode(page: Page, typed: string) {
  await code(page).fill(typed);
  await code(page).press('Escape');
  await code(page).press('Tab');
}

/** Signs through the API with this tab's session, as a client that skips the editor would. */
async function signThroughApi(page: Page, id: string, version: number) {
  return callApiAs(page, await sessionToken(page), 'POST', `/api/certificates/${id}/sign`, {
    version,
    method: 'siths',
  });
}

test('a retyped code takes its own description; a kept one is flagged; a mismatch cannot be signed', async ({
  app: page,
}) => {
  test.setTimeout(120_000);
  const id = await createCertificate(page, {
    type: 'fk7804',
    patientId: seedPatients.adult.id,
    status: 'draft',
    answers: 'complete',
    consent: true,
  });
  await loginAs(page, 'physician');
  await page.goto(`/intyg/${id}`);
  await expect(code(page)).toBeVisible();

  // Chosen from the search, then retyped: the description follows the code.
  await code(page).fill('F320');
  await page.getByRole('option', { name: 'F320 Lindrig depressiv episod' }).click();
  await expect(description(page)).toHaveValue('Lindrig depressiv episod');
  await retypeCode(page, 'F321');
  await expect(description(page)).toHaveValue('Medelsvår depressiv episod');
  await expectNoAxeViolations(page);

  // A description the physician wrote is kept when the code changes, and flagged until confirmed.
  await description(page).fill('Depression efter konflikt på arbetsplatsen');
  await retypeCode(page, 'F320');
  const notice = page.getByRole('status').filter({ hasText: 'Diagnoskoden är ändrad till F32.0' });
  await expect(notice).toHaveText(
    'Diagnoskoden är ändrad till F32.0. Kontrollera att diagnosbeskrivningen stämmer med den nya koden.',
  );
  await expect(description(page)).toHaveValue('Depression efter konflikt på arbetsplatsen');
  await expectNoAxeViolations(page);
  await page.getByRole('button', { name: 'Beskrivningen stämmer' }).press('Enter');
  await expect(description(page)).toBeFocused();
  await expect(notice).toHaveCount(0);

  // Another code's official text is refused at the field and in the signing panel.
  await description(page).fill('Medelsvår depressiv episod');
  // Leaving the question shows its errors.
  await page.getByRole('heading', { level: 1 }).click();
  const message =
    'Diagnosbeskrivningen är texten för diagnoskod F32.1. Ändra koden eller beskrivningen så att de stämmer överens.';
  await expect(description(page)).toHaveAccessibleDescription(new RegExp(message));
  await expect(
    page
      .getByRole('complementary', { name: 'Signering' })
      .getByRole('link', { name: new RegExp(message) }),
  ).toBeVisible();
  await expectNoAxeViolations(page);

  // The backend refuses the pair even when asked directly.
  await expect
    .poll(async () => (await storedCertificate(page, id)).answers['6'], { timeout: 15_000 })
    .toEqual(expect.arrayContaining([{ code: 'F320', description: 'Medelsvår depressiv episod' }]));
  const stored = await storedCertificate(page, id);
  const refused = await signThroughApi(page, id, stored.version);
  expect(refused.status).toBe(422);
  expect(JSON.stringify(refused.body)).toContain('Utkastet kan inte signeras');
  expect((await storedCertificate(page, id)).status).toBe('draft');
});
