import { readFileSync } from 'node:fs';
import { expect, type Locator, type Page } from '@playwright/test';
import {
  parseDefinition,
  readValue,
  type AnswerQuestion,
  type Answers,
  type CertificateDefinition,
  type Question,
} from '../src/form-engine';
import type { CertificateTypeCode } from '../src/definitions';

/**
 * The testers' form kit: reads a definition, and fills answers into the generated form the
 * way a person would (by role and Swedish accessible name, typing and clicking), in the
 * definition's order so that questions appear as their rules open them.
 */

export function readDefinition(code: CertificateTypeCode): CertificateDefinition {
  return parseDefinition(
    JSON.parse(readFileSync(new URL(`../src/definitions/${code}.json`, import.meta.url), 'utf8')),
  );
}

export function questionOf(definition: CertificateDefinition, id: string): Question {
  for (const category of definition.categories) {
    const found = category.questions.find((question) => question.id === id);
    if (found) return found;
  }
  throw new Error(`no question ${id} in ${definition.code}`);
}

/** The part of the page that holds one question. */
export function questionArea(page: Page, questionId: string): Locator {
  return page.locator(`[data-question-id="${questionId}"]`);
}

function optionLabel(
  question: { options: readonly { code: string; label: string }[] },
  code: string,
): string {
  const option = question.options.find((candidate) => candidate.code === code);
  if (!option) throw new Error(`no option ${code}`);
  return option.label;
}

async function typeDate(field: Locator, date: string): Promise<void> {
  await field.fill(date);
  await field.press('Tab');
}

export async function fillQuestion(
  page: Page,
  question: AnswerQuestion,
  raw: unknown,
): Promise<void> {
  const area = questionArea(page, question.id);
  await expect(area, `question ${question.id} is shown`).toBeVisible();
  const typed = readValue(question, raw);
  switch (typed.kind) {
    case 'textArea':
    case 'textField':
      if (typed.value !== undefined) await area.getByRole('textbox').first().fill(typed.value);
      return;
    case 'icf':
      if (typed.value !== undefined) await area.getByRole('textbox').first().fill(typed.value.text);
      return;
    case 'yesNo': {
      if (typed.value === undefined || question.kind !== 'yesNo') return;
      const name = typed.value ? (question.trueLabel ?? 'Ja') : (question.falseLabel ?? 'Nej');
      await area.getByRole('radio', { name, exact: true }).check();
      return;
    }
    case 'checkbox':
      if (typed.value === true) await area.getByRole('checkbox').check();
      return;
    case 'codeRadio':
      if (typed.value !== undefined && question.kind === 'codeRadio') {
        await area
          .getByRole('radio', { name: optionLabel(question, typed.value), exact: true })
          .check();
      }
      return;
    case 'dropdown':
      if (typed.value !== undefined && question.kind === 'dropdown') {
        await area
          .getByRole('combobox')
          .selectOption({ label: optionLabel(question, typed.value) });
      }
      return;
    case 'codeCheckboxes':
      if (question.kind !== 'codeCheckboxes') return;
      for (const code of typed.value ?? []) {
        await area
          .getByRole('checkbox', { name: optionLabel(question, code), exact: true })
          .check();
      }
      return;
    case 'checkboxDates':
      if (question.kind !== 'checkboxDates') return;
      for (const row of typed.value ?? []) {
        const label = optionLabel(question, row.code);
        await area.getByRole('checkbox', { name: label, exact: true }).check();
        await typeDate(
          area.getByRole('textbox', { name: `Datum, ${label}`, exact: true }),
          row.date,
        );
      }
      return;
    case 'date':
      if (typed.value !== undefined) await typeDate(area.getByRole('textbox').first(), typed.value);
      return;
    case 'integer':
      if (typed.value !== undefined)
        await area.getByRole('textbox').first().fill(String(typed.value));
      return;
    case 'sickLeavePeriods':
      if (question.kind !== 'sickLeavePeriods') return;
      for (const row of typed.value ?? []) {
        const label = optionLabel(question, row.code);
        await area.getByRole('checkbox', { name: label, exact: true }).check();
        await typeDate(
          area.getByRole('textbox', { name: `Från och med, ${label}`, exact: true }),
          row.from,
        );
        await typeDate(
          area.getByRole('textbox', { name: `Till och med, ${label}`, exact: true }),
          row.to,
        );
      }
      return;
    case 'periodsWithShares': {
      if (question.kind !== 'periodsWithShares') return;
      const rows = typed.value ?? [];
      for (const [index, row] of rows.entries()) {
        const rowName = `period ${String(index + 1)}`;
        await area.getByRole('button', { name: 'Lägg till period' }).click();
        await area
          .getByRole('combobox', { name: `${question.shareLabel ?? 'Andel'}, ${rowName}` })
          .selectOption({ label: optionLabel(question, row.code) });
        await typeDate(
          area.getByRole('textbox', { name: `Från och med, ${rowName}`, exact: true }),
          row.from,
        );
        await typeDate(
          area.getByRole('textbox', { name: `Till och med, ${rowName}`, exact: true }),
          row.to,
        );
      }
      return;
    }
    case 'diagnoses': {
      if (question.kind !== 'diagnoses') return;
      for (const [index, row] of (typed.value ?? []).entries()) {
        const rowName = question.rowLabels?.[index] ?? `Diagnos ${String(index + 1)}`;
        const code = area.getByRole('combobox', { name: `Diagnoskod, ${rowName}` });
        await code.fill(row.code);
        await area.getByRole('option', { name: new RegExp(`^${row.code}\\b`) }).click();
        await area
          .getByRole('textbox', { name: `Diagnosbeskrivning, ${rowName}` })
          .fill(row.description);
      }
      return;
    }
    case 'investigations': {
      if (question.kind !== 'investigations') return;
      for (const [index, row] of (typed.value ?? []).entries()) {
        const rowName = `rad ${String(index + 1)}`;
        const ofRow = new RegExp(`, ${rowName}$`);
        await area
          .getByRole('combobox', { name: ofRow })
          .selectOption({ label: optionLabel(question, row.type) });
        const fields = area.getByRole('textbox', { name: ofRow });
        await typeDate(fields.nth(0), row.date);
        await fields.nth(1).fill(row.source);
      }
      return;
    }
    case 'careUnitContact': {
      if (typed.value === undefined) return;
      const { address, postcode, city, phone } = typed.value;
      await area.getByRole('textbox', { name: 'Postadress' }).fill(address);
      await area.getByRole('textbox', { name: 'Postnummer' }).fill(postcode);
      await area.getByRole('textbox', { name: 'Postort' }).fill(city);
      await area.getByRole('textbox', { name: 'Telefonnummer' }).fill(phone);
      return;
    }
  }
}

/** Fills every answer, in the definition's order. */
export async function fillAnswers(
  page: Page,
  definition: CertificateDefinition,
  answers: Answers,
): Promise<void> {
  for (const category of definition.categories) {
    for (const question of category.questions) {
      if (question.kind === 'info' || question.kind === 'heading') continue;
      if (!Object.hasOwn(answers, question.id)) continue;
      await fillQuestion(page, question, answers[question.id]);
    }
  }
}
