import { seedPatients } from '../mocks/builders/seed-data';
import {
  createCertificate,
  damageStoredRecord,
  expect,
  expectNoAxeViolations,
  loginAs,
  sendFromFk,
  storedCertificate,
  test,
} from './fixtures';
import { CLEANED_TEXT, pasteInto, pasteWordProcessorText } from './fk-text-steps';
import { signInDialog } from './journey-steps';

/**
 * Text Försäkringskassan can receive: what is pasted into a certificate's text or an answer
 * to FK is cleaned in the field with a notice; the draft saves and signs the cleaned text; a
 * draft stored with such characters opens, names them and is cleaned when edited.
 */

async function openDraft(page: Parameters<typeof loginAs>[0], id: string) {
  await loginAs(page, 'physician');
  await page.goto(`/intyg/${id}`);
  await expect(page.getByRole('heading', { level: 1, name: /^FK 7804 / })).toBeVisible();
}

test.describe('text FK can receive', () => {
  // Pasting, saving, signing and FK's dialogue, axe at each step: a generous ceiling.
  test.describe.configure({ timeout: 90_000 });

  test('a pasted certificate text is cleaned with a notice, saved and signed as cleaned', async ({
    app: page,
  }) => {
    const id = await createCertificate(page, {
      type: 'fk7804',
      patientId: seedPatients.adult.id,
      answers: 'complete',
    });
    await openDraft(page, id);
    const field = page.getByRole('textbox', { name: 'Övriga upplysningar' });
    await pasteWordProcessorText(field);
    await expect(page.getByText(`${CLEANED_TEXT.length} av 4 000 tecken`)).toBeVisible();
    await expectNoAxeViolations(page);
    await expect(page.getByRole('status').filter({ hasText: /Utkastet är sparat/ })).toBeVisible();
    expect((await storedCertificate(page, id)).answers['25']).toBe(CLEANED_TEXT);

    await signInDialog(page, 'Signera intyget');
    await expect(page.getByRole('heading', { name: 'Intyget är signerat' })).toBeVisible();
    const signed = await storedCertificate(page, id);
    expect(signed.status).toBe('signed');
    expect(signed.answers['25']).toBe(CLEANED_TEXT);
  });

  test('a pasted answer to an FK question is cleaned with a notice and sent as cleaned', async ({
    app: page,
  }) => {
    const id = await createCertificate(page, {
      type: 'fk7804',
      patientId: seedPatients.adult.id,
      answers: 'complete',
      status: 'sent',
    });
    await sendFromFk(page, id, {
      kind: 'question',
      topic: 'KONTKT',
      subject: 'Kontakt önskas',
      text: 'Vi vill tala med läkaren.',
    });
    await loginAs(page, 'physician');
    await page.goto(`/intyg/${id}`);
    const thread = page.getByRole('article', { name: 'Kontakt önskas' });
    await pasteWordProcessorText(
      thread.getByRole('textbox', { name: 'Svar till Försäkringskassan' }),
    );
    await expectNoAxeViolations(page);
    await thread.getByRole('button', { name: 'Skicka svar' }).click();
    await expect(thread).toContainText('Besvarad');
    await expect(thread).toContainText(CLEANED_TEXT);
  });

  test('a draft stored with characters FK cannot receive opens, names them, and is cleaned when edited', async ({
    app: page,
  }) => {
    const id = await createCertificate(page, {
      type: 'fk7804',
      patientId: seedPatients.adult.id,
      answers: 'complete',
    });
    const stored = await storedCertificate(page, id);
    await damageStoredRecord(page, 'certificates', id, {
      set: { answers: { ...stored.answers, '25': 'Gammal text 😀' } },
    });
    await openDraft(page, id);
    const field = page.getByRole('textbox', { name: 'Övriga upplysningar' });
    await expect(field).toHaveValue('Gammal text 😀');
    const panel = page.getByRole('complementary', { name: 'Signering' });
    await panel.getByRole('button', { name: 'Visa vad som saknas i formuläret' }).click();
    const refusal = 'Texten innehåller tecken som Försäkringskassan inte kan ta emot: 😀';
    await expect(
      panel.getByRole('link', { name: `Övriga upplysningar: ${refusal}` }),
    ).toBeVisible();
    await expect(field).toHaveAccessibleDescription(new RegExp(refusal));
    await expectNoAxeViolations(page);

    await pasteInto(field, 'Ny text 😀');
    await expect(field).toHaveValue('Ny text');
    await expect(page.getByText(refusal)).toHaveCount(0);
    await expect(page.getByRole('status').filter({ hasText: /Utkastet är sparat/ })).toBeVisible();
    expect((await storedCertificate(page, id)).answers['25']).toBe('Ny text');
  });
});
