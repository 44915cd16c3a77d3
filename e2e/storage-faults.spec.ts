import type { Page } from '@playwright/test';
import { seedPatients } from '../mocks/builders/seed-data';
import {
  createCertificate,
  damageStoredRecord,
  expect,
  expectNoAxeViolations,
  loginAs,
  setFault,
  storedCertificate,
  test,
} from './fixtures';

/**
 * Failures of the store stay small (issue 21, item 10): the store cannot write (a full disk,
 * the browser's quota) while the physician types, and everything typed is stored once it can
 * again; one damaged stored draft fails only the requests for that draft.
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
/** Long enough for the next retry after an outage (the backoff is at most 30 s). */
const RECOVERY_MS = 35_000;

const heading = 'FK 7804 Läkarintyg för sjukpenning';

async function openDraft(page: Page): Promise<string> {
  const id = await createCertificate(page, {
    type: 'fk7804',
    patientId: seedPatients.adult.id,
    answers: 'minimal',
  });
  await loginAs(page, 'physician');
  await page.goto(`/intyg/${id}`);
  await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
  await expect(saveStatus(page)).toHaveText(SAVED);
  return id;
}

// Typing is slow on a shared machine, and retries back off (1, 2, 4, 8 s …): the first one
// after the outage may wait.
test.describe.configure({ timeout: 120_000 });

/** A page's first save loads the ICD-10-SE code list into its embedded backend first. */
const FIRST_SAVE_MS = 20_000;

test.describe('the store fails while the physician types', () => {
  test('autosave says it retries, keeps the edit, and stores everything typed once the store is back', async ({
    app: page,
  }) => {
    const id = await openDraft(page);
    const first = 'Fysioterapi två gånger i veckan. ';
    const second = 'Paracetamol vid behov. ';
    const third = 'Remiss till ortoped.';
    const other = 'Patienten är informerad om sjukanmälan; återbesök om två veckor.';
    await treatments(page).pressSequentially(first);
    await expect(saveStatus(page)).toHaveText(SAVED, { timeout: FIRST_SAVE_MS });

    // The disk (the browser's storage quota) is full: every write to the store fails.
    await setFault(page, 'storage-error');
    await treatments(page).pressSequentially(second);
    await expect(saveStatus(page)).toHaveText(RETRYING);
    await expect(saveStatus(page)).toContainText('Dina ändringar finns kvar i webbläsaren.');
    await expectNoAxeViolations(page);
    // Typing goes on meanwhile; the store still has only the first part.
    await treatments(page).pressSequentially(third);
    await otherInfo(page).pressSequentially(other);
    expect((await storedCertificate(page, id)).answers[TREATMENTS]).toBe(first);

    await setFault(page, 'none');
    await expect(saveStatus(page)).toHaveText(SAVED, { timeout: RECOVERY_MS });
    await expect
      .poll(
        async () => {
          const { answers } = await storedCertificate(page, id);
          return [answers[TREATMENTS], answers[OTHER_INFO]];
        },
        { timeout: RECOVERY_MS },
      )
      .toEqual([first + second + third, other]);
    await expect(treatments(page)).toHaveValue(first + second + third);
  });
});

test.describe('a damaged stored draft', () => {
  test('fails only where it is opened, in Swedish; the lists and the other drafts work', async ({
    app: page,
  }) => {
    const damaged = await createCertificate(page, {
      type: 'fk7804',
      patientId: seedPatients.adult.id,
    });
    const healthy = await createCertificate(page, {
      type: 'fk7800',
      patientId: seedPatients.adult.id,
    });
    await damageStoredRecord(page, 'certificates', damaged, { remove: ['answers'] });
    await loginAs(page, 'physician');

    // The count and "Ej signerade utkast" name both (the list's rows are intact).
    const draftsLink = page.getByRole('link', { name: /^Ej signerade utkast/ });
    await expect(draftsLink).toHaveAccessibleName('Ej signerade utkast 2 ej signerade');
    await draftsLink.click();
    await expect(
      page.getByRole('heading', { level: 1, name: 'Ej signerade utkast' }),
    ).toBeVisible();
    await expect(page.getByRole('row').filter({ hasText: 'Karin Andersson' })).toHaveCount(2);

    await page.goto(`/intyg/${damaged}`);
    await expect(
      page.getByText('Intyget kunde inte läsas. Kontakta support om felet kvarstår.'),
    ).toBeVisible({ timeout: 30_000 });
    await expect(page.getByText(/StoredRecordError|stack|schema/)).toHaveCount(0);
    await expectNoAxeViolations(page);

    await page.goto(`/intyg/${healthy}`);
    await expect(page.getByRole('heading', { level: 1, name: /^FK 7800/ })).toBeVisible();
  });
});
