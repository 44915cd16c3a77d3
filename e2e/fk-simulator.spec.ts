import { seedPatients } from '../mocks/builders/seed-data';
import { createCertificate, expect, expectNoAxeViolations, loginAs, test } from './fixtures';
import { addDays, todayInStockholm } from './journey-steps';

test.describe('the FK simulator', () => {
  test('FK asks and reminds from the simulator, the unit answers; the unit asks, FK answers from the simulator', async ({
    app: care,
  }) => {
    test.slow();
    const today = todayInStockholm();
    await createCertificate(care, {
      type: 'fk7800',
      patientId: seedPatients.adultMan.id,
      status: 'sent',
      answers: 'complete',
    });

    // The start page leads testers to the simulator.
    await care.goto('/');
    await expect(
      care.getByRole('link', { name: 'Öppna Försäkringskassans simulator i en ny flik' }),
    ).toHaveAttribute('href', '/fk');

    const fk = await care.context().newPage();
    await fk.goto('/fk');
    await fk.getByRole('button', { name: /Johan Ek/ }).click();
    await expect(fk.getByRole('status').filter({ hasText: '1 mottaget intyg.' })).toBeVisible();
    await fk
      .getByRole('searchbox', { name: 'Patientens namn eller personnummer' })
      .fill('Lindqvist');
    await fk.getByRole('button', { name: 'Sök' }).click();
    await expect(
      fk.getByText('Försäkringskassan har inte tagit emot några intyg som matchar.'),
    ).toBeVisible();
    await fk
      .getByRole('searchbox', { name: 'Patientens namn eller personnummer' })
      .fill('Johansson');
    await fk.getByRole('button', { name: 'Sök' }).click();
    await fk.getByRole('link', { name: /^FK 7800/ }).click();

    // An administrative question with a deadline; the form says what is missing first.
    const ask = fk.getByRole('form', { name: 'Ny fråga till vårdenheten' });
    await ask.getByRole('button', { name: 'Skicka frågan' }).click();
    await expect(ask.getByText('Välj typ av fråga.')).toBeVisible();
    await expect(ask.getByText('Skriv ett meddelande.')).toBeVisible();
    await ask.getByRole('radio', { name: 'Kontakt' }).check();
    await ask.getByRole('textbox', { name: 'Rubrik (valfritt)' }).fill('Kontakt om arbetsförmågan');
    await ask.getByRole('textbox', { name: 'Meddelande' }).fill('Vi vill tala med läkaren.');
    await ask.getByRole('textbox', { name: 'Svara senast (valfritt)' }).fill(addDays(today, 7));
    await expectNoAxeViolations(fk);
    await ask.getByRole('button', { name: 'Skicka frågan' }).click();
    const question = fk.getByRole('article', { name: 'Kontakt om arbetsförmågan' });
    await expect(question).toContainText('Väntar på vårdenheten');
    await question.getByRole('button', { name: 'Skicka påminnelse' }).click();
    await question.getByRole('textbox', { name: 'Påminnelse' }).fill('Vi väntar på ert svar.');
    await question.getByRole('button', { name: 'Skicka påminnelse' }).click();
    await expect(question).toContainText('Vi väntar på ert svar.');
    await expect(question.getByRole('button', { name: 'Svara vårdenheten' })).toHaveCount(0);

    // The unit answers it, and asks a question of its own.
    await loginAs(care, 'physician');
    await care.getByRole('link', { name: /^Ej hanterade ärenden/ }).click();
    await care.getByRole('link', { name: 'Öppna: Påminnelse: Svara, Per Olof Johansson' }).click();
    const ours = care.getByRole('article', { name: 'Kontakt om arbetsförmågan' });
    await ours
      .getByRole('textbox', { name: 'Svar till Försäkringskassan' })
      .fill('Ring mig på tisdag.');
    await ours.getByRole('button', { name: 'Skicka svar' }).click();
    await expect(ours).toContainText('Ring mig på tisdag.');
    await care.getByRole('button', { name: 'Ny fråga till Försäkringskassan' }).click();
    await care.getByRole('combobox', { name: 'Typ av fråga' }).selectOption({ label: 'Övrigt' });
    await care.getByRole('textbox', { name: 'Meddelande' }).fill('Har ni fått journalkopian?');
    await care.getByRole('button', { name: 'Skicka fråga' }).click();
    await expect(care.getByText('Frågan är skickad till Försäkringskassan.')).toBeVisible();

    // FK sees both without a reload, and answers the unit's question.
    await expect(question).toContainText('Besvarad');
    await expect(question).toContainText('Ring mig på tisdag.');
    const theirs = fk.getByRole('article', { name: 'Övrigt' });
    await expect(theirs).toContainText('Har ni fått journalkopian?');
    // The unit's question waits for FK, who answers it.
    await expect(theirs).toContainText('Väntar på svar från Försäkringskassan');
    await expect(theirs).not.toContainText('Väntar på vårdenheten');
    await theirs.getByRole('button', { name: 'Svara vårdenheten' }).click();
    await theirs.getByRole('textbox', { name: 'Svar till vårdenheten' }).fill('Ja, den kom i går.');
    await expectNoAxeViolations(fk);
    await theirs.getByRole('button', { name: 'Svara vårdenheten' }).click();
    await expect(theirs).toContainText('Besvarad');

    // The unit reads FK's answer where it asked.
    const asked = care.getByRole('article', { name: 'Övrigt' });
    await expect(asked).toContainText('Ja, den kom i går.');
    await expect(asked).toContainText('Läs inkommet svar');
  });
});
