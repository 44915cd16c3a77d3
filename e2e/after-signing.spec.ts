import type { Page } from '@playwright/test';
import { seedPatients } from '../mocks/builders/seed-data';
import {
  createCertificate,
  expect,
  expectNoAxeViolations,
  fkReceived,
  loginAs,
  setBackendDate,
  storedCertificate,
  test,
} from './fixtures';
import { addDays, certificateIdOf, signInDialog, todayInStockholm } from './journey-steps';

const actions = (page: Page) => page.getByRole('list', { name: /^Åtgärder för/ });

test.describe('after signing', () => {
  // Each journey renews, revokes or replaces across several pages and checks each with axe:
  // on a shared 2-core machine that can take longer than the default 30 s without anything
  // being wrong.
  test.describe.configure({ timeout: 90_000 });
  test('renewing an FK 7804 leaves out what is assessed anew and links both', async ({
    app: page,
  }) => {
    const originalId = await createCertificate(page, {
      type: 'fk7804',
      patientId: seedPatients.adult.id,
      status: 'sent',
      answers: 'complete',
    });
    const original = await storedCertificate(page, originalId);
    await loginAs(page, 'physician');
    await page.goto(`/intyg/${originalId}`);
    await actions(page).getByRole('button', { name: 'Förnya' }).click();
    const dialog = page.getByRole('dialog', { name: 'Förnya intyget' });
    await expect(dialog).toBeVisible();
    await expectNoAxeViolations(page);
    await dialog.getByRole('button', { name: 'Förnya' }).click();

    await expect(page.getByText(/^Förnyar:/)).toBeVisible();
    const renewedId = certificateIdOf(page);
    expect(renewedId).not.toBe(originalId);
    const renewed = await storedCertificate(page, renewedId);
    const excluded = ['1', '1_3', '32', '39', '39_2', '39_4', '26', '26_2'];
    for (const id of excluded) expect(renewed.answers[id], `question ${id}`).toBeUndefined();
    for (const [id, value] of Object.entries(original.answers)) {
      if (!excluded.includes(id)) expect(renewed.answers[id], `question ${id}`).toEqual(value);
    }
    await expectNoAxeViolations(page);

    // The original names its renewal, still a draft.
    await page.getByRole('link', { name: /signerat intyg/ }).click();
    await expect(page.getByText(/^Förnyas av:/)).toBeVisible();
  });

  test('revoking: a clarification is optional for the wrong patient, a cause is required for another error', async ({
    app: page,
  }) => {
    const wrongPatient = await createCertificate(page, {
      type: 'fk7804',
      patientId: seedPatients.adult.id,
      status: 'sent',
      answers: 'complete',
    });
    const otherError = await createCertificate(page, {
      type: 'fk7804',
      patientId: seedPatients.adult.id,
      status: 'signed',
      answers: 'complete',
    });
    await loginAs(page, 'physician');

    await page.goto(`/intyg/${wrongPatient}`);
    await actions(page).getByRole('button', { name: 'Makulera' }).click();
    const dialog = page.getByRole('dialog', { name: 'Makulera intyget' });
    await expect(dialog).toContainText('informeras mottagaren');
    await expect(dialog).toContainText('Ersätt');
    await expectNoAxeViolations(page);
    await dialog.getByRole('button', { name: 'Makulera' }).click();
    await expect(dialog.getByText('Ange varför intyget ska makuleras.')).toBeVisible();
    await dialog.getByRole('radio', { name: 'Intyget har utfärdats på fel patient' }).check();
    await expect(dialog.getByRole('textbox', { name: /Förtydliga vid behov/ })).toBeVisible();
    await dialog.getByRole('button', { name: 'Makulera' }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByRole('heading', { name: 'Intyget är makulerat' })).toBeVisible();
    await expect(page.getByText('Makulerat', { exact: false }).first()).toBeVisible();
    await expectNoAxeViolations(page);
    const received = (await fkReceived(page)).find((entry) => entry.certificateId === wrongPatient);
    expect(received?.revoked?.reason).toBe('wrong-patient');

    await page.goto(`/intyg/${otherError}`);
    await actions(page).getByRole('button', { name: 'Makulera' }).click();
    const second = page.getByRole('dialog', { name: 'Makulera intyget' });
    await second.getByRole('radio', { name: 'Annat allvarligt fel' }).check();
    const cause = second.getByRole('textbox', { name: 'Ange orsaken till felet' });
    await second.getByRole('button', { name: 'Makulera' }).click();
    await expect(second.getByText('Ange orsaken till felet.')).toBeVisible();
    await expect(cause).toBeFocused();
    await cause.fill('x'.repeat(3501));
    await expect(second.getByText('1 tecken för mycket')).toBeVisible();
    await second.getByRole('button', { name: 'Makulera' }).click();
    await expect(second.getByText('Texten får vara högst 3 500 tecken.')).toBeVisible();
    await expectNoAxeViolations(page);
    await cause.fill('Fel uppgifter om diagnosen.');
    await expect(second.getByText('27 av 3 500 tecken')).toBeVisible();
    await second.getByRole('button', { name: 'Makulera' }).click();
    await expect(second).toBeHidden();
    await expect(page.getByText('Fel uppgifter om diagnosen.')).toBeVisible();
    expect((await storedCertificate(page, otherError)).status).toBe('revoked');
  });

  test('replacing an FK 7800: once the replacement is signed, the original is replaced and can no longer be sent, replaced or renewed', async ({
    app: page,
  }) => {
    test.setTimeout(90_000);
    const originalId = await createCertificate(page, {
      type: 'fk7800',
      patientId: seedPatients.adult.id,
      status: 'signed',
      answers: 'complete',
    });
    const original = await storedCertificate(page, originalId);
    await loginAs(page, 'physician');
    await page.goto(`/intyg/${originalId}`);
    const originalActions = actions(page);
    await expect(originalActions.getByRole('button', { name: 'Förnya' })).toBeEnabled();
    await expect(page.getByRole('button', { name: 'Skicka till Försäkringskassan' })).toBeEnabled();

    await originalActions.getByRole('button', { name: 'Ersätt' }).click();
    const dialog = page.getByRole('dialog', { name: 'Ersätt utlåtandet' });
    await expect(dialog).toContainText('ska du makulera det i stället');
    await expectNoAxeViolations(page);
    await dialog.getByRole('button', { name: 'Ersätt' }).click();

    // The replacement is a full copy of the original, linked to it (with the unit's current
    // contact details).
    await expect(page.getByText(/^Ersätter:/)).toBeVisible();
    const replacementId = certificateIdOf(page);
    expect(replacementId).not.toBe(originalId);
    const { UNIT_CONTACT_INFORMATION: _unit, ...copied } = original.answers;
    expect((await storedCertificate(page, replacementId)).answers).toMatchObject(copied);
    await expectNoAxeViolations(page);

    // While the replacement is a draft, "Ersätt" on the original leads to it.
    await page.getByRole('link', { name: /signerat utlåtande/ }).click();
    await expect(page.getByText(/^Ersätts av:/)).toBeVisible();
    await actions(page)
      .getByRole('button', { name: 'Öppna utkastet som ersätter intyget' })
      .click();
    await expect(page.getByText(/^Ersätter:/)).toBeVisible();
    expect(certificateIdOf(page)).toBe(replacementId);

    // A replacement does not take over the original's consent: signing asks for it.
    await signInDialog(page, 'Signera intyget', { consent: 'Muntligt' });
    await expect(page.getByRole('heading', { name: 'Utlåtandet är signerat' })).toBeVisible();
    await expectNoAxeViolations(page);

    await page.getByRole('link', { name: /signerat utlåtande/ }).click();
    await expect(page.getByText(/^Ersatt av:/)).toBeVisible();
    expect(certificateIdOf(page)).toBe(originalId);
    const replaced = actions(page);
    for (const [name, reason] of [
      ['Ersätt', 'Intyget har ersatts av ett nyare intyg.'],
      ['Förnya', 'Intyget har ersatts av ett nyare intyg och kan inte förnyas.'],
    ] as const) {
      const button = replaced.getByRole('button', { name, exact: true });
      await expect(button).toBeDisabled();
      await expect(button).toHaveAccessibleDescription(reason);
    }
    const send = page.getByRole('button', { name: 'Skicka till Försäkringskassan' });
    await expect(send).toBeDisabled();
    await expect(send).toHaveAccessibleDescription(
      'Intyget har ersatts av ett nyare intyg och kan inte skickas.',
    );
    await expectNoAxeViolations(page);

    // The signed list shows both: the original replaced, the replacement saying what it does.
    await page.getByRole('link', { name: 'Signerade intyg' }).click();
    const rows = page.getByRole('row').filter({ hasText: 'Karin Andersson' });
    await expect(rows.filter({ hasText: 'Ersatt' })).toHaveCount(1);
    await expect(rows.filter({ hasText: 'Ersätter ett tidigare intyg' })).toHaveCount(1);
  });

  test('a draft is deleted after a confirmation, also right after typing', async ({
    app: page,
  }) => {
    const id = await createCertificate(page, {
      type: 'fk7804',
      patientId: seedPatients.adult.id,
      answers: 'minimal',
    });
    await loginAs(page, 'physician');
    await page.goto(`/intyg/${id}`);
    // Deleting right after typing: the pending save goes first, and the delete uses its version.
    await page.getByRole('textbox', { name: 'Övriga upplysningar' }).fill('Skrivet strax före.');
    await actions(page).getByRole('button', { name: 'Radera utkastet' }).click();
    const dialog = page.getByRole('dialog', { name: 'Radera utkastet' });
    await expect(dialog).toContainText('kan inte återskapas');
    await expectNoAxeViolations(page);
    await dialog.getByRole('button', { name: 'Radera' }).click();
    await expect(page.getByRole('heading', { level: 1, name: /Karin Andersson/ })).toBeVisible();
    await page.goto(`/intyg/${id}`);
    await expect(page.getByText('Intyget finns inte på din vårdenhet.')).toBeVisible();
  });

  test('a draft locks when the backend moves 14 days on, and is copied into a new draft', async ({
    app: page,
  }) => {
    const id = await createCertificate(page, {
      type: 'fk7804',
      patientId: seedPatients.adult.id,
      answers: 'minimal',
    });
    const draft = await storedCertificate(page, id);
    await setBackendDate(page, addDays(todayInStockholm(), 14));
    await loginAs(page, 'physician');
    await page.goto(`/intyg/${id}`);
    await expect(page.getByRole('heading', { name: 'Utkastet är låst' })).toBeVisible();
    await expect(page.getByText('Låst utkast').first()).toBeVisible();
    await expect(page.getByRole('button', { name: /^Signera/ })).toHaveCount(0);
    await expectNoAxeViolations(page);

    await actions(page).getByRole('button', { name: 'Kopiera' }).click();
    await expect(page.getByText(/^Kopia av:/)).toBeVisible();
    const copyId = certificateIdOf(page);
    expect(copyId).not.toBe(id);
    const copy = await storedCertificate(page, copyId);
    expect(copy.status).toBe('draft');
    expect(copy.answers).toEqual(draft.answers);
    await expectNoAxeViolations(page);
  });
});
