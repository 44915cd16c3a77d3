import type { Page } from '@playwright/test';
import { seedPatients } from '../mocks/builders/seed-data';
import {
  callApiAs,
  createCertificate,
  expect,
  expectNoAxeViolations,
  loginAs,
  loginOnAnotherComputer,
  setFault,
  storedCertificate,
  test,
} from './fixtures';

/**
 * Autosave never loses an edit: the network drops, the server fails, the page is reloaded,
 * another user saves first, a save is slow, the user leaves at once. Every journey ends by
 * reading what the backend stored and comparing it with everything that was typed.
 */

const TREATMENTS = '19';
const OTHER_INFO = '25';

function treatments(page: Page) {
  return page.getByRole('textbox', {
    name: /^Beskriv pågående och planerade medicinska behandlingar/,
  });
}

function otherInfo(page: Page) {
  return page.getByRole('textbox', { name: 'Övriga upplysningar' });
}

/** The save status beside the draft's status (a polite live region). */
function saveStatus(page: Page) {
  return page.getByRole('status').filter({
    hasText: /^(Utkastet är sparat|Ändringar väntar|Sparar…|Kunde inte spara|Inte sparat)/,
  });
}

const SAVED = /^Utkastet är sparat/;
const RETRYING = /^Kunde inte spara – försöker igen/;
/** Long enough for the next retry after an outage (the backoff is at most 10 s), and the save. */
const RECOVERY_MS = 30_000;

// Typed key by key in three parts, with å, ä, ö and punctuation; short, since every key is a
// round trip to the browser and the suite must fit CI's time.
const treatmentParts = [
  'Fysioterapi två gånger i veckan. ',
  'Paracetamol vid behov. ',
  'Stödsamtal; remiss till ortoped.',
];

/** A draft FK 7804 for Karin Andersson with the minimal answers, opened by `who`. */
async function openDraft(page: Page, who: 'physician' | 'secondPhysician' = 'physician') {
  const id = await createCertificate(page, {
    type: 'fk7804',
    patientId: seedPatients.adult.id,
    answers: 'minimal',
  });
  await loginAs(page, who);
  await openById(page, id);
  return id;
}

/**
 * Saves answers on top of the draft's stored version, as another user on their own computer
 * does (with their own session, through the API the app uses).
 */
async function saveFromAnotherComputer(
  page: Page,
  token: string,
  id: string,
  answers: Record<string, string>,
) {
  const stored = await storedCertificate(page, id);
  const saved = await callApiAs(page, token, 'PUT', `/api/certificates/${id}/answers`, {
    version: stored.version,
    answers: { ...stored.answers, ...answers },
  });
  expect(saved.status, 'save from another computer').toBe(200);
}

async function openById(page: Page, id: string) {
  await page.goto(`/intyg/${id}`);
  await expect(
    page.getByRole('heading', { level: 1, name: 'FK 7804 Läkarintyg för sjukpenning' }),
  ).toBeVisible();
  await expect(saveStatus(page)).toHaveText(SAVED);
}

/** The stored answers to the given questions equal `expected`, once saving has caught up. */
async function expectStored(page: Page, id: string, expected: Record<string, string | undefined>) {
  await expect
    .poll(
      async () => {
        const stored = await storedCertificate(page, id);
        return Object.fromEntries(Object.keys(expected).map((key) => [key, stored.answers[key]]));
      },
      { timeout: RECOVERY_MS },
    )
    .toEqual(expected);
}

test.describe('autosave never loses an edit', () => {
  // Typing is slow on a shared machine, and retries back off (1, 2, 4, 8 s …): the first one
  // after an outage may wait.
  test.describe.configure({ timeout: 90_000 });

  test('the network drops while typing: it says so, keeps retrying and saves everything', async ({
    app: page,
  }) => {
    const id = await openDraft(page);
    const [first = '', second = '', third = ''] = treatmentParts;
    await treatments(page).pressSequentially(first);
    await expect(saveStatus(page)).toHaveText(SAVED);

    await setFault(page, 'network-error');
    await treatments(page).pressSequentially(second);
    await expect(saveStatus(page)).toHaveText(RETRYING);
    await expect(saveStatus(page)).toContainText('Dina ändringar finns kvar i webbläsaren.');
    await expectNoAxeViolations(page);

    // Typing goes on while offline.
    await treatments(page).pressSequentially(third);
    await otherInfo(page).pressSequentially('Patienten är informerad om sjukanmälan.');
    expect((await storedCertificate(page, id)).answers[TREATMENTS]).toBe(first);

    await setFault(page, 'none');
    await expect(saveStatus(page)).toHaveText(SAVED, { timeout: RECOVERY_MS });
    await expectStored(page, id, {
      [TREATMENTS]: first + second + third,
      [OTHER_INFO]: 'Patienten är informerad om sjukanmälan.',
    });
    await expect(treatments(page)).toHaveValue(first + second + third);
  });

  test('the server answers 500 for a while, then recovers: everything is saved', async ({
    app: page,
  }) => {
    const id = await openDraft(page);
    const [first = '', second = '', third = ''] = treatmentParts;
    await setFault(page, 'server-error');
    await treatments(page).pressSequentially(first);
    await expect(saveStatus(page)).toHaveText(RETRYING);
    // The user may try again at once rather than wait for the next retry.
    await expect(page.getByRole('button', { name: 'Försök spara nu' })).toBeVisible();
    await expectNoAxeViolations(page);
    await treatments(page).pressSequentially(second);
    await otherInfo(page).pressSequentially('Åter i arbete på heltid efter sjukskrivningen.');
    await expect(saveStatus(page)).toHaveText(RETRYING);
    await treatments(page).pressSequentially(third);
    expect((await storedCertificate(page, id)).answers[TREATMENTS]).toBeUndefined();

    await setFault(page, 'none');
    await expect(saveStatus(page)).toHaveText(SAVED, { timeout: RECOVERY_MS });
    await expectStored(page, id, {
      [TREATMENTS]: first + second + third,
      [OTHER_INFO]: 'Åter i arbete på heltid efter sjukskrivningen.',
    });
  });

  test('a reload with unsaved edits restores them from the browser, says so, and saves them', async ({
    app: page,
  }) => {
    const id = await openDraft(page);
    const [first = '', second = ''] = treatmentParts;
    await setFault(page, 'server-error');
    await treatments(page).pressSequentially(first + second);
    await otherInfo(page).pressSequentially('Kontakt med arbetsgivaren önskas.');
    await expect(saveStatus(page)).toHaveText(RETRYING);

    // Leaving with unsaved changes warns first.
    const warnings: string[] = [];
    page.on('dialog', (dialog) => {
      warnings.push(dialog.type());
      void dialog.accept();
    });
    await page.reload();
    expect(warnings).toEqual(['beforeunload']);
    // The server still fails: the page cannot load the draft, and says so.
    await expect(page.getByRole('heading', { level: 1, name: 'Något gick fel' })).toBeVisible();
    await expect(page.getByText('Ett tekniskt fel uppstod på servern.')).toBeVisible();
    await expectNoAxeViolations(page);

    // The server is back; the user tries again.
    await setFault(page, 'none');
    await page.getByRole('button', { name: 'Försök igen' }).click();
    await expect(
      page.getByRole('heading', { level: 1, name: 'FK 7804 Läkarintyg för sjukpenning' }),
    ).toBeVisible();
    await expect(treatments(page)).toHaveValue(first + second);
    await expect(otherInfo(page)).toHaveValue('Kontakt med arbetsgivaren önskas.');
    await expect(
      page.getByText('Osparade ändringar från ett tidigare besök har återställts och sparas nu.'),
    ).toBeVisible();
    await expectNoAxeViolations(page);
    await expect(saveStatus(page)).toHaveText(SAVED);
    await expectStored(page, id, {
      [TREATMENTS]: first + second,
      [OTHER_INFO]: 'Kontakt med arbetsgivaren önskas.',
    });
  });

  test('two users edit the same draft: the second is told who saved, nothing is overwritten, and keeps what they typed', async ({
    app: page,
  }) => {
    const annaText = 'Patienten har informerats om att sjukanmäla sig till arbetsgivaren.';
    const erikText = treatmentParts.join('');
    // Erik Berg has the draft open in this browser; Anna Lindqvist works on her own computer.
    const id = await openDraft(page, 'secondPhysician');
    const anna = await loginOnAnotherComputer(page, 'physician');

    // Anna saves first.
    await saveFromAnotherComputer(page, anna, id, { [OTHER_INFO]: annaText });
    await expectStored(page, id, { [OTHER_INFO]: annaText });

    // Erik, still on the version he opened, types: his save is refused.
    await treatments(page).pressSequentially(erikText);
    const dialog = page.getByRole('alertdialog', { name: 'Utkastet har ändrats av någon annan' });
    await expect(dialog).toBeVisible();
    await expect(dialog).toContainText('Utkastet ändrades av Anna Lindqvist');
    await expect(dialog).toContainText('Det du har skrivit försvinner inte');
    await expect(saveStatus(page)).toHaveText(
      'Inte sparat – utkastet har ändrats av Anna Lindqvist',
    );
    await expectNoAxeViolations(page);
    // Nothing was overwritten: the store is Anna's until Erik chooses.
    const stored = await storedCertificate(page, id);
    expect(stored.savedBy).toBe('Anna Lindqvist');
    expect(stored.answers[OTHER_INFO]).toBe(annaText);
    expect(stored.answers[TREATMENTS]).toBeUndefined();

    // Erik reloads: he sees Anna's text, and his own is kept beside the form.
    await dialog.getByRole('button', { name: 'Ladda om utkastet' }).click();
    await expect(dialog).toBeHidden();
    await expect(otherInfo(page)).toHaveValue(annaText);
    await expect(treatments(page)).toHaveValue('');
    const kept = page.getByRole('region', { name: 'Dina ändringar som inte sparades' });
    const mine = kept.getByRole('group', { name: /^Beskriv pågående och planerade/ });
    await expect(mine).toContainText(erikText);
    await expectNoAxeViolations(page);

    // He chooses to use his answer: it goes into the form and is saved on top of Anna's.
    await mine.getByRole('button', { name: 'Använd mitt svar' }).click();
    await expect(treatments(page)).toHaveValue(erikText);
    await expect(kept).toBeHidden();
    await expect(
      page.getByText('Ditt svar har förts in i formuläret och sparas nu.'),
    ).toBeVisible();
    await expect(saveStatus(page)).toHaveText(SAVED);
    await expectStored(page, id, { [OTHER_INFO]: annaText, [TREATMENTS]: erikText });
    expect((await storedCertificate(page, id)).savedBy).toBe('Erik Berg');
  });

  test('after a conflict the user closes the dialog and leaves: back on the draft, their text is shown', async ({
    app: page,
  }) => {
    const annaText = 'Återbesök om två veckor.';
    const erikText = 'Sjukgymnastik två gånger i veckan.';
    const id = await openDraft(page, 'secondPhysician');
    const anna = await loginOnAnotherComputer(page, 'physician');
    await saveFromAnotherComputer(page, anna, id, { [OTHER_INFO]: annaText });
    await expectStored(page, id, { [OTHER_INFO]: annaText });

    await treatments(page).pressSequentially(erikText);
    const dialog = page.getByRole('alertdialog', { name: 'Utkastet har ändrats av någon annan' });
    await dialog.getByRole('button', { name: 'Stäng' }).click();
    await expect(dialog).toBeHidden();
    // His text stays on screen, and is not saved over Anna's.
    await expect(treatments(page)).toHaveValue(erikText);
    await page.getByRole('link', { name: 'Till patienten' }).click();
    await expect(page.getByRole('heading', { level: 1, name: /Karin Andersson/ })).toBeVisible();
    await expectStored(page, id, { [OTHER_INFO]: annaText, [TREATMENTS]: undefined });

    await openById(page, id);
    await expect(otherInfo(page)).toHaveValue(annaText);
    const kept = page.getByRole('region', { name: 'Dina ändringar som inte sparades' });
    await expect(kept.getByRole('group', { name: /^Beskriv pågående/ })).toContainText(erikText);
    await expectNoAxeViolations(page);
    await kept.getByRole('button', { name: 'Använd mitt svar' }).click();
    await expect(saveStatus(page)).toHaveText(SAVED);
    await expectStored(page, id, { [OTHER_INFO]: annaText, [TREATMENTS]: erikText });
  });

  test('a slow save while typing: what is typed during it is saved next, never dropped', async ({
    app: page,
  }) => {
    const id = await openDraft(page);
    const [first = '', second = '', third = ''] = treatmentParts;
    await setFault(page, 'slow');
    await treatments(page).pressSequentially(first);
    await expect(saveStatus(page)).toHaveText('Sparar…');
    // Typed while that save is in flight.
    await treatments(page).pressSequentially(second);
    await otherInfo(page).pressSequentially('Läkarbesök om två veckor.');
    await expect(saveStatus(page)).toHaveText('Sparar…');
    await treatments(page).pressSequentially(third);
    await expect(saveStatus(page)).toHaveText(SAVED, { timeout: 15_000 });
    await expectStored(page, id, {
      [TREATMENTS]: first + second + third,
      [OTHER_INFO]: 'Läkarbesök om två veckor.',
    });
  });

  test('leaving right after the last keystroke saves what was typed', async ({ app: page }) => {
    const id = await openDraft(page);
    const [first = '', second = ''] = treatmentParts;
    await treatments(page).pressSequentially(first);
    await expect(saveStatus(page)).toHaveText(SAVED);
    await treatments(page).pressSequentially(second);
    await otherInfo(page).pressSequentially('Sista raden.');
    // At once, before the debounce: away to the patient's page.
    await page.getByRole('link', { name: 'Till patienten' }).click();
    await expect(page.getByRole('heading', { level: 1, name: /Karin Andersson/ })).toBeVisible();
    await expectStored(page, id, {
      [TREATMENTS]: first + second,
      [OTHER_INFO]: 'Sista raden.',
    });
  });
});
