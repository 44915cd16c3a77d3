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

test.describe('"Ej hanterade ärenden"', () => {
  test('lists what the unit must do, due first, filters and sorts, and counts what arrives in any tab', async ({
    app: page,
  }) => {
    const today = todayInStockholm();
    const sickLeave = await createCertificate(page, {
      type: 'fk7804',
      patientId: seedPatients.adult.id,
      status: 'sent',
      answers: 'complete',
    });
    const statement = await createCertificate(page, {
      type: 'fk7800',
      patientId: seedPatients.adultMan.id,
      status: 'sent',
      answers: 'complete',
    });
    const contact = await sendFromFk(page, statement, {
      kind: 'question',
      topic: 'KONTKT',
      text: 'Vi behöver nå behandlande läkare. Ring oss gärna.',
      lastDateToReply: addDays(today, 20),
    });
    await sendFromFk(page, statement, {
      kind: 'reminder',
      threadId: contact,
      text: 'Påminnelse: vi väntar på svar.',
    });
    await sendFromFk(page, sickLeave, {
      kind: 'question',
      topic: 'KOMPLT',
      text: 'Vi behöver veta mer om aktivitetsbegränsningarna.',
      lastDateToReply: addDays(today, 2),
      complements: [{ questionId: '1', instruction: 'Beskriv grunden för bedömningen.' }],
    });

    await loginAs(page, 'careAdmin');
    const navLink = page.getByRole('link', { name: /^Ej hanterade ärenden/ });
    await expect(navLink).toHaveAccessibleName(/2 ej hanterade/);
    await navLink.click();
    await expect(
      page.getByRole('heading', { level: 1, name: 'Ej hanterade ärenden' }),
    ).toBeFocused();
    await expect(
      page.getByRole('status').filter({ hasText: /^Visar 1–2 av 2 ärenden$/ }),
    ).toBeVisible();

    // What is due first comes first, and says so; a reminded question says it was reminded.
    const rows = page.getByRole('row');
    await expect(rows.nth(1)).toContainText('Komplettera');
    await expect(rows.nth(1)).toContainText('Snart sista svarsdag');
    await expect(rows.nth(1)).toContainText('Karin Andersson');
    await expect(rows.nth(2)).toContainText('Påminnelse: Svara');
    await expect(rows.nth(2)).toContainText('Försäkringskassan');
    await expect(page.getByRole('columnheader', { name: 'Svara senast' })).toHaveAttribute(
      'aria-sort',
      'ascending',
    );
    await expectNoAxeViolations(page);

    // Filters: what to do, sender, patient.
    await page.getByRole('combobox', { name: 'Åtgärd' }).selectOption({ label: 'Komplettera' });
    await expect(page.getByRole('status').filter({ hasText: 'Visar 1 ärende' })).toBeVisible();
    await expect(
      page.getByRole('link', { name: 'Öppna: Komplettera, Karin Andersson' }),
    ).toBeVisible();
    await page
      .getByRole('combobox', { name: 'Åtgärd' })
      .selectOption({ label: 'Alla ej hanterade' });
    await page.getByRole('combobox', { name: 'Avsändare' }).selectOption({ label: 'Vårdenheten' });
    await expect(
      page.getByRole('status').filter({ hasText: 'Det finns inga ärenden som matchar.' }),
    ).toBeVisible();
    await page.getByRole('combobox', { name: 'Avsändare' }).selectOption({ label: 'Alla' });
    await page
      .getByRole('searchbox', { name: 'Patient (namn eller personnummer)' })
      .fill('per olof');
    await expect(page.getByRole('status').filter({ hasText: 'Visar 1 ärende' })).toBeVisible();
    await expect(rows.nth(1)).toContainText('Per Olof Johansson');
    await page.getByRole('searchbox', { name: 'Patient (namn eller personnummer)' }).fill('');
    await expect(page.getByRole('status').filter({ hasText: 'av 2 ärenden' })).toBeVisible();

    // Sorting by patient, both ways, and the header says so.
    const patientHeader = page.getByRole('columnheader', { name: 'Patient' });
    await patientHeader.getByRole('button').click();
    await expect(patientHeader).toHaveAttribute('aria-sort', 'ascending');
    await expect(rows.nth(1)).toContainText('Karin Andersson');
    await patientHeader.getByRole('button').click();
    await expect(patientHeader).toHaveAttribute('aria-sort', 'descending');
    await expect(rows.nth(1)).toContainText('Per Olof Johansson');

    // A question FK sends from another tab shows up here, and in the count, without a reload.
    const otherTab = await page.context().newPage();
    await sendFromFk(otherTab, sickLeave, {
      kind: 'question',
      topic: 'AVSTMN',
      text: 'Vi föreslår ett avstämningsmöte den 15 december.',
    });
    await otherTab.close();
    await expect(page.getByRole('status').filter({ hasText: 'av 3 ärenden' })).toBeVisible();
    await expect(navLink).toHaveAccessibleName(/3 ej hanterade/);

    // The row leads to the question on its certificate.
    await page.getByRole('link', { name: 'Öppna: Komplettera, Karin Andersson' }).click();
    await expect(page).toHaveURL(new RegExp(`/intyg/${sickLeave}#arende-`));
    // Only those who may sign the type answer that it cannot be complemented.
    await expect(page.getByRole('article', { name: 'Komplettering' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Kan ej komplettera' })).toHaveCount(0);
  });
});
