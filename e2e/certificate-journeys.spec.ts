import { answerBuilders } from '../mocks/builders/certificates';
import { seedPatients } from '../mocks/builders/seed-data';
import {
  callApiAs,
  createCertificate,
  expect,
  expectNoAxeViolations,
  fkReceived,
  loginAs,
  sessionToken,
  storedCertificate,
  test,
} from './fixtures';
import {
  certificateIdOf,
  openPatient,
  recordConsent,
  signInDialog,
  todayInStockholm,
} from './journey-steps';
import { fillAnswers, readDefinition } from './form-filler';

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

    // Signed and sent in one step, which says first what belongs to sending (FK 7804's
    // short-period text) and asks for the consent, since none is recorded.
    await page
      .getByRole('region', { name: 'Nästa steg' })
      .getByRole('button', { name: 'Signera och skicka' })
      .click();
    const signing = page.getByRole('dialog', { name: 'Signera och skicka' });
    await expect(signing.getByText(/Om sjukperioden är kortare än 15 dagar/)).toBeVisible();
    await expect(signing.getByRole('listitem').filter({ hasText: 'Egenföretagare' })).toBeVisible();
    await expect(
      signing.getByText(/Ett inkommet läkarintyg innebär inte att patienten är sjukanmäld/),
    ).toBeVisible();
    await expectNoAxeViolations(page);
    await signing.getByRole('radio', { name: 'Muntligt' }).check();
    await signing.getByRole('button', { name: 'Signera och skicka' }).click();
    await signing.getByRole('button', { name: /Signera med SITHS-kort/ }).click();
    await expect(
      page.getByRole('heading', { name: 'Skickat till Försäkringskassan' }),
    ).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Intyget är signerat' })).toBeVisible();
    await expect(
      page.getByText('Patienten har muntligt samtyckt till elektronisk överföring'),
    ).toBeVisible();
    await expectNoAxeViolations(page);

    const id = certificateIdOf(page);
    const stored = await storedCertificate(page, id);
    expect(stored.status).toBe('signed');
    expect(stored.answers['32']).toEqual(answers['32']);
    const received = await fkReceived(page);
    expect(received.map((entry) => entry.certificateId)).toContain(id);
  });
});

test.describe('roles', () => {
  test('a draft created in one tab updates the counts in another without a reload', async ({
    app: page,
  }) => {
    await loginAs(page, 'physician');
    // A second tab of the same browser is logged in already.
    const other = await page.context().newPage();
    await other.goto('/sok');
    await expect(other.getByRole('heading', { level: 1, name: 'Sök / skriv intyg' })).toBeVisible();
    const draftsLink = other.getByRole('link', { name: /^Ej signerade utkast/ });
    await expect(draftsLink).toHaveAccessibleName('Ej signerade utkast');

    await openPatient(page, seedPatients.adultMan.identityNumber, /Per Olof Johansson/);
    await page.getByRole('button', { name: 'Skriv FK 7804' }).click();
    await expect(page.getByRole('heading', { level: 1, name: /FK 7804/ })).toBeVisible();

    // The other tab hears of it over the BroadcastChannel and refetches its counts.
    await expect(draftsLink).toHaveAccessibleName('Ej signerade utkast 1 ej signerade');
    await other.close();
  });

  test('the midwife signs an FK 7210', async ({ app: page }) => {
    test.setTimeout(90_000);
    const definition = readDefinition('fk7210');
    await loginAs(page, 'midwife');
    await openPatient(page, seedPatients.youngWoman.identityNumber, /Elin Sjöberg/);
    // A midwife may only write the types she may sign or draft.
    await page.getByRole('button', { name: 'Skriv FK 7210' }).click();
    await expect(
      page.getByRole('heading', { level: 1, name: 'FK 7210 Intyg om graviditet' }),
    ).toBeVisible();
    const { UNIT_CONTACT_INFORMATION: _prefilled, ...typed } =
      answerBuilders.fk7210.minimal(todayInStockholm());
    await fillAnswers(page, definition, typed);
    await recordConsent(page);
    await signInDialog(page, 'Signera intyget');
    await expect(page.getByRole('heading', { name: 'Intyget är signerat' })).toBeVisible();
    await expect(page.getByText(/^Signerat .+ av Lena Ek, barnmorska\.$/)).toBeVisible();
    await expectNoAxeViolations(page);
  });

  test('the care administrator prepares an FK 7800 and marks it ready; the physician signs it', async ({
    app: page,
  }) => {
    test.setTimeout(150_000);
    const definition = readDefinition('fk7800');
    await loginAs(page, 'careAdmin');
    await openPatient(page, seedPatients.adultMan.identityNumber, /Per Olof Johansson/);
    await page.getByRole('button', { name: 'Skriv FK 7800' }).click();
    await expect(
      page.getByRole('heading', { level: 1, name: 'FK 7800 Läkarutlåtande för sjukersättning' }),
    ).toBeVisible();
    // A care administrator cannot sign: no signing button, only "mark ready".
    await expect(page.getByRole('button', { name: /^Signera/ })).toHaveCount(0);
    const { UNIT_CONTACT_INFORMATION: _prefilled, ...typed } =
      answerBuilders.fk7800.minimal(todayInStockholm());
    await fillAnswers(page, definition, typed);
    await recordConsent(page);
    await page.getByRole('button', { name: 'Markera klart för signering' }).click();
    await expect(
      page.getByText('Utkastet är sparat och markerat klart för signering.'),
    ).toBeVisible();
    await expect(page.getByText(/Markerat klart för signering av Maria Holm/)).toBeVisible();
    await expectNoAxeViolations(page);
    const id = certificateIdOf(page);

    await page.getByRole('button', { name: 'Logga ut' }).click();
    await expect(page.getByRole('heading', { name: 'Du är utloggad' })).toBeVisible();
    await loginAs(page, 'physician');
    await page.getByRole('link', { name: /Ej signerade utkast/ }).click();
    const row = page.getByRole('row').filter({ hasText: 'Per Olof Johansson' });
    await expect(row).toContainText('Klar för signering');
    await expect(row).toContainText('Maria Holm');
    await expectNoAxeViolations(page);
    await row.getByRole('link', { name: /^Öppna/ }).click();
    await expect(page.getByText('Klar för signering', { exact: false }).first()).toBeVisible();
    await signInDialog(page, 'Signera intyget');
    await expect(page.getByRole('heading', { name: 'Utlåtandet är signerat' })).toBeVisible();
    expect((await storedCertificate(page, id)).status).toBe('signed');
  });

  test('signing is refused while consent is missing, and the signing step asks for it', async ({
    app: page,
  }) => {
    const id = await createCertificate(page, {
      type: 'fk7210',
      patientId: seedPatients.youngWoman.id,
      answers: 'minimal',
      consent: false,
    });
    await loginAs(page, 'physician');
    await page.goto(`/intyg/${id}`);
    const panel = page.getByRole('complementary', { name: 'Signering' });
    await expect(
      panel.getByText(
        'Patientens samtycke är inte registrerat. Det kan registreras nu eller när intyget signeras.',
      ),
    ).toBeVisible();
    await expect(
      page.getByText('Patientens samtycke till elektronisk överföring är inte registrerat.'),
    ).toBeVisible();
    // The backend refuses it too, whatever the page does.
    const refused = await callApiAs(
      page,
      await sessionToken(page),
      'POST',
      `/api/certificates/${id}/sign`,
      {
        version: 1,
        method: 'siths',
      },
    );
    expect(refused.status).toBe(422);
    await page.getByRole('button', { name: 'Signera intyget' }).click();
    const signing = page.getByRole('dialog', { name: 'Signera intyget' });
    await expect(signing.getByRole('group', { name: 'Hur lämnades samtycket?' })).toBeVisible();
    await expectNoAxeViolations(page);
  });

  test('a protected-identity patient as care administrator: "Behörighet saknas", nothing disclosed', async ({
    app: page,
  }) => {
    await loginAs(page, 'careAdmin');
    await page
      .getByRole('textbox', { name: /Personnummer/ })
      .fill(seedPatients.protectedIdentity.identityNumber);
    await page.getByRole('button', { name: 'Sök' }).click();
    await expect(page.getByRole('heading', { name: 'Behörighet saknas' })).toBeVisible();
    await expect(page.getByText(seedPatients.protectedIdentity.lastName)).toHaveCount(0);
    await expectNoAxeViolations(page);
    // Nor by the patient's page address.
    await page.goto(`/patient/${seedPatients.protectedIdentity.id}`);
    await expect(page.getByRole('heading', { name: 'Behörighet saknas' })).toBeVisible();
    await expect(page.locator('body')).not.toContainText(seedPatients.protectedIdentity.lastName);
    await expect(page.locator('body')).not.toContainText('19800113');
    await expect(page.getByRole('button', { name: /Skriv FK/ })).toHaveCount(0);
    await expectNoAxeViolations(page);
  });

  test('a deceased patient gets no catalogue', async ({ app: page }) => {
    await loginAs(page, 'physician');
    await openPatient(page, seedPatients.deceased.identityNumber, /Gustav Holmberg/);
    await expect(
      page.getByText('Det går inte att skriva nya intyg för en avliden patient.'),
    ).toBeVisible();
    await expect(page.getByRole('button', { name: /Skriv FK/ })).toHaveCount(0);
    await expectNoAxeViolations(page);
  });
});
