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

test.describe('the dialogue panel beside a sent certificate', () => {
  test('FK asks and reminds, the unit answers (the draft survives a reload); the unit asks, FK answers, handled and reopened; forwarded without patient data', async ({
    app: page,
  }) => {
    const statement = await createCertificate(page, {
      type: 'fk7800',
      patientId: seedPatients.adultMan.id,
      status: 'sent',
      answers: 'complete',
    });
    const question = await sendFromFk(page, statement, {
      kind: 'question',
      topic: 'KONTKT',
      subject: 'Kontakt önskas',
      text: 'Vi vill tala med läkaren om arbetsförmågan.\nRing gärna på förmiddagen.',
      lastDateToReply: addDays(todayInStockholm(), 10),
    });
    await sendFromFk(page, statement, {
      kind: 'reminder',
      threadId: question,
      text: 'Vi har inte fått något svar.',
    });

    await loginAs(page, 'careAdmin');
    await page.getByRole('link', { name: /^Ej hanterade ärenden/ }).click();
    await page.getByRole('link', { name: 'Öppna: Påminnelse: Svara, Per Olof Johansson' }).click();
    const thread = page.getByRole('article', { name: 'Kontakt önskas' });
    await expect(thread).toBeFocused();
    await expect(page.getByRole('tab', { name: /Administrativa frågor/ })).toHaveAttribute(
      'aria-selected',
      'true',
    );
    await expect(page.getByRole('tab', { name: /Administrativa frågor/ })).toHaveAccessibleName(
      /1 ej hanterade/,
    );
    await expect(thread).toContainText('Svara senast');
    await expect(thread.getByRole('heading', { name: /^Påminnelse/ })).toBeVisible();
    await expect(thread).toContainText('Ring gärna på förmiddagen.');
    await expectNoAxeViolations(page);

    // The answer's draft is saved as typing pauses, and is there after a reload.
    const answer = thread.getByRole('textbox', { name: 'Svar till Försäkringskassan' });
    await answer.fill('Läkaren ringer er på torsdag förmiddag.');
    await expect(thread.getByRole('status')).toContainText('Utkastet till svar sparat');
    await page.reload();
    const again = page.getByRole('article', { name: 'Kontakt önskas' });
    await expect(again.getByRole('textbox', { name: 'Svar till Försäkringskassan' })).toHaveValue(
      'Läkaren ringer er på torsdag förmiddag.',
    );
    await again.getByRole('button', { name: 'Skicka svar' }).click();
    await expect(again).toContainText('Besvarad');
    await expect(again).toContainText('Svar från vårdenheten (Maria Holm)');
    await expect(
      page.getByRole('link', { name: /^Ej hanterade ärenden/ }),
    ).not.toHaveAccessibleName(/ej hanterade$/);

    // The unit asks FK a question of its own.
    await page.getByRole('button', { name: 'Ny fråga till Försäkringskassan' }).click();
    await page.getByRole('button', { name: 'Skicka fråga' }).click();
    await expect(page.getByRole('combobox', { name: /Typ av fråga/ })).toHaveAccessibleDescription(
      'Välj typ av fråga.',
    );
    await expect(page.getByText('Skriv ett meddelande.')).toBeVisible();
    await page
      .getByRole('combobox', { name: /Typ av fråga/ })
      .selectOption({ label: 'Avstämningsmöte' });
    await page
      .getByRole('textbox', { name: /Meddelande/ })
      .fill('Vi föreslår ett avstämningsmöte vecka 51.');
    await expectNoAxeViolations(page);
    await page.getByRole('button', { name: 'Skicka fråga' }).click();
    await expect(page.getByText('Frågan är skickad till Försäkringskassan.')).toBeVisible();
    const ours = page.getByRole('article', { name: 'Avstämningsmöte' });
    await expect(ours).toContainText('Invänta svar');
    await expect(ours).toContainText('Från vårdenheten (Maria Holm)');

    // Forwarding: an e-mail with a link, and nothing that names the patient.
    const forward = ours.getByRole('link', { name: 'Vidarebefordra' });
    const mailto = decodeURIComponent((await forward.getAttribute('href')) ?? '');
    expect(mailto).toContain(`/intyg/${statement}#arende-`);
    expect(mailto).not.toContain('Per Olof');
    expect(mailto).not.toContain('Johansson');
    // The patient's number in any of its written forms (the link's ids are random hex and
    // may hold long runs of digits, so a bare digit pattern would flake).
    const number = seedPatients.adultMan.identityNumber;
    for (const form of [number, `${number.slice(0, 8)}-${number.slice(8)}`, number.slice(2)]) {
      expect(mailto).not.toContain(form);
    }
    expect(mailto).not.toContain(`${number.slice(2, 8)}-${number.slice(8)}`);
    await forward.click();
    await expect(ours).toContainText('Vidarebefordrad');

    // FK answers from elsewhere: it shows without a reload, is read, handled and reopened.
    const ourId = ((await ours.getAttribute('id')) ?? '').replace('arende-', '');
    await sendFromFk(page, statement, {
      kind: 'answer',
      threadId: ourId,
      text: 'Vecka 51 passar bra, vi återkommer med tid.',
    });
    await expect(ours).toContainText('Läs inkommet svar');
    await expect(ours).toContainText('Vecka 51 passar bra');
    await ours.getByRole('button', { name: 'Markera som hanterad' }).click();
    await expect(ours).toContainText('Markerad som hanterad');
    await ours.getByRole('button', { name: 'Markera som ej hanterad' }).click();
    await expect(ours).toContainText('Läs inkommet svar');
  });

  test('a complement request is marked handled only after a confirmation', async ({
    app: page,
  }) => {
    const sickLeave = await createCertificate(page, {
      type: 'fk7804',
      patientId: seedPatients.adult.id,
      status: 'sent',
      answers: 'complete',
    });
    await sendFromFk(page, sickLeave, {
      kind: 'question',
      topic: 'KOMPLT',
      subject: 'Komplettering av diagnos',
      text: 'Vi behöver mer underlag.',
      complements: [{ questionId: '1', instruction: 'Beskriv undersökningen.' }],
    });
    await loginAs(page, 'physician');
    await page.getByRole('link', { name: /^Ej hanterade ärenden/ }).click();
    await page.getByRole('link', { name: 'Öppna: Komplettera, Karin Andersson' }).click();
    const request = page.getByRole('article', { name: 'Komplettering av diagnos' });
    await expect(request).toContainText('Beskriv undersökningen.');
    await expect(page.getByRole('tab', { name: /Kompletteringsbegäran/ })).toHaveAttribute(
      'aria-selected',
      'true',
    );
    // The tabs are reached and switched by keyboard.
    await page.getByRole('tab', { name: /Kompletteringsbegäran/ }).focus();
    await page.keyboard.press('ArrowRight');
    await expect(page.getByRole('tab', { name: /Administrativa frågor/ })).toBeFocused();
    await expect(page.getByText('Det finns inga administrativa frågor.')).toBeVisible();
    await page.keyboard.press('ArrowLeft');
    await expect(request).toBeVisible();

    await request.getByRole('button', { name: 'Markera som hanterad' }).click();
    const dialog = page.getByRole('alertdialog', {
      name: 'Markera kompletteringsbegäran som hanterad?',
    });
    await expect(dialog).toBeVisible();
    await expectNoAxeViolations(page);
    await dialog.getByRole('button', { name: 'Avbryt' }).click();
    await expect(request).toContainText('Komplettera');
    await request.getByRole('button', { name: 'Markera som hanterad' }).click();
    await dialog.getByRole('button', { name: 'Markera som hanterad' }).click();
    await expect(request).toContainText('Markerad som hanterad');
    await expect(request.getByRole('button', { name: 'Markera som ej hanterad' })).toHaveCount(0);
  });

  test('"Kan ej komplettera" with each of the two reasons handles the request', async ({
    app: page,
  }) => {
    const reasons = [
      {
        patientId: seedPatients.adult.id,
        patient: 'Karin Andersson',
        reason: 'Ingen ytterligare medicinsk information kan anges.',
        field: 'Kommentar',
        missing: 'Skriv en kommentar.',
        text: 'Patienten har inte besökt mottagningen sedan intyget skrevs.',
      },
      {
        patientId: seedPatients.youngWoman.id,
        patient: 'Elin Sjöberg',
        reason: 'Ingen på vårdenheten kan ansvara för det medicinska innehållet i intyget.',
        field: 'Meddelande till Försäkringskassan',
        missing: 'Skriv ett meddelande till Försäkringskassan.',
        text: 'Läkaren som skrev intyget har slutat. Kontakta patientens vårdcentral.',
      },
    ];
    for (const { patientId } of reasons) {
      const sickLeave = await createCertificate(page, {
        type: 'fk7804',
        patientId,
        status: 'sent',
        answers: 'complete',
      });
      await sendFromFk(page, sickLeave, {
        kind: 'question',
        topic: 'KOMPLT',
        subject: 'Begäran om komplettering',
        text: 'Vi behöver mer underlag.',
        complements: [{ questionId: '1', instruction: 'Beskriv undersökningen.' }],
      });
    }
    await loginAs(page, 'physician');
    for (const { patient, reason, field, missing, text } of reasons) {
      await page.getByRole('link', { name: /^Ej hanterade ärenden/ }).click();
      await page.getByRole('link', { name: `Öppna: Komplettera, ${patient}` }).click();
      const request = page.getByRole('article', { name: 'Begäran om komplettering' });
      await request.getByRole('button', { name: 'Kan ej komplettera' }).click();
      const dialog = page.getByRole('dialog', { name: 'Kan ej komplettera' });
      await dialog.getByRole('button', { name: 'Skicka svar' }).click();
      await expect(dialog.getByText('Välj varför du inte kan komplettera.')).toBeVisible();
      await dialog.getByRole('radio', { name: reason }).check();
      await expect(
        dialog.getByRole('heading', { name: 'Ingen medicinsk information får anges.' }),
      ).toBeVisible();
      await dialog.getByRole('button', { name: 'Skicka svar' }).click();
      await expect(dialog.getByText(missing)).toBeVisible();
      const box = dialog.getByRole('textbox', { name: new RegExp(`^${field}`) });
      await expect(box).toHaveAttribute('maxlength', '500');
      await box.fill(text);
      await expectNoAxeViolations(page);
      await dialog.getByRole('button', { name: 'Skicka svar' }).click();
      await expect(dialog).toBeHidden();
      await expect(request).toContainText('Besvarad med att det inte går att komplettera');
      await expect(request).toContainText(reason);
      await expect(request).toContainText(text);
      await expect(
        page.getByRole('tab', { name: /Kompletteringsbegäran/ }),
      ).not.toHaveAccessibleName(/ej hanterade/);
    }
    // Both requests are handled: they have left the inbox.
    await page.getByRole('link', { name: /^Ej hanterade ärenden/ }).click();
    await expect(
      page.getByRole('status').filter({ hasText: 'Det finns inga ej hanterade ärenden.' }),
    ).toBeVisible();
  });
});
