import { answerBuilders } from '../mocks/builders/certificates';
import { seedPatients } from '../mocks/builders/seed-data';
import {
  expect,
  expectNoAxeViolations,
  fkReceived,
  loginAs,
  storedCertificate,
  test,
} from './fixtures';
import { fillAnswers, readDefinition } from './form-filler';
import type { Page } from '@playwright/test';

function todayInStockholm(): string {
  return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm' }).format(new Date());
}

/** From the search page to the patient's page, as a person would. */
async function openPatient(page: Page, identityNumber: string, name: RegExp) {
  await page.getByRole('textbox', { name: /Personnummer/ }).fill(identityNumber);
  await page.getByRole('button', { name: 'Sök' }).click();
  await page.getByRole('link', { name: 'Välj intygstyp' }).click();
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
}

/** The id of the certificate the page shows (the last path segment). */
function certificateIdOf(page: Page): string {
  const id = new URL(page.url()).pathname.split('/').pop();
  if (id === undefined || id === '') throw new Error(`no certificate id in ${page.url()}`);
  return id;
}

async function recordConsent(page: Page) {
  await page.getByRole('button', { name: 'Registrera samtycke' }).first().click();
  const dialog = page.getByRole('dialog', { name: 'Patientens samtycke' });
  await expect(dialog).toBeVisible();
  await expectNoAxeViolations(page);
  await dialog.getByRole('radio', { name: 'Patienten', exact: true }).check();
  await dialog.getByRole('radio', { name: 'Muntligt' }).check();
  await dialog.getByRole('button', { name: 'Registrera samtycket' }).click();
  await expect(dialog).toBeHidden();
  await expect(
    page.getByText('Patienten har muntligt samtyckt till elektronisk överföring'),
  ).toBeVisible();
}

async function signInDialog(page: Page, buttonName: string) {
  await page.getByRole('button', { name: buttonName }).click();
  const dialog = page.getByRole('dialog', { name: buttonName });
  await expect(dialog).toBeVisible();
  await expectNoAxeViolations(page);
  await dialog.getByRole('button', { name: 'Starta signering' }).click();
  await dialog.getByRole('button', { name: /Legitimera med SITHS-kortet/ }).click();
  await expect(dialog).toBeHidden();
}

test.describe('from a patient to a signed, sent certificate', () => {
  test('the physician writes, records consent, signs and sends an FK 7804 (short period)', async ({
    app: page,
  }) => {
    test.setTimeout(120_000);
    const definition = readDefinition('fk7804');
    const today = todayInStockholm();
    await loginAs(page, 'physician');
    await openPatient(page, seedPatients.adult.identityNumber, /Karin Andersson/);
    await expectNoAxeViolations(page);

    await page.getByRole('button', { name: 'Skriv FK 7804' }).click();
    await expect(
      page.getByRole('heading', { level: 1, name: 'FK 7804 Läkarintyg för sjukpenning' }),
    ).toBeVisible();
    await expect(page.getByRole('region', { name: 'Patient' })).toContainText('Karin Andersson');
    await expectNoAxeViolations(page);

    // Minimal answers: a 14-day sick leave, so the short-period text applies when sending.
    const answers = answerBuilders.fk7804.minimal(today);
    const { UNIT_CONTACT_INFORMATION: _prefilled, ...typed } = answers;
    await fillAnswers(page, definition, typed);
    await expect(page.getByRole('status').filter({ hasText: /Utkastet är sparat/ })).toBeVisible();

    // Signing is refused while consent is missing: the button opens the consent step.
    await page.getByRole('button', { name: 'Signera intyget' }).click();
    await expect(page.getByRole('dialog', { name: 'Patientens samtycke' })).toBeVisible();
    await page.getByRole('dialog').getByRole('button', { name: 'Avbryt' }).click();
    await recordConsent(page);

    await signInDialog(page, 'Signera intyget');
    await expect(page.getByRole('heading', { name: 'Intyget är signerat' })).toBeVisible();
    await expect(page.getByText('Intyget är inte skickat till Försäkringskassan.')).toBeVisible();
    await expectNoAxeViolations(page);

    await page.getByRole('button', { name: 'Skicka till Försäkringskassan' }).click();
    const send = page.getByRole('dialog', { name: 'Skicka till Försäkringskassan' });
    await expect(send.getByText(/Om sjukperioden är kortare än 15 dagar/)).toBeVisible();
    await expect(send.getByRole('listitem').filter({ hasText: 'Egenföretagare' })).toBeVisible();
    await expect(
      send.getByText(/Ett inkommet läkarintyg innebär inte att patienten är sjukanmäld/),
    ).toBeVisible();
    await expectNoAxeViolations(page);
    await send.getByRole('button', { name: 'Skicka', exact: true }).click();
    await expect(
      page.getByRole('heading', { name: 'Skickat till Försäkringskassan' }),
    ).toBeVisible();

    const id = certificateIdOf(page);
    const stored = await storedCertificate(page, id);
    expect(stored.status).toBe('signed');
    expect(stored.answers['32']).toEqual(answers['32']);
    const received = await fkReceived(page);
    expect(received.map((entry) => entry.certificateId)).toContain(id);
  });
});
