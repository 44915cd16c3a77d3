import type { Locator, Page } from '@playwright/test';
import { seedPatients } from '../mocks/builders/seed-data';
import { createCertificate, expect, expectNoAxeViolations, loginAs, test } from './fixtures';
import { questionArea } from './form-filler';
import { addDays, certificateIdOf, todayInStockholm } from './journey-steps';

/**
 * FMB in FK 7804, by keyboard: the panel beside the diagnoses lists J20's typfall with their
 * lengths; three weeks' sick leave warns naming FMB's 14 days, shortening it clears the
 * warning, the signing dialog asks the physician to confirm having seen it, and a renewal
 * counts the original's period in the total.
 */

/** Replaces a field's text by keyboard: select all, type, leave the field. */
async function typeInto(page: Page, field: Locator, text: string): Promise<void> {
  await field.focus();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.type(text);
  await page.keyboard.press('Tab');
}

async function setFullSickLeave(page: Page, from: string, to: string): Promise<void> {
  const periods = questionArea(page, '32');
  const full = periods.getByRole('checkbox', { name: '100 procent', exact: true });
  if (!(await full.isChecked())) {
    await full.focus();
    await page.keyboard.press('Space');
  }
  await typeInto(page, periods.getByRole('textbox', { name: 'Från och med, 100 procent' }), from);
  await typeInto(page, periods.getByRole('textbox', { name: 'Till och med, 100 procent' }), to);
}

const warningHeading = (page: Page) =>
  questionArea(page, '32').getByRole('heading', { name: 'Längre än FMB rekommenderar' });

test('FMB: J20’s typfall beside the diagnosis, the warning on three weeks, at signing and on renewal', async ({
  app: page,
}) => {
  test.setTimeout(180_000);
  const today = todayInStockholm();
  const id = await createCertificate(page, {
    type: 'fk7804',
    patientId: seedPatients.adult.id,
    answers: 'minimal',
  });
  await loginAs(page, 'physician');
  await page.goto(`/intyg/${id}`);
  await expect(page.getByRole('heading', { level: 1, name: /FK 7804/ })).toBeVisible();

  // The diagnosis, chosen by keyboard from the code list.
  const diagnoses = questionArea(page, '6');
  const code = diagnoses.getByRole('combobox', { name: 'Diagnoskod, Diagnos 1 (huvuddiagnos)' });
  await code.focus();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.type('J20');
  await expect(diagnoses.getByRole('option', { name: /^J20\b/ }).first()).toBeVisible();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(code).toHaveValue('J20');

  // The panel: J20 Akut bronkit, its typfall sorted by length, with the source and date.
  const panel = page.getByRole('region', { name: 'FMB – stöd för sjukskrivning' });
  await expect(panel.getByRole('heading', { name: 'J20 Akut bronkit' })).toBeVisible();
  const typfall = panel.getByRole('list', { name: 'Typfall för J20' }).getByRole('listitem');
  await expect(typfall).toHaveCount(4);
  await expect(typfall.nth(0)).toContainText('Ingen sjukskrivning, heltid');
  await expect(typfall.nth(0)).toContainText('Svårighetsgrad: måttlig');
  await expect(typfall.nth(1)).toContainText('Högst 14 dagar, heltid');
  await expect(typfall.nth(1)).toContainText('Svårighetsgrad: uttalad');
  await expect(typfall.nth(2)).toContainText('Ingen längd angiven');
  await expect(panel).toContainText(
    'Källa: Socialstyrelsen, försäkringsmedicinskt beslutsstöd. Uppgifterna är från 17 juni 2019',
  );
  // It folds away, by keyboard, and comes back.
  const toggle = panel.getByRole('button', { name: /FMB:s rekommendationer/ });
  await toggle.focus();
  await page.keyboard.press('Enter');
  await expect(toggle).toHaveAttribute('aria-expanded', 'false');
  await expect(typfall.first()).toBeHidden();
  await page.keyboard.press('Enter');
  await expect(typfall.first()).toBeVisible();
  await expectNoAxeViolations(page);

  // Three weeks: above FMB's 14 days for J20. Two weeks: no warning.
  await setFullSickLeave(page, today, addDays(today, 20));
  await expect(warningHeading(page)).toBeVisible();
  const warning =
    'Den totala sjukskrivningstiden, 21 dagar, är längre än FMB:s rekommendation på 14 dagar för diagnosen J20 (Akut bronkit).';
  await expect(questionArea(page, '32').getByText(warning)).toBeVisible();
  await expectNoAxeViolations(page);
  await setFullSickLeave(page, today, addDays(today, 13));
  await expect(warningHeading(page)).toHaveCount(0);
  await expect(questionArea(page, '32')).toContainText('Total sjukskrivningstid: 14 dagar.');
  await setFullSickLeave(page, today, addDays(today, 20));
  await expect(warningHeading(page)).toBeVisible();

  // Signing: the dialog shows the warning, and signing waits for the physician to confirm it.
  const signButton = page.getByRole('button', { name: 'Signera intyget' });
  await signButton.focus();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Signera intyget' });
  await expect(dialog.getByText(warning)).toBeVisible();
  const start = dialog.getByRole('button', { name: 'Starta signering' });
  await expect(start).toBeDisabled();
  await expectNoAxeViolations(page);
  await dialog
    .getByRole('checkbox', { name: 'Jag har sett varningen om FMB:s rekommendation.' })
    .focus();
  await page.keyboard.press('Space');
  await start.focus();
  await page.keyboard.press('Enter');
  const identify = dialog.getByRole('button', { name: /Signera med SITHS-kort/ });
  await identify.focus();
  await page.keyboard.press('Enter');
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('heading', { name: 'Intyget är signerat' })).toBeVisible();

  // A renewal continues the sick leave: the original's 21 days count in its total.
  const renew = page.getByRole('list', { name: /^Åtgärder för/ }).getByRole('button', {
    name: 'Förnya',
  });
  await renew.focus();
  await page.keyboard.press('Enter');
  const renewDialog = page.getByRole('dialog', { name: 'Förnya intyget' });
  await renewDialog.getByRole('button', { name: 'Förnya' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByText(/^Förnyar:/)).toBeVisible();
  expect(certificateIdOf(page)).not.toBe(id);
  await setFullSickLeave(page, addDays(today, 21), addDays(today, 27));
  await expect(questionArea(page, '32')).toContainText(
    'Total sjukskrivningstid: 28 dagar, varav 21 dagar i tidigare intyg från vårdenheten.',
  );
  await expect(
    questionArea(page, '32').getByText(
      'Den totala sjukskrivningstiden, 28 dagar, är längre än FMB:s rekommendation på 14 dagar för diagnosen J20 (Akut bronkit).',
    ),
  ).toBeVisible();
  await expectNoAxeViolations(page);
});
