import { hospTestPersons } from '../../mocks/builders/hosp';
import { careUnit, secondCareUnit, seedPatients, seedUsers } from '../../mocks/builders/seed-data';
import { careUnitButton, expectUnitCounts, switchCareUnit } from '../care-units-steps';
import {
  createCertificate,
  expect,
  loginAs,
  resetBackend,
  sendFromFk,
  setOperatingMessages,
  test,
} from '../fixtures';
import { pasteWordProcessorText } from '../fk-text-steps';
import { expectHistory } from '../history-steps';
import { openPatient, signInDialog } from '../journey-steps';
import {
  catalogueHeadings,
  closeOperatingMessage,
  operatingMessage,
  operatingMessagesRegion,
  starByKeyboard,
} from '../preferences-steps';
import {
  continueFromHosp,
  examplePractice,
  identifyAs,
  logInAfterRegistration,
  openRegistration,
  registerPractice,
} from '../registration-steps';

/**
 * What Webcert does beside the certificate's life (issue 23), on the Node server over
 * PostgreSQL: the same steps as the embedded journeys, against the server's store.
 */

// Several pages, each checked with axe, on a shared 2-core machine: a generous ceiling.
test.describe.configure({ timeout: 180_000 });

test('a physician registers, logs in at once, stars a favourite kept after a reload, and reads and closes an operating message', async ({
  page,
}) => {
  await resetBackend(page, 'standard');
  const message = operatingMessage({ severity: 'fault', text: 'E-tjänsten för FK 7800 är störd.' });
  await setOperatingMessages(page, [message]);

  const person = hospTestPersons.newPhysician;
  await openRegistration(page);
  await identifyAs(page, person);
  await continueFromHosp(page, 'Allmänmedicin, Geriatrik');
  await registerPractice(page);
  await logInAfterRegistration(page, person, examplePractice.name);

  await openPatient(page, seedPatients.adult.identityNumber, /Karin Andersson/);
  const last = await catalogueHeadings(page).last().textContent();
  if (last === null) throw new Error('the catalogue is empty');
  await starByKeyboard(page, last);
  await page.reload();
  await expect(catalogueHeadings(page).first()).toHaveText(last);

  await expect(operatingMessagesRegion(page)).toContainText(message.text);
  await closeOperatingMessage(page, `Driftstörning: ${message.text}`);
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1, name: 'Sök / skriv intyg' })).toBeVisible();
  await expect(operatingMessagesRegion(page)).not.toContainText(message.text);
});

test("a pasted word-processor text is cleaned, saved and signed, and the certificate's history follows sending and FK's question", async ({
  page,
}) => {
  await resetBackend(page, 'standard');
  const id = await createCertificate(page, {
    type: 'fk7804',
    patientId: seedPatients.adult.id,
    status: 'draft',
    answers: 'complete',
  });
  await loginAs(page, 'physician');
  await page.goto(`/intyg/${id}`);
  await pasteWordProcessorText(page.getByRole('textbox', { name: 'Övriga upplysningar' }));
  await expect(page.getByText('Utkastet är sparat')).toBeVisible();
  await signInDialog(page, 'Signera och skicka');
  await expect(page.getByRole('heading', { name: 'Skickat till Försäkringskassan' })).toBeVisible();

  await sendFromFk(page, id, {
    kind: 'question',
    topic: 'KONTKT',
    subject: 'Kontakt önskas',
    text: 'Ring gärna handläggaren.',
  });
  await page.reload();
  await expectHistory(page, [
    'Försäkringskassan har ställt en fråga (Kontakt).',
    'Intyget är skickat till Försäkringskassan av Anna Lindqvist.',
    'Intyget är signerat av Anna Lindqvist.',
    'Utkastet är skapat av Anna Lindqvist.',
  ]);
});

test('a physician with two units chooses one at log-in, seeing their counts, and a switch scopes the lists and counts', async ({
  page,
}) => {
  await resetBackend(page, 'dialogue');
  await page.goto('/');
  await page.getByRole('button', { name: new RegExp(seedUsers.physician.name) }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Välj vårdenhet' })).toBeFocused();
  await expectUnitCounts(page, careUnit.name, { unhandledThreads: 6, unsignedDrafts: 0 });
  await expectUnitCounts(page, secondCareUnit.name, { unhandledThreads: 1, unsignedDrafts: 2 });
  await careUnitButton(page, careUnit.name).click();
  const inbox = page
    .getByRole('navigation', { name: 'Huvudmeny' })
    .getByRole('link', { name: /^Ej hanterade ärenden/ });
  await expect(inbox).toHaveAccessibleName('Ej hanterade ärenden 6 ej hanterade');

  await switchCareUnit(page, secondCareUnit.name);
  await expect(inbox).toHaveAccessibleName('Ej hanterade ärenden 1 ej hanterade');
  await inbox.click();
  await expect(page.getByRole('table').getByRole('link')).toHaveText(['Öppna']);
  await expect(page.getByRole('table')).toContainText(seedPatients.youngWoman.lastName);
});
