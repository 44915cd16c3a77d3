import type { Page } from '@playwright/test';
import { seedPatients, seedUsers } from '../mocks/builders/seed-data';
import {
  auditLog,
  createCertificate,
  expect,
  expectNoAxeViolations,
  interceptPrinting,
  loginAs,
  storedCertificate,
  test,
} from './fixtures';
import { formatIdentityNumber } from '../src/contracts/identity-number';
import { nameWithTitle } from '../src/language/swedish';
import { readDefinition } from './form-filler';
import { pdfPages, squash } from './pdf-text';

const actions = (page: Page) => page.getByRole('list', { name: /^Åtgärder för/ });

/** Waits until the page has asked the browser to print `calls` times. */
async function expectPrinted(page: Page, calls: number): Promise<void> {
  await expect(page.locator('html')).toHaveAttribute('data-print-calls', String(calls));
}

/** The PDF of the page as the browser prints it, as text without whitespace. */
async function printedText(page: Page): Promise<string> {
  const pdf = await page.pdf({ format: 'A4' });
  return squash((await pdfPages(pdf)).join(' '));
}

/** Every answer the certificate's view shows on screen, as text without whitespace. */
async function answersOnScreen(page: Page, name: RegExp): Promise<string[]> {
  const view = page.getByRole('article', { name });
  await expect(view).toBeVisible();
  const answers = await view.getByRole('definition').allInnerTexts();
  return answers.map(squash).filter((answer) => answer !== '');
}

test.describe('printing', () => {
  test.beforeEach(async ({ app: page }) => {
    await interceptPrinting(page);
  });

  test('a signed FK 7804 prints every visible answer, the signer, the consent and the sending', async ({
    app: page,
  }) => {
    const id = await createCertificate(page, {
      type: 'fk7804',
      patientId: seedPatients.adult.id,
      status: 'sent',
      answers: 'complete',
    });
    await loginAs(page, 'physician');
    await page.goto(`/intyg/${id}`);
    const answers = await answersOnScreen(page, /^FK 7804/);
    expect(answers.length).toBeGreaterThan(10);

    await actions(page).getByRole('button', { name: 'Skriv ut' }).click();
    await expectPrinted(page, 1);

    // The print layout is the only thing printed, and it is accessible too.
    await page.emulateMedia({ media: 'print' });
    await expect(page.getByRole('navigation')).toBeHidden();
    await expectNoAxeViolations(page);
    await page.emulateMedia({ media: null });

    const text = await printedText(page);
    expect(text).toContain(squash('FK 7804'));
    expect(text).toContain(squash('Läkarintyg för sjukpenning'));
    expect(text).toContain(
      squash(
        `${seedPatients.adult.firstName} ${seedPatients.adult.lastName}, ${formatIdentityNumber(seedPatients.adult.identityNumber)}`,
      ),
    );
    expect(text).toContain(
      squash(`av ${nameWithTitle(seedUsers.physician.name, seedUsers.physician.title)}`),
    );
    expect(text).toContain(squash('Skickat till Försäkringskassan'));
    expect(text).toContain(squash('har muntligt samtyckt till elektronisk överföring'));
    for (const answer of answers)
      expect(text, 'every answer on screen is printed').toContain(answer);
    expect(text).not.toContain(squash('får inte skickas'));
    // Only the layout: no navigation or buttons.
    expect(text).not.toContain(squash('Ej signerade utkast'));
    expect(text).not.toContain(squash('Makulera'));

    const printed = (await auditLog(page)).filter((entry) => entry.action === 'certificate-print');
    expect(printed).toEqual([
      expect.objectContaining({
        certificateId: id,
        userId: seedUsers.physician.id,
        role: 'physician',
        purpose: 'Vård och behandling',
      }),
    ]);
  });

  test('a draft prints what is on screen, marked as a draft that must not be sent', async ({
    app: page,
  }) => {
    const id = await createCertificate(page, {
      type: 'fk7804',
      patientId: seedPatients.adult.id,
      status: 'draft',
      answers: 'complete',
    });
    await loginAs(page, 'physician');
    await page.goto(`/intyg/${id}`);
    const typed = 'Utskriven direkt efter att detta skrevs, innan autosparningen hunnit köra.';
    const other = page.getByRole('textbox', { name: 'Övriga upplysningar' });
    await other.fill(typed);
    // Printing at once: the pending save is made first, and printing uses its version.
    await actions(page).getByRole('button', { name: 'Skriv ut utkastet' }).click();
    await expectPrinted(page, 1);

    const pages = await pdfPages(await page.pdf({ format: 'A4' }));
    expect(pages.length).toBeGreaterThan(1);
    for (const text of pages) {
      expect(squash(text), 'every page is marked').toContain(squash('Utkast – får inte skickas'));
    }
    const text = squash(pages.join(' '));
    expect(text).toContain(squash('Inte signerat'));
    expect(text).toContain(squash('Inte skickat'));
    expect(text).toContain(squash(typed));
    const stored = await storedCertificate(page, id);
    expect(stored.answers['25']).toBe(typed);
    const definition = readDefinition('fk7804');
    for (const category of definition.categories) {
      for (const question of category.questions) {
        const value = stored.answers[question.id];
        if (question.kind === 'textArea' && typeof value === 'string') {
          expect(text, `answer ${question.id} is printed`).toContain(squash(value));
        }
      }
    }

    // The browser's own print (Ctrl+P; page.pdf() prints as it does) prints the layout with
    // what is on screen now, and is logged too.
    await other.fill(`${typed} Och en rad till.`);
    expect(await printedText(page)).toContain(squash(`${typed} Och en rad till.`));
    await expect
      .poll(
        async () =>
          (await auditLog(page)).filter((entry) => entry.action === 'certificate-print').length,
      )
      .toBe(2);
  });

  test('a revoked certificate prints marked as revoked', async ({ app: page }) => {
    const id = await createCertificate(page, {
      type: 'fk7804',
      patientId: seedPatients.adult.id,
      status: 'revoked',
      answers: 'complete',
    });
    await loginAs(page, 'physician');
    await page.goto(`/intyg/${id}`);
    await actions(page).getByRole('button', { name: 'Skriv ut' }).click();
    await expectPrinted(page, 1);
    const pages = await pdfPages(await page.pdf({ format: 'A4' }));
    for (const text of pages) expect(squash(text)).toContain(squash('Makulerat – gäller inte'));
    const text = squash(pages.join(' '));
    expect(text).toMatch(/Makulerat\d/);
    expect(text).toContain(squash('Intyget gäller inte.'));
  });

  test('printing for a patient with a protected identity warns first, and Avbryt prints nothing', async ({
    app: page,
  }) => {
    const id = await createCertificate(page, {
      type: 'fk7804',
      patientId: seedPatients.protectedIdentity.id,
      status: 'sent',
      answers: 'complete',
    });
    await loginAs(page, 'physician');
    await page.goto(`/intyg/${id}`);
    await actions(page).getByRole('button', { name: 'Skriv ut' }).click();
    const warning = page.getByRole('dialog', { name: 'Patienten har skyddade personuppgifter' });
    await expect(warning).toContainText('Hantera den varsamt');
    await expect(warning.getByRole('button', { name: 'Avbryt' })).toBeFocused();
    await expectNoAxeViolations(page);
    await warning.getByRole('button', { name: 'Avbryt' }).press('Enter');
    await expect(warning).toBeHidden();
    await expect(page.locator('html')).not.toHaveAttribute('data-print-calls');

    await actions(page).getByRole('button', { name: 'Skriv ut' }).click();
    await warning.getByRole('button', { name: 'Skriv ut' }).click();
    await expectPrinted(page, 1);
  });
});
