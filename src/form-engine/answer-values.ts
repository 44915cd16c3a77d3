/**
 * Answer value shapes per question kind.
 *
 * These are the shapes stored in the form and in a draft. They deliberately allow work in
 * progress (empty strings, a ticked option without its date) so that validation can answer
 * with the right Swedish message instead of a type error. `undefined` and `null` mean "no
 * answer" for every kind. Answers are a `Record<questionId, value>`.
 */
import { z } from 'zod';
import type { AnswerKind, AnswerQuestion, DateField, Question } from './definition-schema';
import { isIsoDate } from './dates';

export const textValueSchema = z.string();
export const booleanValueSchema = z.boolean();
export const codeValueSchema = z.string();
export const codeListValueSchema = z.array(z.string());
export const checkboxDateRowSchema = z.object({ code: z.string(), date: z.string() });
export const checkboxDatesValueSchema = z.array(checkboxDateRowSchema);
export const dateValueSchema = z.string();
/** NaN is text the number field could not read: not an answer, and invalid (integerInvalid). */
export const integerValueSchema = z.union([z.number(), z.nan()]);
export const periodRowSchema = z.object({ code: z.string(), from: z.string(), to: z.string() });
export const periodListValueSchema = z.array(periodRowSchema);
export const diagnosisRowSchema = z.object({
  code: z.string(),
  description: z.string(),
  /** Only needed when the question offers several code systems. */
  codeSystem: z.string().optional(),
});
export const diagnosesValueSchema = z.array(diagnosisRowSchema);
export const investigationRowSchema = z.object({
  type: z.string(),
  date: z.string(),
  source: z.string(),
});
export const investigationsValueSchema = z.array(investigationRowSchema);
export const careUnitContactValueSchema = z.object({
  address: z.string(),
  postcode: z.string(),
  city: z.string(),
  phone: z.string(),
});
export const icfValueSchema = z.object({
  text: z.string(),
  icfCodes: z.array(z.string()).optional(),
});

/** The value schema of each answer kind. */
export const answerValueSchemas = {
  textArea: textValueSchema,
  textField: textValueSchema,
  icf: icfValueSchema,
  yesNo: booleanValueSchema,
  checkbox: booleanValueSchema,
  codeRadio: codeValueSchema,
  dropdown: codeValueSchema,
  codeCheckboxes: codeListValueSchema,
  checkboxDates: checkboxDatesValueSchema,
  date: dateValueSchema,
  integer: integerValueSchema,
  sickLeavePeriods: periodListValueSchema,
  periodsWithShares: periodListValueSchema,
  diagnoses: diagnosesValueSchema,
  investigations: investigationsValueSchema,
  careUnitContact: careUnitContactValueSchema,
} as const satisfies Record<AnswerKind, z.ZodType>;

export type AnswerValueOf<K extends AnswerKind> = z.infer<(typeof answerValueSchemas)[K]>;
export type CheckboxDateRow = z.infer<typeof checkboxDateRowSchema>;
export type PeriodRow = z.infer<typeof periodRowSchema>;
export type DiagnosisRow = z.infer<typeof diagnosisRowSchema>;
export type InvestigationRow = z.infer<typeof investigationRowSchema>;
export type CareUnitContact = z.infer<typeof careUnitContactValueSchema>;
export type IcfValue = z.infer<typeof icfValueSchema>;

/** Answers of one certificate, keyed by question id. Values are checked when read. */
export type Answers = Record<string, unknown>;

/**
 * A value narrowed to its kind's shape. `value` is undefined when there is no answer or the
 * stored value has the wrong shape (`malformed` tells the two apart).
 */
export type TypedValue = {
  [K in AnswerKind]: { kind: K; value: AnswerValueOf<K> | undefined; malformed: boolean };
}[AnswerKind];

function parseWith<T>(
  schema: z.ZodType<T>,
  raw: unknown,
): { value: T | undefined; malformed: boolean } {
  if (raw === undefined || raw === null) return { value: undefined, malformed: false };
  const result = schema.safeParse(raw);
  return result.success
    ? { value: result.data, malformed: false }
    : { value: undefined, malformed: true };
}

/** Narrows a raw stored value to the question's kind. */
export function readValue(question: AnswerQuestion, raw: unknown): TypedValue {
  switch (question.kind) {
    case 'textArea':
    case 'textField':
      return { kind: question.kind, ...parseWith(textValueSchema, raw) };
    case 'icf':
      return { kind: 'icf', ...parseWith(icfValueSchema, raw) };
    case 'yesNo':
    case 'checkbox':
      return { kind: question.kind, ...parseWith(booleanValueSchema, raw) };
    case 'codeRadio':
    case 'dropdown':
      return { kind: question.kind, ...parseWith(codeValueSchema, raw) };
    case 'codeCheckboxes':
      return { kind: 'codeCheckboxes', ...parseWith(codeListValueSchema, raw) };
    case 'checkboxDates':
      return { kind: 'checkboxDates', ...parseWith(checkboxDatesValueSchema, raw) };
    case 'date':
      return { kind: 'date', ...parseWith(dateValueSchema, raw) };
    case 'integer':
      return { kind: 'integer', ...parseWith(integerValueSchema, raw) };
    case 'sickLeavePeriods':
    case 'periodsWithShares':
      return { kind: question.kind, ...parseWith(periodListValueSchema, raw) };
    case 'diagnoses':
      return { kind: 'diagnoses', ...parseWith(diagnosesValueSchema, raw) };
    case 'investigations':
      return { kind: 'investigations', ...parseWith(investigationsValueSchema, raw) };
    case 'careUnitContact':
      return { kind: 'careUnitContact', ...parseWith(careUnitContactValueSchema, raw) };
  }
}

export function isBlank(text: string): boolean {
  return text.trim() === '';
}

export function isDiagnosisRowEmpty(row: DiagnosisRow): boolean {
  return isBlank(row.code) && isBlank(row.description);
}

export function isInvestigationRowEmpty(row: InvestigationRow): boolean {
  return isBlank(row.type) && isBlank(row.date) && isBlank(row.source);
}

/**
 * Whether a question counts as answered:
 * text/ICF non-blank text; checkbox ticked (true); yes/no either boolean; code non-empty;
 * lists at least one entry (a ticked option counts even before its date is filled in);
 * date a non-blank string; integer a finite number; diagnoses/investigations a non-empty row;
 * care unit contact any non-blank field.
 */
export function isAnswered(question: Question, raw: unknown): boolean {
  if (question.kind === 'info' || question.kind === 'heading') return false;
  const typed = readValue(question, raw);
  if (typed.value === undefined) return false;
  switch (typed.kind) {
    case 'textArea':
    case 'textField':
    case 'date':
      return !isBlank(typed.value);
    case 'icf':
      return !isBlank(typed.value.text);
    case 'yesNo':
      return true;
    case 'checkbox':
      return typed.value;
    case 'codeRadio':
    case 'dropdown':
      return typed.value !== '';
    case 'integer':
      return Number.isFinite(typed.value);
    case 'codeCheckboxes':
    case 'checkboxDates':
    case 'sickLeavePeriods':
    case 'periodsWithShares':
      return typed.value.length > 0;
    case 'diagnoses':
      return typed.value.some((row) => !isDiagnosisRowEmpty(row));
    case 'investigations':
      return typed.value.some((row) => !isInvestigationRowEmpty(row));
    case 'careUnitContact':
      return Object.values(typed.value).some((field) => !isBlank(field));
  }
}

/** Option codes present in an answer (ticked boxes, period/row codes, the chosen radio code). */
export function selectedCodes(question: Question, raw: unknown): string[] {
  if (question.kind === 'info' || question.kind === 'heading') return [];
  const typed = readValue(question, raw);
  if (typed.value === undefined) return [];
  switch (typed.kind) {
    case 'codeCheckboxes':
      return typed.value;
    case 'checkboxDates':
    case 'sickLeavePeriods':
    case 'periodsWithShares':
      return typed.value.map((row) => row.code);
    case 'investigations':
      return typed.value.map((row) => row.type).filter((code) => code !== '');
    case 'codeRadio':
    case 'dropdown':
      return typed.value === '' ? [] : [typed.value];
    default:
      return [];
  }
}

/**
 * Valid ISO dates held by an answer: the date itself, each ticked option's date, each period's
 * `from` (default) or `to`, or each investigation row's date; `code` narrows to one option/type.
 */
export function selectDates(
  question: Question,
  raw: unknown,
  field: DateField | undefined,
  code: string | undefined,
): string[] {
  if (question.kind === 'info' || question.kind === 'heading') return [];
  const typed = readValue(question, raw);
  if (typed.value === undefined) return [];
  const dates: string[] = [];
  const push = (candidate: string): void => {
    if (isIsoDate(candidate)) dates.push(candidate);
  };
  switch (typed.kind) {
    case 'date':
      if (code === undefined) push(typed.value);
      break;
    case 'checkboxDates':
      for (const row of typed.value) if (code === undefined || row.code === code) push(row.date);
      break;
    case 'investigations':
      for (const row of typed.value) if (code === undefined || row.type === code) push(row.date);
      break;
    case 'sickLeavePeriods':
    case 'periodsWithShares':
      for (const row of typed.value) {
        if (code === undefined || row.code === code) push(field === 'to' ? row.to : row.from);
      }
      break;
    default:
      break;
  }
  return dates;
}
