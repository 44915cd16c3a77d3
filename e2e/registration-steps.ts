import type { Page } from '@playwright/test';
import { formatIdentityNumber } from '../src/contracts/identity-number';
import type { PracticeDetails } from '../src/contracts/registration';
import { activityTypes, careForms } from '../src/contracts/registration';
import { expect, expectNoAxeViolations } from './fixtures';

/**
 * A private physician's registration as a person does it, step by step with axe on each: the
 * steps the embedded journeys (e2e/registration.spec.ts) and a clinic journey share.
 */

export type TestPerson = { identityNumber: string; name: string };

export const examplePractice = {
  name: 'Wikströms Läkarmottagning',
  postalAddress: 'Storgatan 1',
  postcode: '111 22',
  city: 'Uppsala',
  phone: '018-55 12 34',
  email: 'mottagning@wikstromslakare.se',
  careForm: 'oppenvard',
  activityType: 'allmanmedicin',
} as const satisfies PracticeDetails;

/** A valid organisation number (Luhn) for the example practice. */
export const exampleOrganisationNumber = '556677-8899';

function stepHeading(page: Page, name: string) {
  return page.getByRole('heading', { level: 2, name });
}

/** From the log-in page to step 1 of the registration. */
export async function openRegistration(page: Page): Promise<void> {
  await page.goto('/');
  await page.getByRole('link', { name: 'Registrera dig som privatläkare' }).click();
  await expect(
    page.getByRole('heading', { level: 1, name: 'Registrera dig som privatläkare' }),
  ).toBeFocused();
  await expect(stepHeading(page, 'Identifiering och legitimation')).toBeVisible();
  await expectNoAxeViolations(page);
}

/** Step 1: identifies as the test person with the keyboard; HOSP answers. */
export async function identifyAs(page: Page, person: TestPerson): Promise<void> {
  const option = page.getByRole('radio', {
    name: `${person.name}, ${formatIdentityNumber(person.identityNumber)}`,
  });
  await option.focus();
  await page.keyboard.press('Space');
  await expect(option).toBeChecked();
  await page.getByRole('button', { name: 'Identifiera mig' }).click();
}

/** Step 1 refused: HOSP's answer is announced, and there is no way on. */
export async function expectRefused(page: Page, message: string): Promise<void> {
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('Du kan inte registrera dig');
  await expect(alert).toContainText(message);
  await expect(page.getByRole('button', { name: 'Fortsätt' })).toHaveCount(0);
  await expectNoAxeViolations(page);
}

/** Step 1 accepted: what HOSP holds is shown read-only; on to step 2. */
export async function continueFromHosp(page: Page, licence: string): Promise<void> {
  await expect(page.getByRole('heading', { level: 3, name: 'Uppgifter från HOSP' })).toBeVisible();
  await expect(page.getByText(licence, { exact: true })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByRole('button', { name: 'Fortsätt' }).click();
  await expect(stepHeading(page, 'Verksamhetens uppgifter')).toBeFocused();
}

/** Fills the practice's fields (step 2, and "Mina uppgifter"). */
export async function fillPractice(page: Page, practice: PracticeDetails): Promise<void> {
  await page.getByLabel('Verksamhetens namn').fill(practice.name);
  await page.getByRole('radio', { name: careForms[practice.careForm] }).check();
  await page
    .getByLabel('Verksamhetstyp')
    .selectOption({ label: activityTypes[practice.activityType] });
  await page.getByLabel('Postadress', { exact: true }).fill(practice.postalAddress);
  await page.getByLabel(/^Postnummer/).fill(practice.postcode);
  await page.getByLabel('Postort').fill(practice.city);
  await page.getByLabel('Telefonnummer').fill(practice.phone);
  await page.getByLabel('E-postadress').fill(practice.email);
}

/**
 * Step 2 and 3: the practice (a mistyped organisation number is announced and gets focus
 * first), the summary, "Skapa konto"; ends on the confirmation.
 */
export async function registerPractice(
  page: Page,
  practice: PracticeDetails = examplePractice,
  organisationNumber = exampleOrganisationNumber,
): Promise<void> {
  await fillPractice(page, practice);
  const number = page.getByLabel(/^Organisationsnummer/);
  await number.fill(organisationNumber.replace(/\d$/, (digit) => String((Number(digit) + 1) % 10)));
  await page.getByRole('button', { name: 'Fortsätt' }).click();
  await expect(page.getByRole('alert')).toContainText('Uppgifterna behöver rättas');
  await expect(number).toBeFocused();
  await expect(number).toHaveAccessibleDescription(
    /Kontrollsiffran i organisationsnumret stämmer inte/,
  );
  await expectNoAxeViolations(page);
  await number.fill(organisationNumber);
  await page.getByRole('button', { name: 'Fortsätt' }).click();
  await expect(stepHeading(page, 'Granska och skapa konto')).toBeFocused();
  await expect(page.getByText(organisationNumber, { exact: true })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByRole('button', { name: 'Skapa konto' }).click();
  await expect(stepHeading(page, 'Ditt konto är skapat')).toBeFocused();
  await expectNoAxeViolations(page);
}

/** From the confirmation to the log-in page, logged in as the new physician at the practice. */
export async function logInAfterRegistration(
  page: Page,
  person: TestPerson,
  practiceName: string,
): Promise<void> {
  await page.getByRole('link', { name: 'Logga in', exact: true }).click();
  await page.getByRole('button', { name: new RegExp(`${person.name}.*${practiceName}`) }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Sök / skriv intyg' })).toBeVisible();
  await expect(page.getByRole('banner').getByText(practiceName)).toBeVisible();
}
