import { seedPatients } from '../mocks/builders/seed-data';
import {
  expect,
  expectNoAxeViolations,
  loginAs,
  pickOnLoginPage,
  setOperatingMessages,
  test,
} from './fixtures';
import { openPatient } from './journey-steps';
import {
  catalogueHeadings,
  closeOperatingMessage,
  favouriteStar,
  operatingMessage,
  operatingMessagesRegion,
  starByKeyboard,
} from './preferences-steps';

test('a type starred as a favourite comes first after a reload', async ({ app: page }) => {
  await loginAs(page, 'physician');
  await openPatient(page, seedPatients.adult.identityNumber, /Karin Andersson/);
  const last = await catalogueHeadings(page).last().textContent();
  if (last === null) throw new Error('the catalogue is empty');
  await expect(favouriteStar(page, last)).toHaveAttribute('aria-pressed', 'false');
  await starByKeyboard(page, last);
  await expectNoAxeViolations(page);

  await page.reload();
  await expect(catalogueHeadings(page).first()).toHaveText(last);
  await expect(favouriteStar(page, last)).toHaveAttribute('aria-pressed', 'true');
});

test('an operating message is shown and announced on every page, and stays closed in the session', async ({
  app: page,
}) => {
  const warning = operatingMessage();
  const information = operatingMessage({
    id: 'e2e-information',
    severity: 'information',
    text: 'Från och med måndag finns FK 7804 i en ny version.',
  });
  await setOperatingMessages(page, [information, warning]);
  await page.goto('/');
  const region = operatingMessagesRegion(page);
  await expect(region).toHaveText(
    `Varning: ${warning.text}StängInformation: ${information.text}Stäng`,
  );
  await expectNoAxeViolations(page);

  // Logging in keeps the live region and its message as they are (not put in again), so a
  // screen reader announces the message once, not on every page.
  const shown = await region
    .getByRole('paragraph')
    .filter({ hasText: warning.text })
    .elementHandle();
  await pickOnLoginPage(page, 'physician');
  await expect(page.getByRole('heading', { level: 1, name: 'Sök / skriv intyg' })).toBeVisible();
  expect(await shown.evaluate((node) => node.isConnected)).toBe(true);

  await closeOperatingMessage(page, `Varning: ${warning.text}`);
  await expect(
    region.getByRole('button', { name: 'Stäng', description: `Information: ${information.text}` }),
  ).toBeFocused();

  await page.goto('/fk');
  await expect(operatingMessagesRegion(page)).toContainText(information.text);
  await expect(operatingMessagesRegion(page)).not.toContainText(warning.text);
  await expectNoAxeViolations(page);
});
