import { answerBuilders } from '../mocks/builders/certificates';
import { certificateTypes } from '../src/definitions';
import { isAnswerQuestion, type Answers } from '../src/form-engine';
import { expect, expectNoAxeViolations, loginAs, test } from './fixtures';
import { todayInStockholm } from './journey-steps';
import { fillAnswers, fillQuestion, questionArea, questionOf, readDefinition } from './form-filler';

const consentMessage =
  'Patientens samtycke är inte registrerat. Det kan registreras nu eller när intyget signeras.';

/** The first answer of the minimal set that a person clears by emptying one field. */
function clearableAnswer(code: (typeof certificateTypes)[number], answers: Answers): string {
  const definition = readDefinition(code);
  const kinds = new Set(['textArea', 'textField', 'icf', 'date', 'integer']);
  const id = Object.keys(answers).find((key) => kinds.has(questionOf(definition, key).kind));
  if (id === undefined) throw new Error(`${code}: no clearable answer`);
  return id;
}

for (const code of certificateTypes) {
  test.describe(`${code} in the gallery`, () => {
    test('filled with the minimal set, only consent remains; one answer left out is listed and reachable', async ({
      app: page,
    }) => {
      test.setTimeout(90_000);
      const definition = readDefinition(code);
      const minimal = answerBuilders[code].minimal(todayInStockholm());
      const leftOut = clearableAnswer(code, minimal);
      const leftOutQuestion = questionOf(definition, leftOut);

      await loginAs(page, 'physician');
      await page.goto(`/galleri/${code}`);
      await expect(
        page.getByRole('heading', {
          level: 1,
          name: `${definition.formNumber} ${definition.name}`,
        }),
      ).toBeVisible();
      await expectNoAxeViolations(page);

      const panel = page.getByRole('complementary', { name: 'Signering' });
      await fillAnswers(page, definition, minimal);
      await expect(panel.getByText('1 uppgift saknas eller behöver rättas.')).toBeVisible();
      await expect(panel.getByText(consentMessage)).toBeVisible();
      await expectNoAxeViolations(page);

      // Leave one required answer out: it is listed, and its link moves focus to the field.
      const area = questionArea(page, leftOut);
      const field = area.getByRole('textbox').first();
      await field.fill('');
      await field.press('Tab');
      await expect(panel.getByText('2 uppgifter saknas eller behöver rättas.')).toBeVisible();
      const link = panel.getByRole('link', {
        name: new RegExp(`^${escapeRegExp(shortLabel(leftOutQuestion.label ?? ''))}`),
      });
      await expect(link).toBeVisible();
      await link.click();
      await expect(field).toBeFocused();
      await expect(field).toHaveAttribute('aria-invalid', 'true');

      // Putting it back leaves only the consent again.
      if (isAnswerQuestion(leftOutQuestion))
        await fillQuestion(page, leftOutQuestion, minimal[leftOut]);
      await expect(panel.getByText('1 uppgift saknas eller behöver rättas.')).toBeVisible();
    });
  });
}

function shortLabel(label: string): string {
  return label.length > 70 ? label.slice(0, 60).trimEnd() : label;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
