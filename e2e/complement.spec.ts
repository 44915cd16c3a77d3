import type { Page } from '@playwright/test';
import { seedPatients } from '../mocks/builders/seed-data';
import { createCertificate, expect, expectNoAxeViolations, loginAs, test } from './fixtures';
import { addDays, signInDialog, swedishDate, todayInStockholm } from './journey-steps';

/** Logs in to the FK simulator in its own tab, as a case officer picked on its start page. */
async function openFkSimulator(page: Page): Promise<void> {
  await page.goto('/fk');
  await expect(
    page.getByRole('heading', { level: 1, name: 'Logga in som handläggare på Försäkringskassan' }),
  ).toBeFocused();
  await expectNoAxeViolations(page);
  await page.getByRole('button', { name: /Helena Strand/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Mottagna intyg' })).toBeFocused();
}

test.describe('the complement flow with the FK simulator in a second tab', () => {
  test('FK requests a complement; the inbox counts it without a reload; the physician consents, completes and signs; FK receives it linked and the request is handled', async ({
    app: care,
  }) => {
    // Three tabs and a whole journey: more than the default time on a shared 2-core machine.
    test.slow();
    const today = todayInStockholm();
    const original = await createCertificate(care, {
      type: 'fk7804',
      patientId: seedPatients.adult.id,
      status: 'sent',
      answers: 'complete',
    });

    // The physician watches the unit's inbox.
    await loginAs(care, 'physician');
    const navLink = care.getByRole('link', { name: /^Ej hanterade ärenden/ });
    await navLink.click();
    await expect(care.getByText('Det finns inga ej hanterade ärenden.')).toBeVisible();

    // FK's case officer, in a second tab, asks for a complement of question 25.
    const fk = await care.context().newPage();
    await openFkSimulator(fk);
    await fk.getByRole('link', { name: 'FK 7804 Läkarintyg för sjukpenning' }).click();
    await expect(
      fk.getByRole('heading', { level: 1, name: 'FK 7804 Läkarintyg för sjukpenning' }),
    ).toBeFocused();
    await expect(fk.getByText('Karin Andersson')).toBeVisible();
    await expectNoAxeViolations(fk);
    const request = fk.getByRole('form', { name: 'Begär komplettering' });
    await request.getByRole('button', { name: 'Skicka kompletteringsbegäran' }).click();
    await expect(request.getByText('Välj minst en fråga att komplettera.')).toBeVisible();
    await request.getByRole('checkbox', { name: /^Övriga upplysningar/ }).check();
    await request
      .getByRole('textbox', { name: 'Instruktion: Övriga upplysningar' })
      .fill('Beskriv hur patientens sömn påverkar arbetsförmågan.');
    await request
      .getByRole('textbox', { name: 'Meddelande till vårdenheten' })
      .fill('Vi behöver veta mer för att kunna fatta beslut om sjukpenning.');
    await request
      .getByRole('textbox', { name: 'Svara senast (valfritt)' })
      .fill(addDays(today, 10));
    await expectNoAxeViolations(fk);
    await request.getByRole('button', { name: 'Skicka kompletteringsbegäran' }).click();
    await expect(
      fk.getByText('Kompletteringsbegäran är skickad till vårdenheten.').first(),
    ).toBeVisible();
    const fkThread = fk.getByRole('article', { name: 'Komplettering' });
    await expect(fkThread).toContainText('Väntar på vårdenheten');

    // The inbox shows it with its deadline, and the count rose, without a reload.
    await expect(navLink).toHaveAccessibleName(/1 ej hanterade/);
    const row = care.getByRole('row').filter({ hasText: 'Karin Andersson' });
    await expect(row).toContainText('Komplettera');
    await expect(row).toContainText(swedishDate(addDays(today, 10)));
    await expectNoAxeViolations(care);

    // The physician meets the request in a new tab: logged in already (one log-in per browser).
    const physician = await care.context().newPage();
    await physician.goto('/sok');
    await physician.getByRole('link', { name: /^Ej hanterade ärenden/ }).click();
    await physician.getByRole('link', { name: 'Öppna: Komplettera, Karin Andersson' }).click();
    const thread = physician.getByRole('article', { name: 'Komplettering' });
    await expect(thread).toBeFocused();
    await expect(thread).toContainText('Beskriv hur patientens sömn påverkar arbetsförmågan.');
    await thread.getByRole('button', { name: 'Komplettera', exact: true }).click();
    const consent = physician.getByRole('dialog', {
      name: 'Patientens samtycke till komplettering',
    });
    await expect(consent).toBeVisible();
    await expectNoAxeViolations(physician);
    await consent.getByRole('radio', { name: 'Patienten', exact: true }).check();
    await consent.getByRole('radio', { name: 'Muntligt' }).check();
    await consent.getByRole('button', { name: 'Registrera samtycket och komplettera' }).click();

    // The complementing draft: the request listed, the question marked with FK's instruction.
    const requests = physician.getByRole('region', {
      name: 'Försäkringskassan begär komplettering',
    });
    // Consent recorded, the complement made and its editor opened: a generous ceiling on a
    // shared machine.
    await expect(requests).toBeVisible({ timeout: 20_000 });
    await expect(
      physician.getByText(
        `Försäkringskassan vill ha kompletteringen senast ${swedishDate(addDays(today, 10))}.`,
        { exact: false },
      ),
    ).toBeVisible();
    await expectNoAxeViolations(physician);
    await requests.getByRole('link', { name: 'Övriga upplysningar' }).click();
    const field = physician.getByRole('textbox', { name: 'Övriga upplysningar' });
    await expect(field).toBeFocused();
    await expect(field).toHaveAccessibleDescription(
      /Försäkringskassan begär komplettering: Beskriv hur patientens sömn påverkar arbetsförmågan\./,
    );
    await field.fill('Patienten sover högst fyra timmar per natt, vilket ger dagtrötthet.');
    await expect(physician.getByText('Utkastet är sparat')).toBeVisible();
    await signInDialog(physician, 'Signera och skicka');
    await expect(physician.getByText(/Skickat till Försäkringskassan/).first()).toBeVisible();

    // FK received the complement, linked to the original; the request is answered.
    await expect(fkThread).toContainText('Besvarad med ett kompletterande intyg');
    await fkThread.getByRole('link', { name: 'Öppna det kompletterande intyget' }).click();
    await expect(fk.getByText('Kompletterar det tidigare mottagna intyget.')).toBeVisible();
    await expect(
      fk.getByText('Patienten sover högst fyra timmar per natt, vilket ger dagtrötthet.'),
    ).toBeVisible();
    await expectNoAxeViolations(fk);
    await fk.getByRole('link', { name: 'det tidigare mottagna intyget' }).click();
    await expect(fk).toHaveURL(new RegExp(`/fk/intyg/${original}$`));

    // The request has left the inbox in the first tab, and the count with it.
    await expect(care.getByText('Det finns inga ej hanterade ärenden.')).toBeVisible();
    await expect(navLink).toHaveAccessibleName(/^Ej hanterade ärenden$/);
  });
});
