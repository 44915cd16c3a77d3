import {
  seedPatients,
  seedUsers,
  careUnit,
  unknownIdentityNumber,
} from '../mocks/builders/seed-data';
import {
  callApiAs,
  expect,
  expectNoAxeViolations,
  loginAs,
  resetBackend,
  sessionToken,
  test,
} from './fixtures';

const physician = seedUsers.physician;
const adult = seedPatients.adult;

test('the embedded backend answers from the service worker', async ({ page }) => {
  const response = page.waitForResponse((r) => r.url().endsWith('/api/auth/login-options'));
  await page.goto('/');
  const answered = await response;
  expect(answered.fromServiceWorker()).toBe(true);
  expect(answered.status()).toBe(200);
  await expect(page.getByRole('button', { name: new RegExp(physician.name) })).toBeVisible();
});

test('the start page lists who can log in, and passes axe', async ({ app: page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1, name: 'Logga in i Intyga' })).toBeVisible();
  for (const user of Object.values(seedUsers)) {
    await expect(
      page.getByRole('button', {
        name: new RegExp(`${user.name}.*${user.title.replace(/[()]/g, '.')}`),
      }),
    ).toBeVisible();
  }
  await expectNoAxeViolations(page);
});

test('the axe check fails on a page that breaks WCAG', async ({ app: page }) => {
  await expectNoAxeViolations(page);
  // A button without a name and an image without a text alternative, added to the start page.
  await page.evaluate(() => {
    const main = document.querySelector('main');
    if (main === null) throw new Error('no <main>');
    main.append(document.createElement('button'));
    const image = document.createElement('img');
    image.src = '/favicon.svg';
    main.append(image);
  });
  await expect(expectNoAxeViolations(page)).rejects.toThrow(
    /button-name[\s\S]*image-alt|image-alt[\s\S]*button-name/,
  );
});

test('a physician logs in, sees who and where in the header, and finds a patient', async ({
  app: page,
}) => {
  await loginAs(page, 'physician');
  const header = page.getByRole('banner');
  await expect(header.getByText(physician.name)).toBeVisible();
  await expect(header.getByText(physician.title)).toBeVisible();
  await expect(header.getByText(careUnit.name)).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link')).toHaveText([
    'Sök / skriv intyg',
    'Ej hanterade ärenden',
    'Ej signerade utkast',
    'Signerade intyg',
  ]);

  const lookup = page.waitForRequest((r) => r.url().includes('/api/patients/lookup'));
  await page.getByLabel('Personnummer eller samordningsnummer').fill('19791212-9280');
  await page.getByRole('button', { name: 'Sök' }).click();
  const request = await lookup;
  // The identity number travels in the body, never in the URL.
  expect(request.method()).toBe('POST');
  expect(request.url()).not.toContain(adult.identityNumber);
  expect(request.postDataJSON()).toEqual({ identityNumber: adult.identityNumber });

  await expect(page.getByRole('heading', { name: 'Karin Andersson' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Karin Andersson' })).toBeFocused();
  await expect(page.getByText('Personnummer 19791212-9280')).toBeVisible();
  await expectNoAxeViolations(page);

  await page.getByRole('link', { name: 'Välj intygstyp' }).click();
  await expect(page).toHaveURL(new RegExp(`/patient/${adult.id}$`));
  expect(page.url()).not.toContain(adult.identityNumber);
  await expect(page.getByRole('heading', { level: 1, name: 'Karin Andersson' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: 'Välj intygstyp' })).toBeVisible();
});

test('numbers in other common formats are understood', async ({ app: page }) => {
  await loginAs(page, 'physician');
  const field = page.getByLabel('Personnummer eller samordningsnummer');
  for (const input of ['791212-9280', '197912129280', ' 7912129280 ']) {
    await field.fill(input);
    await field.press('Enter');
    await expect(page.getByRole('heading', { name: 'Karin Andersson' })).toBeVisible();
  }
  await field.fill('19990190-2396');
  await field.press('Enter');
  await expect(page.getByRole('heading', { name: 'Ahmed Hassan' })).toBeVisible();
  await expect(page.getByText('Samordningsnummer 19990190-2396')).toBeVisible();
});

test('an invalid number gets a precise message and nothing is sent', async ({ app: page }) => {
  await loginAs(page, 'physician');
  let lookups = 0;
  page.on('request', (r) => {
    if (r.url().includes('/api/patients/lookup')) lookups += 1;
  });
  const field = page.getByLabel('Personnummer eller samordningsnummer');
  const cases = [
    ['19791212-9281', 'Kontrollsiffran stämmer inte. Kontrollera att numret är rätt skrivet.'],
    ['19791332-9280', 'Datumet i numret finns inte. Kontrollera år, månad och dag.'],
    ['1979121', 'Personnumret ska ha 10 eller 12 siffror'],
    ['', 'Ange ett personnummer eller samordningsnummer.'],
  ] as const;
  for (const [input, message] of cases) {
    await field.fill(input);
    await page.getByRole('button', { name: 'Sök' }).click();
    await expect(field).toHaveAccessibleDescription(new RegExp(message.replace(/[.()]/g, '\\$&')));
    await expect(field).toHaveAttribute('aria-invalid', 'true');
    await expect(field).toBeFocused();
  }
  expect(lookups).toBe(0);
  await expectNoAxeViolations(page);
});

test('a valid number nobody has is reported as not found', async ({ app: page }) => {
  await loginAs(page, 'physician');
  await page.getByLabel('Personnummer eller samordningsnummer').fill(unknownIdentityNumber);
  await page.getByRole('button', { name: 'Sök' }).click();
  await expect(page.getByRole('alert')).toContainText('Patienten hittades inte');
});

test('status badges: protected identity, deceased, test person', async ({ app: page }) => {
  await loginAs(page, 'physician');
  const field = page.getByLabel('Personnummer eller samordningsnummer');
  const badges = page.getByRole('list', { name: 'Patientens status' });

  await field.fill(seedPatients.protectedIdentity.identityNumber);
  await field.press('Enter');
  await expect(page.getByRole('heading', { name: 'Johan Lundberg' })).toBeVisible();
  await expect(badges.getByText('Skyddade personuppgifter')).toBeVisible();

  await field.fill(seedPatients.deceased.identityNumber);
  await field.press('Enter');
  await expect(page.getByRole('heading', { name: 'Gustav Holmberg' })).toBeVisible();
  await expect(badges.getByText('Avliden')).toBeVisible();

  await field.fill(seedPatients.testPerson.identityNumber);
  await field.press('Enter');
  await expect(page.getByRole('heading', { name: 'Olle Provsson' })).toBeVisible();
  await expect(badges.getByText('Testperson')).toBeVisible();
  await expectNoAxeViolations(page);
});

test('a reload keeps the session and its data', async ({ app: page }) => {
  await loginAs(page, 'careAdmin');
  await page.getByLabel('Personnummer eller samordningsnummer').fill(adult.identityNumber);
  await page.getByRole('button', { name: 'Sök' }).click();
  await page.getByRole('link', { name: 'Välj intygstyp' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Karin Andersson' })).toBeVisible();
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Karin Andersson' })).toBeVisible();
  await expect(page.getByRole('banner').getByText(seedUsers.careAdmin.name)).toBeVisible();
});

test('logging out ends the session on the server', async ({ app: page }) => {
  await loginAs(page, 'nurse');
  const token = await sessionToken(page);
  await page.getByRole('button', { name: 'Logga ut' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Du är utloggad' })).toBeVisible();
  await expectNoAxeViolations(page);
  expect((await callApiAs(page, token, 'GET', '/api/session')).status).toBe(401);
  await page.goto('/sok');
  await expect(page.getByRole('heading', { level: 1, name: 'Logga in i Intyga' })).toBeVisible();
});

test('an idle session warns, can be kept alive, and then expires', async ({ app: page }) => {
  test.setTimeout(90_000);
  // Warned 2 s after the last activity, logged out 20 s after it: room for a slow log-in (and
  // the unit choice) on a busy machine before the warning can be answered.
  await resetBackend(page, 'standard', { idleTimeoutSeconds: 20, warningSeconds: 18 });
  await loginAs(page, 'physician');
  const dialog = page.getByRole('alertdialog', { name: 'Du loggas snart ut' });
  await expect(dialog).toBeVisible({ timeout: 10_000 });
  await expectNoAxeViolations(page);
  await dialog.getByRole('button', { name: 'Fortsätt vara inloggad' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('heading', { level: 1, name: 'Sök / skriv intyg' })).toBeVisible();

  // Left alone, the warning returns and the session ends.
  await expect(dialog).toBeVisible({ timeout: 10_000 });
  await expect(page.getByRole('heading', { level: 1, name: 'Du har blivit utloggad' })).toBeVisible(
    {
      timeout: 30_000,
    },
  );
  await expectNoAxeViolations(page);
  const status = await page.evaluate(async () => (await fetch('/api/session')).status);
  expect(status).toBe(401);
});

test('the whole journey works by keyboard alone', async ({ app: page }) => {
  await page.goto('/');
  const first = page.getByRole('button', { name: new RegExp(physician.name) });
  await expect(first).toBeVisible();
  for (
    let i = 0;
    i < 10 && !(await first.evaluate((el) => el === document.activeElement));
    i += 1
  ) {
    await page.keyboard.press('Tab');
  }
  await expect(first).toBeFocused();
  await page.keyboard.press('Enter');
  // Anna Lindqvist works at two care units: the log-in ends with their choice, by keyboard too.
  await expect(page.getByRole('heading', { level: 1, name: 'Välj vårdenhet' })).toBeFocused();
  const unit = page.getByRole('list', { name: 'Vårdenheter' }).getByRole('button').first();
  await expect(unit).toBeVisible();
  await page.keyboard.press('Tab');
  await expect(unit).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Sök / skriv intyg' })).toBeFocused();
  const field = page.getByLabel('Personnummer eller samordningsnummer');
  for (
    let i = 0;
    i < 15 && !(await field.evaluate((el) => el === document.activeElement));
    i += 1
  ) {
    await page.keyboard.press('Tab');
  }
  await expect(field).toBeFocused();
  await page.keyboard.type(adult.identityNumber);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Karin Andersson' })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: 'Välj intygstyp' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 2, name: 'Välj intygstyp' })).toBeVisible();
});

test.describe('error pages', () => {
  test('a server error shows the error page with a way forward', async ({ app: page }) => {
    await loginAs(page, 'physician');
    await resetBackend(page, 'server-error');
    await page.reload();
    await expect(page.getByRole('heading', { level: 1, name: 'Något gick fel' })).toBeVisible();
    await expect(page.getByText('Ett tekniskt fel uppstod på servern.')).toBeVisible();
    await expect(page.getByRole('button', { name: 'Försök igen' })).toBeVisible();
    await expect(page.getByRole('link', { name: 'Till startsidan' })).toBeVisible();
    await expectNoAxeViolations(page);
  });

  test('an unknown address shows the not-found page', async ({ app: page }) => {
    await page.goto('/finns-inte');
    await expect(page.getByRole('heading', { level: 1, name: 'Sidan finns inte' })).toBeVisible();
    await expectNoAxeViolations(page);
  });

  test('a blocked service worker shows why the app cannot start', async ({ browser }) => {
    const context = await browser.newContext({ serviceWorkers: 'block' });
    const page = await context.newPage();
    await page.goto('/');
    await expect(
      page.getByRole('heading', { level: 1, name: 'Intyga kunde inte starta' }),
    ).toBeVisible();
    await expectNoAxeViolations(page);
    await context.close();
  });
});
