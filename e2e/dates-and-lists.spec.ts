import type { Page } from '@playwright/test';
import { seedPatients } from '../mocks/builders/seed-data';
import {
  createCertificate,
  expect,
  expectNoAxeViolations,
  loginAs,
  sendFromFk,
  test,
} from './fixtures';
import { addDays, todayInStockholm } from './journey-steps';

/** The page's width as it scrolls: more than the window is sideways scrolling. */
const scrollWidth = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth);

test.describe('one date field everywhere, in an English-language browser', () => {
  test.use({ locale: 'en-US' });

  test('a list filter’s date reads åååå-mm-dd, takes shortcuts and has the Swedish calendar', async ({
    app: page,
  }) => {
    test.slow(); // several axe runs each, on a machine that other work shares
    const today = todayInStockholm();
    await createCertificate(page, {
      type: 'fk7210',
      patientId: seedPatients.youngWoman.id,
      status: 'signed',
      answers: 'complete',
    });
    await loginAs(page, 'physician');
    await page.getByRole('link', { name: 'Signerade intyg' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Visar 1 intyg' })).toBeVisible();

    const from = page.getByRole('textbox', { name: 'Signerat från och med' });
    // Not the browser's date input, which would say mm/dd/yyyy here.
    await expect(from).toHaveAttribute('type', 'text');
    await expect(from).toHaveAttribute('placeholder', 'åååå-mm-dd');
    await from.fill('-7d');
    await from.press('Tab');
    await expect(from).toHaveValue(addDays(today, -7));
    await expect(page).toHaveURL(new RegExp(`signedFrom=${addDays(today, -7)}`));

    const to = page.getByRole('textbox', { name: 'Signerat till och med' });
    await page
      .getByRole('button', { name: 'Välj datum i kalendern, Signerat till och med' })
      .click();
    const calendar = page.getByRole('dialog', { name: 'Välj datum: Signerat till och med' });
    await expect(calendar).toBeVisible();
    await expect(calendar.getByRole('grid')).toBeVisible();
    await expect(calendar.getByRole('button', { name: /^Idag, / })).toBeFocused();
    await expectNoAxeViolations(page);
    await page.keyboard.press('Enter');
    await expect(calendar).toBeHidden();
    await expect(to).toHaveValue(today);
    await expect(page).toHaveURL(new RegExp(`signedTo=${today}`));
    await expect(page.getByRole('status').filter({ hasText: 'Visar 1 intyg' })).toBeVisible();

    // What it cannot read is said at the field once it is left.
    await to.fill('31/12/2026');
    await to.press('Tab');
    await expect(to).toHaveAttribute('aria-invalid', 'true');
    await expect(to).toHaveAccessibleDescription(/Ange giltigt datum i formatet åååå-mm-dd\./);
    await expectNoAxeViolations(page);
  });

  test('the consent dialog’s date reads åååå-mm-dd and refuses a day in the future', async ({
    app: page,
  }) => {
    test.slow(); // several axe runs each, on a machine that other work shares
    const today = todayInStockholm();
    const id = await createCertificate(page, {
      type: 'fk7804',
      patientId: seedPatients.adult.id,
      answers: 'complete',
      consent: false,
    });
    await loginAs(page, 'physician');
    await page.goto(`/intyg/${id}`);
    await page.getByRole('button', { name: 'Registrera samtycke' }).first().click();
    const dialog = page.getByRole('dialog', { name: 'Patientens samtycke' });
    const date = dialog.getByRole('textbox', { name: 'Datum då samtycket lämnades' });
    await expect(date).toHaveAttribute('type', 'text');
    await expect(date).toHaveValue(today);
    await expect(date).toHaveAttribute('placeholder', 'åååå-mm-dd');
    await expect(date).toHaveAccessibleDescription(
      `Skriv datum som åååå-mm-dd, eller till exempel ”idag” eller ”+7d”. Datum får inte vara senare än ${today}.`,
    );

    // The calendar opens inside the dialog; Escape closes the calendar, not the dialog.
    await dialog
      .getByRole('button', { name: 'Välj datum i kalendern, Datum då samtycket lämnades' })
      .click();
    const calendar = page.getByRole('dialog', { name: /^Välj datum: Datum då samtycket/ });
    await expect(calendar).toBeVisible();
    await expectNoAxeViolations(page);
    await page.keyboard.press('Escape');
    await expect(calendar).toBeHidden();
    await expect(dialog).toBeVisible();

    await date.fill('imorgon');
    await date.press('Tab');
    await expect(date).toHaveValue(addDays(today, 1));
    await expect(date).toHaveAccessibleDescription(
      /^Fel: Datumet för samtycket kan inte ligga i framtiden\./,
    );
    await expectNoAxeViolations(page);

    await date.fill('igår');
    await date.press('Tab');
    await expect(date).toHaveValue(addDays(today, -1));
    await expect(date).not.toHaveAttribute('aria-invalid');
    await dialog.getByRole('radio', { name: 'Patienten', exact: true }).check();
    await dialog.getByRole('radio', { name: 'Muntligt' }).check();
    await dialog.getByRole('button', { name: 'Registrera samtycket' }).click();
    // Recorded by the backend, then closed: a generous ceiling on a shared machine.
    await expect(dialog).toBeHidden({ timeout: 20_000 });
    await expect(
      page.getByText('Patienten har muntligt samtyckt till elektronisk överföring'),
    ).toBeVisible();
  });
});

test.describe('lists', () => {
  test('back returns to the filtered, sorted page the physician left', async ({ app: page }) => {
    test.slow(); // several axe runs each, on a machine that other work shares
    const patients = [seedPatients.youngWoman, seedPatients.adultMan, seedPatients.adult];
    for (let index = 0; index < 15; index += 1) {
      await createCertificate(page, {
        type: index < 13 ? 'fk7210' : 'fk7804',
        patientId: (patients[index % patients.length] ?? seedPatients.adult).id,
        status: 'signed',
        answers: 'complete',
      });
    }
    await loginAs(page, 'physician');
    await page.getByRole('link', { name: 'Signerade intyg' }).click();
    const summary = page.getByRole('status').filter({ hasText: /^Visar/ });
    await expect(summary).toHaveText('Visar 1–15 av 15 intyg');

    await page.getByRole('combobox', { name: 'Intygstyp' }).selectOption('fk7210');
    await expect(summary).toHaveText('Visar 1–13 av 13 intyg');
    const patientHeader = page.getByRole('columnheader', { name: 'Patient' });
    await patientHeader.getByRole('button').click();
    await expect(patientHeader).toHaveAttribute('aria-sort', 'ascending');
    await patientHeader.getByRole('button').click();
    await expect(patientHeader).toHaveAttribute('aria-sort', 'descending');
    await page.getByRole('combobox', { name: 'Antal per sida' }).selectOption('10');
    await page.getByRole('button', { name: 'Nästa sida' }).click();
    await expect(summary).toHaveText('Visar 11–13 av 13 intyg');
    const left = page.url();
    // Z–A is the list's default order, so the address need not say it.
    expect(new URL(left).search).toBe('?type=fk7210&sort=patient&page=2&pageSize=10');

    // Family names Z–A: the last page holds Karin Andersson's, each with its "Öppna".
    const rows = page.getByRole('row').filter({ hasText: 'Karin Andersson' });
    await expect(rows).toHaveCount(3);
    await rows.first().getByRole('link', { name: 'Öppna: FK 7210, Karin Andersson' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toContainText('FK 7210');
    await page.goBack();

    await expect(page).toHaveURL(left);
    await expect(page.getByRole('heading', { level: 1, name: 'Signerade intyg' })).toBeFocused();
    await expect(summary).toHaveText('Visar 11–13 av 13 intyg');
    await expect(page.getByRole('combobox', { name: 'Intygstyp' })).toHaveValue('fk7210');
    await expect(patientHeader).toHaveAttribute('aria-sort', 'descending');
    await expect(page.getByText('Sida 2 av 2')).toBeVisible();
    await expect(page.getByRole('combobox', { name: 'Antal per sida' })).toHaveValue('10');
    await expectNoAxeViolations(page);
  });

  test.describe('at 1366 × 900', () => {
    test.use({ viewport: { width: 1366, height: 900 } });

    test('the inbox and the signed list do not scroll sideways', async ({ app: page }) => {
      test.slow(); // several axe runs each, on a machine that other work shares
      const today = todayInStockholm();
      for (const patient of [seedPatients.adult, seedPatients.adultMan, seedPatients.youngWoman]) {
        const id = await createCertificate(page, {
          type: 'fk7804',
          patientId: patient.id,
          status: 'sent',
          answers: 'complete',
        });
        await sendFromFk(page, id, {
          kind: 'question',
          topic: 'KOMPLT',
          text: 'Vi behöver veta mer om aktivitetsbegränsningarna.',
          lastDateToReply: addDays(today, 2),
          complements: [{ questionId: '1', instruction: 'Beskriv grunden för bedömningen.' }],
        });
        await sendFromFk(page, id, {
          kind: 'question',
          topic: 'KONTKT',
          text: 'Ring oss.',
        });
      }
      await loginAs(page, 'physician');
      await page.getByRole('link', { name: /^Ej hanterade ärenden/ }).click();
      await expect(page.getByRole('status').filter({ hasText: 'av 6 ärenden' })).toBeVisible();
      expect(await scrollWidth(page)).toBeLessThanOrEqual(1366);
      await expectNoAxeViolations(page);

      await page.getByRole('link', { name: 'Signerade intyg' }).click();
      await expect(page.getByRole('status').filter({ hasText: 'av 3 intyg' })).toBeVisible();
      expect(await scrollWidth(page)).toBeLessThanOrEqual(1366);
    });

    test('a thread opened from the inbox has its heading in sight, below the patient bar', async ({
      app: page,
    }) => {
      test.slow(); // several axe runs each, on a machine that other work shares
      const id = await createCertificate(page, {
        type: 'fk7804',
        patientId: seedPatients.adultMan.id,
        status: 'sent',
        answers: 'complete',
      });
      const long = Array.from(
        { length: 12 },
        (_, index) => `Stycke ${String(index + 1)}: vi behöver veta mer om arbetsförmågan.`,
      ).join('\n\n');
      for (const subject of ['Första frågan', 'Andra frågan', 'Tredje frågan']) {
        await sendFromFk(page, id, { kind: 'question', topic: 'OVRIGT', subject, text: long });
      }
      await loginAs(page, 'careAdmin');
      await page.getByRole('link', { name: /^Ej hanterade ärenden/ }).click();
      await page
        .getByRole('columnheader', { name: 'Skickat/mottaget' })
        .getByRole('button')
        .click();
      // Oldest last (newest first): the first question is the last row, far down its page.
      await page.getByRole('link', { name: 'Öppna: Svara, Per Olof Johansson' }).last().click();
      const thread = page.getByRole('article', { name: 'Första frågan' });
      await expect(thread).toBeFocused();
      const heading = thread.getByRole('heading', { name: 'Första frågan' });
      await expect(heading).toBeInViewport();
      const bar = await page.locator('.certificate-page__top').boundingBox();
      const box = await heading.boundingBox();
      expect(bar).not.toBeNull();
      expect(box).not.toBeNull();
      if (bar !== null && box !== null) expect(box.y).toBeGreaterThanOrEqual(bar.y + bar.height);
      await expectNoAxeViolations(page);
    });
  });

  test.describe('on a phone (390 × 844)', () => {
    test.use({ viewport: { width: 390, height: 844 } });

    test('the filters fold away behind "Filtrera"', async ({ app: page }) => {
      test.slow(); // several axe runs each, on a machine that other work shares
      await createCertificate(page, {
        type: 'fk7210',
        patientId: seedPatients.youngWoman.id,
        status: 'signed',
        answers: 'complete',
      });
      await loginAs(page, 'physician');
      await page.goto('/intyg');
      await expect(page.getByRole('status').filter({ hasText: 'Visar 1 intyg' })).toBeVisible();
      const toggle = page.getByRole('button', { name: 'Filtrera' });
      await expect(toggle).toHaveAttribute('aria-expanded', 'false');
      await expect(page.getByRole('combobox', { name: 'Status' })).toBeHidden();
      await expectNoAxeViolations(page);
      await toggle.click();
      await expect(toggle).toHaveAttribute('aria-expanded', 'true');
      await page.getByRole('combobox', { name: 'Status' }).selectOption({ label: 'Makulerat' });
      await expect(page.getByRole('button', { name: 'Filtrera (1 filter valt)' })).toBeVisible();
      await expect(
        page.getByRole('status').filter({ hasText: 'Det finns inga signerade intyg som matchar.' }),
      ).toBeVisible();
      expect(await scrollWidth(page)).toBeLessThanOrEqual(390);
      await expectNoAxeViolations(page);
    });
  });
});
