import type { Page } from '@playwright/test';
import { seedPatients, seedUsers } from '../mocks/builders/seed-data';
import type { FkMessageRequest } from '../src/contracts/fk';
import {
  createCertificate,
  expect,
  expectNoAxeViolations,
  loginAs,
  loginToFkSimulator,
  sendFromFk,
  test,
} from './fixtures';
import {
  addDays,
  certificateIdOf,
  recordConsent,
  signInDialog,
  swedishDate,
  todayInStockholm,
} from './journey-steps';

/**
 * Issue 22, items 5 and 10: a renewal continues the sick leave, a replaced certificate says so,
 * the two ready-for-signing states cannot be confused, and the dialogue reads the same on the
 * unit's side and on Försäkringskassan's.
 */

/**
 * What a write makes appear (a new draft, a signature, a revocation) on a machine other
 * engineers share: a generous ceiling, never a sleep.
 */
const AFTER_WRITE = { timeout: 30_000 };

/** An FK 7804 with the builders' complete answers, signed and sent to FK; its id. */
const sentSickLeave = (page: Page, patientId: string) =>
  createCertificate(page, { type: 'fk7804', patientId, status: 'sent', answers: 'complete' });

const actions = (page: Page) => page.getByRole('list', { name: /^Åtgärder för/ });

/** The certificate page's status line under its heading ("Intyg · Ersatt · Till patienten"). */
const statusLine = (page: Page, status: string) =>
  page.getByText(new RegExp(`^Intyg · ${status} ·`));

const fkComplementRequest: FkMessageRequest & { text: string } = {
  kind: 'question',
  topic: 'KOMPLT',
  text: 'Vi behöver veta mer om hur sömnen påverkar arbetsförmågan för att kunna fatta beslut.',
  complements: [
    { questionId: '25', instruction: 'Beskriv hur patientens sömn påverkar arbetsförmågan.' },
  ],
};

test.describe('renewal, replacement and the dialogue read clearly', () => {
  // Whole journeys across pages and tabs, each checked with axe, on a shared 2-core machine.
  test.describe.configure({ timeout: 120_000 });

  test('a renewed FK 7804 shows the previous sick leave and starts a new period the day after it ends', async ({
    app: page,
  }) => {
    const today = todayInStockholm();
    const originalId = await sentSickLeave(page, seedPatients.adult.id);
    await loginAs(page, 'physician');
    await page.goto(`/intyg/${originalId}`);
    await actions(page).getByRole('button', { name: 'Förnya' }).click();
    await page
      .getByRole('dialog', { name: 'Förnya intyget' })
      .getByRole('button', { name: 'Förnya' })
      .click();
    await expect(page.getByText(/^Förnyar:/)).toBeVisible(AFTER_WRITE);

    // The builders' periods: 100 % from three days ago for two weeks, then 50 % to day 38.
    const sickLeave = page.getByRole('group', {
      name: /Min bedömning av patientens nedsättning av arbetsförmågan/,
    });
    await expect(sickLeave).toContainText(
      `Föregående intyg: 100 procent ${addDays(today, -3)} – ${addDays(today, 10)}, ` +
        `50 procent ${addDays(today, 11)} – ${addDays(today, 38)}`,
    );
    // Nothing is proposed inside the previous sick leave: the new period continues it.
    await sickLeave.getByRole('checkbox', { name: '25 procent', exact: true }).check();
    await expect(
      sickLeave.getByRole('textbox', { name: 'Från och med, 25 procent', exact: true }),
    ).toHaveValue(addDays(today, 39));
    await expect(page.getByText('Utkastet är sparat')).toBeVisible(AFTER_WRITE);
    await expectNoAxeViolations(page);
  });

  test('a replaced certificate reads "Ersatt" with a banner leading to its replacement; once that is revoked the original is valid again', async ({
    app: page,
  }) => {
    const originalId = await sentSickLeave(page, seedPatients.adultMan.id);
    await loginAs(page, 'physician');
    await page.goto(`/intyg/${originalId}`);
    await expect(statusLine(page, 'Signerat')).toBeVisible();
    await actions(page).getByRole('button', { name: 'Ersätt' }).click();
    await page
      .getByRole('dialog', { name: 'Ersätt intyget' })
      .getByRole('button', { name: 'Ersätt' })
      .click();
    await expect(page.getByText(/^Ersätter:/)).toBeVisible(AFTER_WRITE);
    const replacementId = certificateIdOf(page);
    // Replacing alone changes nothing for the original: a draft replaces nothing yet.
    await page.getByRole('link', { name: /signerat intyg/ }).click();
    await expect(statusLine(page, 'Signerat')).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Intyget är ersatt' })).toHaveCount(0);
    await page.goto(`/intyg/${replacementId}`);
    await expect(page.getByText(/^Ersätter:/)).toBeVisible(AFTER_WRITE);
    // A replacement asks for the patient's consent anew.
    await recordConsent(page);
    await signInDialog(page, 'Signera intyget');
    await expect(page.getByRole('heading', { name: 'Intyget är signerat' })).toBeVisible(
      AFTER_WRITE,
    );

    // The original: "Ersatt" in its status line, and a banner naming the replacement.
    await page.getByRole('link', { name: /signerat intyg/ }).click();
    expect(certificateIdOf(page)).toBe(originalId);
    await expect(statusLine(page, 'Ersatt')).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Intyget är ersatt' })).toBeVisible();
    await expect(
      page.getByText(
        `Intyget har ersatts av ett nytt intyg, signerat ${swedishDate(todayInStockholm())}. Det är det nya intyget som gäller.`,
      ),
    ).toBeVisible();
    await expectNoAxeViolations(page);
    await page.getByRole('link', { name: 'Öppna det nya intyget' }).click();
    expect(certificateIdOf(page)).toBe(replacementId);

    // The replacement is revoked: the original is the valid certificate again, and says so.
    await actions(page).getByRole('button', { name: 'Makulera' }).click();
    const revoke = page.getByRole('dialog', { name: 'Makulera intyget' });
    await revoke.getByRole('radio', { name: 'Annat allvarligt fel' }).check();
    await revoke
      .getByRole('textbox', { name: 'Ange orsaken till felet' })
      .fill('Fel patient i ersättningen.');
    await revoke.getByRole('button', { name: 'Makulera' }).click();
    await expect(revoke).toBeHidden(AFTER_WRITE);
    await expect(page.getByRole('heading', { name: 'Intyget är makulerat' })).toBeVisible();
    await page.getByRole('link', { name: /signerat intyg/ }).click();
    expect(certificateIdOf(page)).toBe(originalId);
    await expect(statusLine(page, 'Signerat')).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Intyget är ersatt' })).toHaveCount(0);
    await expect(page.getByRole('heading', { name: 'Intyget gäller igen' })).toBeVisible();
    await expect(
      page.getByText(
        'Det intyg som ersatte det här intyget har makulerats. Intyget gäller därför igen.',
      ),
    ).toBeVisible();
    const relations = page.getByRole('list', { name: 'Relationer till andra intyg' });
    await expect(relations).toContainText(
      `Ersattes av ett intyg signerat ${swedishDate(todayInStockholm())}, som sedan makulerades.`,
    );
    await expect(actions(page).getByRole('button', { name: 'Förnya' })).toBeEnabled();
    await expectNoAxeViolations(page);
  });

  test('the drafts list tells "Klar för signering" (who marked it, and when) from "Klart att signera"', async ({
    app: page,
  }) => {
    await createCertificate(page, {
      type: 'fk7804',
      patientId: seedPatients.adultMan.id,
      status: 'ready-for-sign',
      answers: 'complete',
      userId: seedUsers.careAdmin.id,
    });
    await createCertificate(page, {
      type: 'fk7804',
      patientId: seedPatients.youngWoman.id,
      status: 'draft',
      answers: 'complete',
    });
    await loginAs(page, 'physician');
    await page.getByRole('link', { name: /^Ej signerade utkast/ }).click();
    const marked = page.getByRole('row').filter({ hasText: 'Per Olof Johansson' });
    await expect(marked).toContainText('Klar för signering');
    await expect(marked).toContainText(
      new RegExp(
        `Markerat av ${seedUsers.careAdmin.name} ${swedishDate(todayInStockholm())} kl\\. \\d{2}:\\d{2}`,
      ),
    );
    const complete = page.getByRole('row').filter({ hasText: 'Elin Sjöberg' });
    await expect(complete).toContainText('Klart att signera');
    await expect(complete).not.toContainText('Klar för signering');
    await expect(complete).not.toContainText('Markerat av');
    await expectNoAxeViolations(page);
  });

  test("the unit's and FK's sides agree: a begun complement holds back the other answers, FK reads it as answered with a complement, the unit's question as waiting for FK", async ({
    app: care,
  }) => {
    const certificateId = await sentSickLeave(care, seedPatients.adult.id);
    await sendFromFk(care, certificateId, fkComplementRequest);
    await loginAs(care, 'physician');
    await care.goto(`/intyg/${certificateId}`);

    // The unit asks FK a question of its own.
    await care.getByRole('tab', { name: /Administrativa frågor/ }).click();
    await care.getByRole('button', { name: 'Ny fråga till Försäkringskassan' }).click();
    await care.getByRole('combobox', { name: 'Typ av fråga' }).selectOption({ label: 'Övrigt' });
    await care.getByRole('textbox', { name: 'Meddelande' }).fill('Har ni fått journalkopian?');
    await care.getByRole('button', { name: 'Skicka fråga' }).click();
    await expect(care.getByText('Frågan är skickad till Försäkringskassan.')).toBeVisible(
      AFTER_WRITE,
    );

    // The physician begins the complement: FK's overall message above the draft.
    await care.getByRole('tab', { name: /Kompletteringsbegäran/ }).click();
    const request = care.getByRole('article', { name: 'Komplettering' });
    await request.getByRole('button', { name: 'Komplettera', exact: true }).click();
    const consent = care.getByRole('dialog', { name: 'Patientens samtycke till komplettering' });
    await consent.getByRole('radio', { name: 'Patienten', exact: true }).check();
    await consent.getByRole('radio', { name: 'Muntligt' }).check();
    await consent.getByRole('button', { name: 'Registrera samtycket och komplettera' }).click();
    await expect(care.getByText(/^Kompletterar:/)).toBeVisible(AFTER_WRITE);
    const draftId = certificateIdOf(care);
    await expect(
      care.getByRole('heading', { name: 'Meddelande från Försäkringskassan' }),
    ).toBeVisible();
    await expect(care.getByText(fkComplementRequest.text)).toBeVisible();
    await expect(
      care.getByRole('region', { name: 'Försäkringskassan begär komplettering' }),
    ).toBeVisible();
    await expectNoAxeViolations(care);

    // While the draft is begun, the request can be neither closed as "Kan ej komplettera" nor
    // marked handled: FK would get both.
    await care.getByRole('link', { name: /signerat intyg/ }).click();
    expect(certificateIdOf(care)).toBe(certificateId);
    await care.getByRole('tab', { name: /Kompletteringsbegäran/ }).click();
    await expect(
      request.getByRole('link', { name: 'Öppna utkastet som kompletterar intyget' }),
    ).toBeVisible();
    const begun =
      'Det finns ett påbörjat utkast som kompletterar intyget. Signera utkastet, eller radera det om intyget inte ska kompletteras.';
    for (const name of ['Kan ej komplettera', 'Markera som hanterad']) {
      await expect(request.getByRole('button', { name })).toBeDisabled();
      await expect(request.getByText(`${name}: ${begun}`)).toBeVisible();
    }
    await expectNoAxeViolations(care);

    // The complement is written and signed, which sends it to FK.
    await care.goto(`/intyg/${draftId}`);
    const field = care.getByRole('textbox', { name: 'Övriga upplysningar' });
    await field.fill('Patienten sover högst fyra timmar per natt, vilket ger dagtrötthet.');
    await expect(care.getByText('Utkastet är sparat')).toBeVisible(AFTER_WRITE);
    await signInDialog(care, 'Signera och skicka');
    await expect(care.getByText(/Skickat till Försäkringskassan/).first()).toBeVisible(AFTER_WRITE);

    // FK's side: the request answered with a complement, the unit's question waiting for FK.
    const fk = await care.context().newPage();
    await loginToFkSimulator(fk);
    await fk.goto(`/fk/intyg/${certificateId}`);
    const answered = fk.getByRole('article', { name: 'Komplettering' });
    await expect(answered).toContainText('Besvarad med ett kompletterande intyg');
    await expect(answered).not.toContainText('Avslutad av vårdenheten utan svar');
    await expect(
      answered.getByRole('link', { name: 'Öppna det kompletterande intyget' }),
    ).toBeVisible();
    const asked = fk.getByRole('article', { name: 'Övrigt' });
    await expect(asked).toContainText('Väntar på svar från Försäkringskassan');
    await expect(asked).not.toContainText('Väntar på vårdenheten');
    await expect(asked.getByRole('button', { name: 'Svara vårdenheten' })).toBeVisible();
    await expectNoAxeViolations(fk);
  });

  test('FK reads a "Kan ej komplettera" answer once, and sorts its case list', async ({
    app: care,
  }) => {
    const older = await sentSickLeave(care, seedPatients.adult.id);
    await sentSickLeave(care, seedPatients.adultMan.id);
    await sendFromFk(care, older, fkComplementRequest);
    await loginAs(care, 'physician');
    await care.goto(`/intyg/${older}`);
    const reason = 'Ingen på vårdenheten kan ansvara för det medicinska innehållet i intyget.';
    const message = 'Läkaren som skrev intyget har slutat. Kontakta patientens vårdcentral.';
    const request = care.getByRole('article', { name: 'Komplettering' });
    await request.getByRole('button', { name: 'Kan ej komplettera' }).click();
    const dialog = care.getByRole('dialog', { name: 'Kan ej komplettera' });
    await dialog.getByRole('radio', { name: reason }).check();
    await dialog.getByRole('textbox', { name: /^Meddelande till Försäkringskassan/ }).fill(message);
    await dialog.getByRole('button', { name: 'Skicka svar' }).click();
    await expect(dialog).toBeHidden(AFTER_WRITE);
    await expect(request).toContainText('Besvarad med att det inte går att komplettera');
    await expect(request.getByText(reason)).toHaveCount(1);
    await expect(request.getByText(message)).toHaveCount(1);

    const fk = await care.context().newPage();
    await loginToFkSimulator(fk);
    // Newest first by default; the oldest first on request.
    const order = fk.getByRole('combobox', { name: 'Sortering' });
    await expect(order).toHaveValue('desc');
    const firstRow = fk.getByRole('row').nth(1);
    await expect(firstRow).toContainText('Per Olof Johansson');
    await order.selectOption({ label: 'Först mottagna först' });
    await expect(firstRow).toContainText('Karin Andersson');
    await expect(fk.getByRole('table', { name: /först mottagna först/ })).toBeVisible();
    await expectNoAxeViolations(fk);
    await order.selectOption({ label: 'Senast mottagna först' });
    await expect(firstRow).toContainText('Per Olof Johansson');

    await fk.goto(`/fk/intyg/${older}`);
    const answered = fk.getByRole('article', { name: 'Komplettering' });
    await expect(answered).toContainText('Besvarad: vårdenheten kan inte komplettera');
    await expect(answered.getByText(reason)).toHaveCount(1);
    await expect(answered.getByText(message)).toHaveCount(1);
    await expectNoAxeViolations(fk);
  });
});
