import { hospTestPersons } from '../mocks/builders/hosp';
import { seedPatients } from '../mocks/builders/seed-data';
import { expect, expectNoAxeViolations, test } from './fixtures';
import {
  continueFromHosp,
  examplePractice,
  expectRefused,
  fillPractice,
  identifyAs,
  logInAfterRegistration,
  openRegistration,
  registerPractice,
} from './registration-steps';

test.describe('private physician registration', () => {
  // Three steps and Mina uppgifter, axe on each, on a shared 2-core machine: a generous ceiling.
  test.describe.configure({ timeout: 120_000 });

  test('a licensed physician registers, logs in at once, finds a patient and changes Mina uppgifter', async ({
    app: page,
  }) => {
    const person = hospTestPersons.newPhysician;
    await openRegistration(page);
    await identifyAs(page, person);
    await continueFromHosp(page, 'Allmänmedicin, Geriatrik');
    await registerPractice(page);
    await logInAfterRegistration(page, person, examplePractice.name);

    // Writes for patients: the look-up works for the new unit.
    await page
      .getByLabel('Personnummer eller samordningsnummer')
      .fill(seedPatients.adult.identityNumber);
    await page.getByRole('button', { name: 'Sök' }).click();
    await expect(page.getByRole('link', { name: 'Välj intygstyp' })).toBeVisible();

    await page.getByRole('link', { name: 'Mina uppgifter' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Mina uppgifter' })).toBeFocused();
    await expectNoAxeViolations(page);
    await fillPractice(page, { ...examplePractice, name: 'Wikströms Husläkare' });
    await page.getByRole('button', { name: 'Spara ändringar' }).click();
    await expect(
      page.getByRole('status').filter({ hasText: 'Dina uppgifter är sparade.' }),
    ).toBeVisible();
    await expect(page.getByRole('banner').getByText('Wikströms Husläkare')).toBeVisible();
    await expectNoAxeViolations(page);
  });

  test('a nurse is refused with HOSP’s reason, and no account is made', async ({ app: page }) => {
    await openRegistration(page);
    await identifyAs(page, hospTestPersons.nurse);
    await expectRefused(page, 'ingen legitimation som läkare');
    await page.getByRole('link', { name: 'Tillbaka till inloggningen' }).click();
    await expect(page.getByRole('button', { name: /Anna Lindqvist/ })).toBeVisible();
    await expect(
      page.getByRole('button', { name: new RegExp(hospTestPersons.nurse.name) }),
    ).toHaveCount(0);
  });
});
