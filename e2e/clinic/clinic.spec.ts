import type { Browser, Page } from '@playwright/test';
import { seedPatients } from '../../mocks/builders/seed-data';
import {
  createCertificate,
  expect,
  expectNoAxeViolations,
  loginAs,
  resetBackend,
  test,
} from '../fixtures';
import { addDays, signInDialog, todayInStockholm } from '../journey-steps';

/**
 * A clinic on four computers against the server (run by playwright.clinic.config.ts, over
 * PostgreSQL): each person has a browser context of their own (own storage, as their own
 * computer), and what one does reaches the others through the server and its change feed.
 */

async function computer(browser: Browser): Promise<Page> {
  const context = await browser.newContext();
  return context.newPage();
}

async function openFkSimulator(page: Page): Promise<void> {
  await page.goto('/fk');
  await page.getByRole('button', { name: /Helena Strand/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Mottagna intyg' })).toBeFocused();
}

test('a physician, a care administrator, an FK officer and a patient on four computers', async ({
  browser,
}) => {
  // Four browsers on one shared 2-core machine, axe at several steps: a generous ceiling.
  test.setTimeout(240_000);
  const today = todayInStockholm();
  const physician = await computer(browser);
  await resetBackend(physician, 'standard');
  const draft = await createCertificate(physician, {
    type: 'fk7804',
    patientId: seedPatients.adult.id,
    status: 'draft',
    answers: 'complete',
    consent: true,
  });
  const forThePatient = await createCertificate(physician, {
    type: 'fk7210',
    patientId: seedPatients.adult.id,
    status: 'signed',
    answers: 'complete',
  });

  // The physician signs and sends the FK 7804.
  await loginAs(physician, 'physician');
  await physician.goto(`/intyg/${draft}`);
  await signInDialog(physician, 'Signera intyget');
  await expect(physician.getByRole('heading', { name: 'Intyget är signerat' })).toBeVisible();
  await physician.getByRole('button', { name: 'Skicka till Försäkringskassan' }).click();
  await physician
    .getByRole('dialog', { name: 'Skicka till Försäkringskassan' })
    .getByRole('button', { name: 'Skicka', exact: true })
    .click();
  await expect(
    physician.getByRole('heading', { name: 'Skickat till Försäkringskassan' }),
  ).toBeVisible();

  // The care administrator, on another computer, watches the unit's inbox.
  const admin = await computer(browser);
  await loginAs(admin, 'careAdmin');
  const inbox = admin.getByRole('link', { name: /^Ej hanterade ärenden/ });
  await inbox.click();
  await expect(admin.getByText('Det finns inga ej hanterade ärenden.')).toBeVisible();

  // FK's officer asks a question from the simulator.
  const fk = await computer(browser);
  await openFkSimulator(fk);
  await fk.getByRole('link', { name: 'FK 7804 Läkarintyg för sjukpenning' }).click();
  const ask = fk.getByRole('form', { name: 'Ny fråga till vårdenheten' });
  await ask.getByRole('radio', { name: 'Kontakt' }).check();
  await ask.getByRole('textbox', { name: 'Rubrik (valfritt)' }).fill('Kontakt om arbetsförmågan');
  await ask.getByRole('textbox', { name: 'Meddelande' }).fill('Vi vill tala med läkaren.');
  await ask.getByRole('button', { name: 'Skicka frågan' }).click();
  const question = fk.getByRole('article', { name: 'Kontakt om arbetsförmågan' });
  await expect(question).toContainText('Väntar på vårdenheten');

  // It arrives at the administrator's without a reload, who answers it.
  await expect(inbox).toHaveAccessibleName(/1 ej hanterade/);
  await admin.getByRole('link', { name: 'Öppna: Svara, Karin Andersson' }).click();
  const thread = admin.getByRole('article', { name: 'Kontakt om arbetsförmågan' });
  await thread
    .getByRole('textbox', { name: 'Svar till Försäkringskassan' })
    .fill('Läkaren ringer er på torsdag.');
  await thread.getByRole('button', { name: 'Skicka svar' }).click();
  await expect(thread).toContainText('Läkaren ringer er på torsdag.');
  await expectNoAxeViolations(admin);
  // FK sees the answer without a reload.
  await expect(question).toContainText('Läkaren ringer er på torsdag.');

  // FK asks for a complement; the physician complements with the patient's consent.
  const request = fk.getByRole('form', { name: 'Begär komplettering' });
  await request.getByRole('checkbox', { name: /^Övriga upplysningar/ }).check();
  await request
    .getByRole('textbox', { name: 'Instruktion: Övriga upplysningar' })
    .fill('Beskriv hur patientens sömn påverkar arbetsförmågan.');
  await request
    .getByRole('textbox', { name: 'Meddelande till vårdenheten' })
    .fill('Vi behöver veta mer för att kunna fatta beslut om sjukpenning.');
  await request.getByRole('textbox', { name: 'Svara senast (valfritt)' }).fill(addDays(today, 10));
  await request.getByRole('button', { name: 'Skicka kompletteringsbegäran' }).click();
  const fkComplement = fk.getByRole('article', { name: 'Komplettering' });
  await expect(fkComplement).toContainText('Väntar på vårdenheten');
  await expectNoAxeViolations(fk);

  // The physician's count moves too, on the page they left open, without a reload.
  const physiciansInbox = physician.getByRole('link', { name: /^Ej hanterade ärenden/ });
  await expect(physiciansInbox).toHaveAccessibleName(/1 ej hanterade/);
  await physiciansInbox.click();
  await physician.getByRole('link', { name: 'Öppna: Komplettera, Karin Andersson' }).click();
  const complement = physician.getByRole('article', { name: 'Komplettering' });
  await complement.getByRole('button', { name: 'Komplettera', exact: true }).click();
  const consent = physician.getByRole('dialog', {
    name: 'Patientens samtycke till komplettering',
  });
  await consent.getByRole('radio', { name: 'Patienten', exact: true }).check();
  await consent.getByRole('radio', { name: 'Muntligt' }).check();
  await consent.getByRole('button', { name: 'Registrera samtycket och komplettera' }).click();
  const field = physician.getByRole('textbox', { name: 'Övriga upplysningar' });
  await field.fill('Patienten sover högst fyra timmar per natt, vilket ger dagtrötthet.');
  await expect(physician.getByText('Utkastet är sparat')).toBeVisible();
  await signInDialog(physician, 'Signera och skicka');
  await expect(physician.getByText(/Skickat till Försäkringskassan/).first()).toBeVisible();
  await expect(fkComplement).toContainText('Besvarad');

  // The patient sends their FK 7210 from Mina intyg; FK receives it.
  const patient = await computer(browser);
  await patient.goto('/mina-intyg');
  await patient
    .getByRole('list', { name: 'Välj vem du är' })
    .getByRole('button', { name: /Karin Andersson/ })
    .click();
  // Logged in before going on: a navigation would overtake the log-in on a busy machine.
  await expect(patient.getByRole('heading', { level: 1, name: 'Dina intyg' })).toBeVisible();
  await patient.goto(`/mina-intyg/intyg/${forThePatient}`);
  await patient.getByRole('button', { name: 'Skicka till Försäkringskassan' }).click();
  await patient
    .getByRole('dialog', { name: 'Vill du skicka intyget till Försäkringskassan?' })
    .getByRole('button', { name: 'Ja, skicka' })
    .click();
  await expect(patient.getByRole('heading', { name: 'Intyget är skickat' })).toBeVisible();
  await expectNoAxeViolations(patient);

  await fk.getByRole('link', { name: 'Mottagna intyg' }).click();
  await expect(fk.getByRole('row').filter({ hasText: 'FK 7210' })).toContainText('Karin Andersson');
});
