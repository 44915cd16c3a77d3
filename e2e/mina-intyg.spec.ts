import type { Locator, Page } from '@playwright/test';
import { answerBuilders } from '../mocks/builders/certificates';
import { seedPatients, seedUsers } from '../mocks/builders/seed-data';
import { nameWithTitle } from '../src/language/swedish';
import { formatIdentityNumber } from '../src/contracts/identity-number';
import {
  auditLog,
  createCertificate,
  expect,
  expectNoAxeViolations,
  fkReceived,
  interceptPrinting,
  loginAs,
  test,
} from './fixtures';
import { fillAnswers, readDefinition } from './form-filler';
import {
  certificateIdOf,
  openPatient,
  recordConsent,
  signInDialog,
  todayInStockholm,
} from './journey-steps';
import { pdfPages, squash } from './pdf-text';

/**
 * Mina intyg, at a computer's and at a phone's size: the physician signs an FK 7210 without
 * sending it; the patient logs in, sees it, prints it and sends it; FK's simulator shows it as
 * received from the patient, and the physician sees that the patient sent it. The patient
 * cannot open someone else's certificate by its id, nor a draft, nor a revoked certificate's
 * content.
 */

const { adult, adultMan } = seedPatients;
const adultName = `${adult.firstName} ${adult.lastName}`;

/** Nothing wider than the screen, and every button and link in the page at least 44 px high. */
async function expectPhoneFriendly(page: Page, width: number): Promise<void> {
  const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(scrollWidth).toBeLessThanOrEqual(width);
  const small = await page
    .locator('.portal button:visible, .portal a:visible')
    .evaluateAll((elements) =>
      elements
        .filter((element) => element.getBoundingClientRect().height < 44)
        .map((element) => element.textContent.trim()),
    );
  expect(small, 'touch targets lower than 44 px').toEqual([]);
}

async function answersOn(view: Locator): Promise<string[]> {
  await expect(view).toBeVisible();
  const answers = await view.getByRole('definition').allInnerTexts();
  return answers.map(squash).filter((answer) => answer !== '');
}

// The physician writes and signs in the editor once (at a computer); on the phone the signed
// certificate comes from the testers' kit, since the patient's side is what differs there.
const viewports = [
  { name: 'at a computer', width: 1280, height: 900, physicianWritesIt: true },
  { name: 'on a phone', width: 390, height: 844, physicianWritesIt: false },
] as const;

for (const viewport of viewports) {
  test.describe(`Mina intyg ${viewport.name} (${String(viewport.width)} × ${String(viewport.height)})`, () => {
    test.use({ viewport: { width: viewport.width, height: viewport.height } });

    test('the physician signs an FK 7210; the patient sees, prints and sends it; FK and the physician see who sent it', async ({
      app: care,
    }) => {
      test.setTimeout(180_000);
      // What the patient must not see: a draft, someone else's, a revoked one's content.
      const draft = await createCertificate(care, { type: 'fk7210', patientId: adult.id });
      const others = await createCertificate(care, {
        type: 'fk7210',
        patientId: adultMan.id,
        status: 'signed',
        answers: 'complete',
      });
      const revoked = await createCertificate(care, {
        type: 'fk7210',
        patientId: adult.id,
        status: 'revoked',
        answers: 'complete',
        createdDaysAgo: 2,
      });

      // The start page leads patients to Mina intyg.
      await care.goto('/');
      await expect(care.getByRole('link', { name: 'Logga in på Mina intyg' })).toHaveAttribute(
        'href',
        '/mina-intyg',
      );

      // The physician writes and signs an FK 7210, and does not send it.
      await loginAs(care, 'physician');
      let id: string;
      if (viewport.physicianWritesIt) {
        await openPatient(care, adult.identityNumber, /Karin Andersson/);
        await care.getByRole('button', { name: 'Skriv FK 7210' }).click();
        await expect(
          care.getByRole('heading', { level: 1, name: 'FK 7210 Intyg om graviditet' }),
        ).toBeVisible();
        const { UNIT_CONTACT_INFORMATION: _prefilled, ...typed } =
          answerBuilders.fk7210.minimal(todayInStockholm());
        await fillAnswers(care, readDefinition('fk7210'), typed);
        await recordConsent(care);
        await signInDialog(care, 'Signera intyget');
        id = certificateIdOf(care);
      } else {
        id = await createCertificate(care, {
          type: 'fk7210',
          patientId: adult.id,
          status: 'signed',
          answers: 'complete',
          userId: seedUsers.physician.id,
        });
        await care.goto(`/intyg/${id}`);
      }
      await expect(care.getByRole('heading', { name: 'Intyget är signerat' })).toBeVisible();
      await expect(care.getByRole('heading', { name: 'Inte skickat' })).toBeVisible();
      const onScreen = await answersOn(
        care.getByRole('article', { name: 'FK 7210 Intyg om graviditet' }),
      );
      expect(onScreen.length).toBeGreaterThan(0);

      // The patient logs in to Mina intyg, in a tab of their own.
      const patient = await care.context().newPage();
      await interceptPrinting(patient);
      await patient.goto('/mina-intyg');
      await expect(
        patient.getByRole('heading', { level: 1, name: 'Logga in på Mina intyg' }),
      ).toBeFocused();
      await expectNoAxeViolations(patient);
      await expectPhoneFriendly(patient, viewport.width);
      await patient
        .getByRole('list', { name: 'Välj vem du är' })
        .getByRole('button', { name: new RegExp(adultName) })
        .click();

      // The list: their own signed certificates, newest first; no draft, the revoked one as such.
      await expect(patient.getByRole('heading', { level: 1, name: 'Dina intyg' })).toBeFocused();
      await expect(patient.getByRole('banner')).toContainText(adultName);
      const cards = patient.getByRole('list', { name: 'Dina intyg' }).getByRole('listitem');
      await expect(cards).toHaveCount(2);
      await expect(cards.nth(0)).toContainText('Inte skickat till Försäkringskassan.');
      await expect(cards.nth(0)).toContainText(`av ${seedUsers.physician.name}`);
      await expect(cards.nth(0)).toContainText('Läkarmottagningen Sjöstaden');
      await expect(cards.nth(1)).toContainText('Makulerat');
      await expect(cards.nth(1)).toContainText('Intyget gäller inte längre.');
      await expectNoAxeViolations(patient);
      await expectPhoneFriendly(patient, viewport.width);

      // The certificate: its content as the physician signed it.
      await cards.nth(0).getByRole('link', { name: 'Intyg om graviditet' }).click();
      await expect(
        patient.getByRole('heading', { level: 1, name: 'Intyg om graviditet' }),
      ).toBeFocused();
      expect(
        await answersOn(patient.getByRole('article', { name: 'FK 7210 Intyg om graviditet' })),
      ).toEqual(onScreen);
      await expectNoAxeViolations(patient);
      await expectPhoneFriendly(patient, viewport.width);

      // Printing: the print layout holds the content, the patient and the signer.
      await patient.getByRole('button', { name: 'Skriv ut' }).click();
      await expect(patient.locator('html')).toHaveAttribute('data-print-calls', '1');
      const printed = squash((await pdfPages(await patient.pdf({ format: 'A4' }))).join(' '));
      expect(printed).toContain(squash('FK 7210'));
      expect(printed).toContain(squash('Intyg om graviditet'));
      expect(printed).toContain(
        squash(`${adultName}, ${formatIdentityNumber(adult.identityNumber)}`),
      );
      expect(printed).toContain(
        squash(`av ${nameWithTitle(seedUsers.physician.name, seedUsers.physician.title)}`),
      );
      for (const answer of onScreen) expect(printed, 'every answer is printed').toContain(answer);
      expect(printed).not.toContain(squash('Logga ut'));

      // Sending, by keyboard: a confirmation in plain words, then the status says so.
      const send = patient.getByRole('button', { name: 'Skicka till Försäkringskassan' });
      await send.focus();
      await patient.keyboard.press('Enter');
      const dialog = patient.getByRole('dialog', {
        name: 'Vill du skicka intyget till Försäkringskassan?',
      });
      await expect(dialog).toBeVisible();
      await expect(dialog).toContainText('När intyget är skickat går det inte att ta tillbaka.');
      await expectNoAxeViolations(patient);
      await dialog.getByRole('button', { name: 'Ja, skicka' }).focus();
      await patient.keyboard.press('Enter');
      await expect(dialog).toBeHidden();
      await expect(patient.getByRole('heading', { name: 'Intyget är skickat' })).toBeVisible();
      await expect(patient.getByText(/Skickat till Försäkringskassan .* av dig\./)).toBeVisible();
      await expect(send).toHaveCount(0);
      await expectNoAxeViolations(patient);
      expect(
        (await fkReceived(patient)).map((entry) => [entry.certificateId, entry.sentBy]),
      ).toEqual([[id, 'patient']]);
      await patient.getByRole('link', { name: 'Till dina intyg' }).click();
      await expect(cards.nth(0)).toContainText(/Skickat till Försäkringskassan .* av dig\./);

      // Someone else's certificate, a draft and a revoked one, opened by their ids.
      for (const hidden of [others, draft]) {
        await patient.goto(`/mina-intyg/intyg/${hidden}`);
        await expect(
          patient.getByRole('heading', { name: 'Intyget kan inte visas' }),
        ).toBeVisible();
        await expect(patient.getByText('Du har inte tillgång till intyget.')).toBeVisible();
        await expect(patient.getByRole('article')).toHaveCount(0);
      }
      await expectNoAxeViolations(patient);
      await patient.goto(`/mina-intyg/intyg/${revoked}`);
      await expect(patient.getByRole('heading', { name: 'Intyget är makulerat' })).toBeVisible();
      await expect(patient.getByRole('article')).toHaveCount(0);
      await expect(patient.getByRole('button', { name: 'Skriv ut' })).toHaveCount(0);
      await expectNoAxeViolations(patient);
      await expectPhoneFriendly(patient, viewport.width);

      // The patient's reads, print and send are in the audit log.
      const patientEntries = (await auditLog(patient))
        .filter((entry) => entry.principal === 'patient' && entry.certificateId === id)
        .map((entry) => entry.action);
      expect(patientEntries).toEqual(['certificate-read', 'certificate-print', 'certificate-send']);

      // FK's simulator: received from the patient.
      const fk = await care.context().newPage();
      await fk.goto('/fk');
      await fk.getByRole('button', { name: /Helena Strand/ }).click();
      const row = fk.getByRole('row').filter({ hasText: 'FK 7210' });
      await expect(row).toContainText('(skickat av patienten)');
      await row.getByRole('link', { name: /^FK 7210/ }).click();
      await expect(fk.getByText(/skickat av patienten/)).toBeVisible();
      await expectNoAxeViolations(fk);

      // The physician sees that the patient sent it, on the certificate and in the list.
      await care.goto(`/intyg/${id}`);
      await expect(
        care.getByText(
          /Intyget skickades till Försäkringskassan .* av patienten från Mina intyg\./,
        ),
      ).toBeVisible();
      await care.goto('/intyg');
      const signedRow = care.getByRole('row').filter({ hasText: 'FK 7210' }).filter({
        hasText: adultName,
      });
      await expect(signedRow.filter({ hasText: 'av patienten' })).toHaveCount(1);
      await expectNoAxeViolations(care);
    });
  });
}
