import { seedPatients } from '../mocks/builders/seed-data';
import {
  createCertificate,
  expect,
  expectNoAxeViolations,
  loginAs,
  sendFromFk,
  test,
} from './fixtures';
import { expectHistory, renewFromPatientPage, rowAction } from './history-steps';
import { certificateIdOf, openPatient, signInDialog } from './journey-steps';

const adult = seedPatients.adult;

test.describe("a certificate's history and the patient's previous certificates", () => {
  // Signing, FK's question, the answer and the renewal, each checked with axe: on a shared
  // 2-core machine that can take longer than the default 30 s without anything being wrong.
  test.describe.configure({ timeout: 90_000 });

  test('the history after signing, sending, a question from FK, its answer and a renewal', async ({
    app: page,
  }) => {
    const id = await createCertificate(page, {
      type: 'fk7804',
      patientId: adult.id,
      status: 'draft',
      answers: 'complete',
    });
    await loginAs(page, 'physician');
    await page.goto(`/intyg/${id}`);
    await signInDialog(page, 'Signera och skicka');
    await expect(page.getByRole('button', { name: 'Skicka till Försäkringskassan' })).toHaveCount(
      0,
    );

    await sendFromFk(page, id, {
      kind: 'question',
      topic: 'KONTKT',
      subject: 'Kontakt önskas',
      text: 'Ring gärna handläggaren.',
    });
    await page.reload();
    const thread = page.getByRole('article', { name: 'Kontakt önskas' });
    await thread
      .getByRole('textbox', { name: 'Svar till Försäkringskassan' })
      .fill('Jag ringer i morgon.');
    await thread.getByRole('button', { name: 'Skicka svar' }).click();
    await expect(thread).toContainText('Besvarad');

    await page
      .getByRole('list', { name: /^Åtgärder för/ })
      .getByRole('button', { name: 'Förnya' })
      .click();
    await page
      .getByRole('dialog', { name: 'Förnya intyget' })
      .getByRole('button', { name: 'Förnya' })
      .click();
    await expect(page.getByText(/^Förnyar:/)).toBeVisible();
    expect(certificateIdOf(page)).not.toBe(id);

    await page.goto(`/intyg/${id}`);
    await expectHistory(page, [
      'Intyget är förnyat av Anna Lindqvist. Öppna förnyelsen',
      'Anna Lindqvist har svarat på Försäkringskassans fråga (Kontakt).',
      'Försäkringskassan har ställt en fråga (Kontakt).',
      'Intyget är skickat till Försäkringskassan av Anna Lindqvist.',
      'Intyget är signerat av Anna Lindqvist.',
      'Utkastet är skapat av Anna Lindqvist.',
    ]);
  });

  test("the patient's page lists previous certificates with who signed or saved them, to open or renew", async ({
    app: page,
  }) => {
    const signed = await createCertificate(page, {
      type: 'fk7804',
      patientId: adult.id,
      status: 'sent',
      answers: 'complete',
    });
    await createCertificate(page, { type: 'fk7210', patientId: adult.id, status: 'draft' });
    await loginAs(page, 'physician');
    await openPatient(page, adult.identityNumber, /Karin Andersson/);
    const table = page.getByRole('table', { name: 'Patientens intyg och utkast' });
    await expect(
      table.getByRole('row', { name: /FK 7804.*Signerat av Anna Lindqvist/ }),
    ).toBeVisible();
    await expect(table.getByRole('row', { name: /FK 7210.*Sparat av Lena Ek/ })).toBeVisible();
    // A draft is opened, not renewed: the backend offers "Förnya" on the signed one only.
    await expect(rowAction(page, 'Öppna', 'FK 7210')).toBeVisible();
    await expect(rowAction(page, 'Förnya', 'FK 7210')).toHaveCount(0);
    await expectNoAxeViolations(page);

    await rowAction(page, 'Visa', 'FK 7804').click();
    await expect(page).toHaveURL(new RegExp(`/intyg/${signed}$`));
    await page.goBack();
    await renewFromPatientPage(page, 'FK 7804');
    expect(certificateIdOf(page)).not.toBe(signed);
  });
});
