/**
 * Validation of one answer against its question (kind, limits, required).
 * Cross-field rules live in cross-checks.ts.
 */
import type { z } from 'zod';
import {
  assertNever,
  type AnswerQuestion,
  type DateOffsetSpec,
  type ErrorTexts,
  type QuestionOption,
} from './definition-schema';
import {
  booleanValueSchema,
  careUnitContactValueSchema,
  checkboxDatesValueSchema,
  codeListValueSchema,
  codeValueSchema,
  dateValueSchema,
  diagnosesValueSchema,
  icfValueSchema,
  integerValueSchema,
  investigationsValueSchema,
  isBlank,
  periodListValueSchema,
  textValueSchema,
  isDiagnosisRowEmpty,
  isInvestigationRowEmpty,
  readValue,
  type CareUnitContact,
  type DiagnosisRow,
  type InvestigationRow,
  type PeriodRow,
  type CheckboxDateRow,
} from './answer-values';
import { applyOffset, isIsoDate, isWithinAllowedRange, type IsoDate } from './dates';
import {
  checkDiagnosisCodeFormat,
  codeDescribedInstead,
  dottedDiagnosisCode,
  type DiagnosisTitles,
} from './diagnosis';
import { formatMessage, type MessageKey, type MessageParams } from './messages';
import { charactersOutsideFkText, fkTextCharacterList } from './fk-text';

export type IssueKind = 'missing' | 'invalid';
export type IssuePath = Array<string | number>;

/** A validation problem; `path` is relative to the question (e.g. [0, 'from']). */
export interface FieldIssue {
  path: IssuePath;
  message: string;
  kind: IssueKind;
}

export interface ValidationEnv {
  today: IsoDate;
  isKnownDiagnosisCode?: ((code: string) => boolean) | undefined;
  /** When given, a description that is another code's official title is refused. */
  diagnosisTitles?: DiagnosisTitles | undefined;
}

class IssueList {
  readonly issues: FieldIssue[] = [];
  constructor(private readonly texts: ErrorTexts | undefined) {}

  add(kind: IssueKind, key: MessageKey, path: IssuePath = [], params?: MessageParams): void {
    this.issues.push({ kind, path, message: formatMessage(key, this.texts, params) });
  }
}

interface DateLimits {
  minDate?: DateOffsetSpec | undefined;
  maxDate?: DateOffsetSpec | undefined;
}

/** Checks a date that must be given: missing, format, sanity range, min/max relative to today. */
function checkRequiredDate(
  value: string,
  limits: DateLimits,
  env: ValidationEnv,
  issues: IssueList,
  path: IssuePath,
): void {
  if (isBlank(value)) {
    issues.add('missing', 'dateMissing', path);
    return;
  }
  checkDateValue(value, limits, env, issues, path);
}

function checkDateValue(
  value: string,
  limits: DateLimits,
  env: ValidationEnv,
  issues: IssueList,
  path: IssuePath,
): void {
  const problem = dateProblem(value, {
    min: limits.minDate ? applyOffset(env.today, limits.minDate) : undefined,
    max: limits.maxDate ? applyOffset(env.today, limits.maxDate) : undefined,
  });
  if (problem !== undefined) issues.add('invalid', problem.key, path, problem.params);
}

/** What is wrong with a date a question or a field holds: its message and the message's date. */
export interface DateProblem {
  key: 'dateInvalid' | 'dateOutOfRange' | 'dateTooEarly' | 'dateTooLate';
  params?: { date: IsoDate };
}

/**
 * What is wrong with a date that is given (not blank): not a real date written as
 * YYYY-MM-DD, outside Webcert's sanity range, before `min` or after `max`; undefined when fine.
 * Every date of the product is checked by it: a question's (limits relative to today) and a
 * date field's outside a form (list filters, consent, FK's simulator).
 */
export function dateProblem(
  value: string,
  limits: { min?: IsoDate | undefined; max?: IsoDate | undefined } = {},
): DateProblem | undefined {
  if (!isIsoDate(value)) return { key: 'dateInvalid' };
  if (!isWithinAllowedRange(value)) return { key: 'dateOutOfRange' };
  if (limits.min !== undefined && value < limits.min)
    return { key: 'dateTooEarly', params: { date: limits.min } };
  if (limits.max !== undefined && value > limits.max)
    return { key: 'dateTooLate', params: { date: limits.max } };
  return undefined;
}

/** A text FK receives must hold only characters FK can receive (fk-text.ts). */
function checkFkText(text: string, issues: IssueList, path: IssuePath): void {
  const outside = charactersOutsideFkText(text);
  if (outside.length > 0) {
    issues.add('invalid', 'textOutsideFkSet', path, { chars: fkTextCharacterList(outside) });
  }
}

function checkText(
  text: string,
  question: { maxLength?: number | undefined; rejectBlankOnly?: boolean | undefined },
  required: boolean,
  issues: IssueList,
  path: IssuePath,
): void {
  if (isBlank(text)) {
    if (required) issues.add('missing', 'answerMissing', path);
    else if (text !== '' && question.rejectBlankOnly === true)
      issues.add('invalid', 'blankOnly', path);
    return;
  }
  if (question.maxLength !== undefined && text.length > question.maxLength) {
    issues.add('invalid', 'textTooLong', path, { max: question.maxLength });
  }
  checkFkText(text, issues, path);
}

function checkCodeRows<T>(
  rows: readonly T[],
  codeOf: (row: T) => string,
  options: readonly QuestionOption[],
  issues: IssueList,
): void {
  const seen = new Set<string>();
  rows.forEach((row, index) => {
    const code = codeOf(row);
    if (!options.some((option) => option.code === code)) {
      issues.add('invalid', 'optionInvalid', [index, 'code']);
    } else if (seen.has(code)) {
      issues.add('invalid', 'optionDuplicate', [index, 'code']);
    }
    seen.add(code);
  });
}

function validateCheckboxDates(
  rows: readonly CheckboxDateRow[],
  question: Extract<AnswerQuestion, { kind: 'checkboxDates' }>,
  env: ValidationEnv,
  issues: IssueList,
): void {
  checkCodeRows(rows, (row) => row.code, question.options, issues);
  rows.forEach((row, index) => checkRequiredDate(row.date, question, env, issues, [index, 'date']));
}

function validatePeriods(
  rows: readonly PeriodRow[],
  question: Extract<AnswerQuestion, { kind: 'sickLeavePeriods' | 'periodsWithShares' }>,
  env: ValidationEnv,
  issues: IssueList,
): void {
  checkCodeRows(rows, (row) => row.code, question.options, issues);
  rows.forEach((row, index) => {
    const before = issues.issues.length;
    checkRequiredDate(row.from, question, env, issues, [index, 'from']);
    checkRequiredDate(row.to, question, env, issues, [index, 'to']);
    const bothFine = issues.issues.length === before;
    if (bothFine && row.to < row.from) issues.add('invalid', 'periodEndBeforeStart', [index, 'to']);
  });
}

function validateDiagnoses(
  rows: readonly DiagnosisRow[],
  question: Extract<AnswerQuestion, { kind: 'diagnoses' }>,
  required: boolean,
  env: ValidationEnv,
  issues: IssueList,
): void {
  if (rows.length > question.maxRows) {
    issues.add('invalid', 'tooManyRows', [], { max: question.maxRows });
  }
  const filled = rows.filter((row) => !isDiagnosisRowEmpty(row));
  if (filled.length === 0) {
    if (required) issues.add('missing', 'diagnosisMissing');
    return;
  }
  rows.forEach((row, index) => {
    if (isDiagnosisRowEmpty(row)) return; // gaps are the rowsFromTop cross-check's business
    if (isBlank(row.code)) {
      issues.add('missing', 'diagnosisCodeMissing', [index, 'code']);
    } else {
      const formatProblem = checkDiagnosisCodeFormat(row.code, question.codeFormat);
      if (formatProblem) {
        issues.add('invalid', formatProblem, [index, 'code']);
      } else if (env.isKnownDiagnosisCode && !env.isKnownDiagnosisCode(row.code)) {
        issues.add('invalid', 'diagnosisCodeInvalid', [index, 'code']);
      }
      if (
        question.codeSystems &&
        row.codeSystem !== undefined &&
        !question.codeSystems.includes(row.codeSystem)
      ) {
        issues.add('invalid', 'optionInvalid', [index, 'codeSystem']);
      }
    }
    const otherCode =
      env.diagnosisTitles && !isBlank(row.code)
        ? codeDescribedInstead(row.code, row.description, env.diagnosisTitles)
        : undefined;
    if (isBlank(row.description)) {
      issues.add('missing', 'diagnosisDescriptionMissing', [index, 'description']);
    } else if (otherCode !== undefined) {
      issues.add('invalid', 'diagnosisDescriptionOfOtherCode', [index, 'description'], {
        code: dottedDiagnosisCode(otherCode),
      });
    } else if (
      question.descriptionMaxLength !== undefined &&
      row.description.length > question.descriptionMaxLength
    ) {
      issues.add('invalid', 'textTooLong', [index, 'description'], {
        max: question.descriptionMaxLength,
      });
    } else checkFkText(row.description, issues, [index, 'description']);
  });
  if (question.sameCodeSystem === true) {
    const systems = new Set(filled.map((row) => row.codeSystem ?? ''));
    if (systems.size > 1) issues.add('invalid', 'diagnosisMixedCodeSystems');
  }
}

function validateInvestigations(
  rows: readonly InvestigationRow[],
  question: Extract<AnswerQuestion, { kind: 'investigations' }>,
  required: boolean,
  env: ValidationEnv,
  issues: IssueList,
): void {
  if (rows.length > question.maxRows) {
    issues.add('invalid', 'tooManyRows', [], { max: question.maxRows });
  }
  if (!rows.some((row) => !isInvestigationRowEmpty(row))) {
    if (required) issues.add('missing', 'answerMissing');
    return;
  }
  rows.forEach((row, index) => {
    if (isInvestigationRowEmpty(row)) return;
    if (isBlank(row.type)) issues.add('missing', 'choiceMissing', [index, 'type']);
    else if (!question.options.some((option) => option.code === row.type)) {
      issues.add('invalid', 'optionInvalid', [index, 'type']);
    }
    checkRequiredDate(row.date, question, env, issues, [index, 'date']);
    checkText(row.source, { maxLength: question.sourceMaxLength }, true, issues, [index, 'source']);
  });
}

const CONTACT_FIELDS: ReadonlyArray<[keyof CareUnitContact, MessageKey]> = [
  ['address', 'addressMissing'],
  ['postcode', 'postcodeMissing'],
  ['city', 'cityMissing'],
  ['phone', 'phoneMissing'],
];

function validateCareUnitContact(
  contact: CareUnitContact,
  question: Extract<AnswerQuestion, { kind: 'careUnitContact' }>,
  required: boolean,
  issues: IssueList,
): void {
  for (const [field, missingKey] of CONTACT_FIELDS) {
    if (required && isBlank(contact[field])) issues.add('missing', missingKey, [field]);
    else checkFkText(contact[field], issues, [field]);
  }
  if (
    question.postcodeFiveDigits === true &&
    !isBlank(contact.postcode) &&
    !/^\d{3} ?\d{2}$/.test(contact.postcode.trim())
  ) {
    issues.add('invalid', 'postcodeInvalid', ['postcode']);
  }
}

/** Codes of a codeCheckboxes question that the exclusive-option rule disables right now. */
export function disabledOptionCodes(question: AnswerQuestion, raw: unknown): string[] {
  if (question.kind !== 'codeCheckboxes') return [];
  const typed = readValue(question, raw);
  if (typed.kind !== 'codeCheckboxes' || typed.value === undefined || typed.value.length === 0) {
    return [];
  }
  const chosen = typed.value;
  const exclusive = question.options.filter((option) => option.exclusive === true);
  const chosenExclusive = exclusive.some((option) => chosen.includes(option.code));
  return question.options
    .filter((option) =>
      chosenExclusive
        ? !chosen.includes(option.code)
        : option.exclusive === true && chosen.length > 0,
    )
    .map((option) => option.code);
}

/**
 * Validates one answer. `required` is the question's current required state (the caller
 * only validates visible, enabled questions).
 */
export function validateAnswer(
  question: AnswerQuestion,
  raw: unknown,
  required: boolean,
  env: ValidationEnv,
): FieldIssue[] {
  const issues = new IssueList(question.errorTexts);
  const parsed = <T>(schema: z.ZodType<T>): { ok: true; value: T | undefined } | { ok: false } => {
    if (raw === undefined || raw === null) return { ok: true, value: undefined };
    const result = schema.safeParse(raw);
    if (result.success) return { ok: true, value: result.data };
    issues.add('invalid', 'valueInvalid');
    return { ok: false };
  };
  switch (question.kind) {
    case 'textArea':
    case 'textField': {
      const text = parsed(textValueSchema);
      if (text.ok) checkText(text.value ?? '', question, required, issues, []);
      break;
    }
    case 'icf': {
      const icf = parsed(icfValueSchema);
      if (icf.ok) checkText(icf.value?.text ?? '', question, required, issues, []);
      break;
    }
    case 'yesNo': {
      const answer = parsed(booleanValueSchema);
      if (answer.ok && answer.value === undefined && required)
        issues.add('missing', 'choiceMissing');
      break;
    }
    case 'checkbox': {
      const answer = parsed(booleanValueSchema);
      if (answer.ok && answer.value !== true && required) issues.add('missing', 'answerMissing');
      break;
    }
    case 'codeRadio':
    case 'dropdown': {
      const answer = parsed(codeValueSchema);
      if (!answer.ok) break;
      if (answer.value === undefined || answer.value === '') {
        if (required) issues.add('missing', 'choiceMissing');
      } else if (!question.options.some((option) => option.code === answer.value)) {
        issues.add('invalid', 'optionInvalid');
      }
      break;
    }
    case 'codeCheckboxes': {
      const answer = parsed(codeListValueSchema);
      if (!answer.ok) break;
      const chosen = answer.value ?? [];
      if (chosen.length === 0) {
        if (required) issues.add('missing', 'choicesMissing');
        break;
      }
      const seen = new Set<string>();
      chosen.forEach((code, index) => {
        if (!question.options.some((option) => option.code === code)) {
          issues.add('invalid', 'optionInvalid', [index]);
        } else if (seen.has(code)) {
          issues.add('invalid', 'optionDuplicate', [index]);
        }
        seen.add(code);
      });
      const exclusive = question.options.filter((option) => option.exclusive === true);
      if (chosen.length > 1 && exclusive.some((option) => chosen.includes(option.code))) {
        issues.add('invalid', 'optionExclusive');
      }
      break;
    }
    case 'checkboxDates': {
      const answer = parsed(checkboxDatesValueSchema);
      if (!answer.ok) break;
      if (!answer.value || answer.value.length === 0) {
        if (required) issues.add('missing', 'choicesMissing');
      } else validateCheckboxDates(answer.value, question, env, issues);
      break;
    }
    case 'date': {
      const answer = parsed(dateValueSchema);
      if (!answer.ok) break;
      if (answer.value === undefined || isBlank(answer.value)) {
        if (required) issues.add('missing', 'dateMissing');
      } else checkDateValue(answer.value, question, env, issues, []);
      break;
    }
    case 'integer': {
      const answer = parsed(integerValueSchema);
      if (!answer.ok) break;
      if (answer.value === undefined) {
        if (required) issues.add('missing', 'answerMissing');
      } else if (Number.isNaN(answer.value)) {
        // Text the field could not read as a number: invalid, required or not.
        issues.add('invalid', 'integerInvalid');
      } else if (
        !Number.isInteger(answer.value) ||
        answer.value < question.min ||
        answer.value > question.max
      ) {
        issues.add('invalid', 'integerOutOfRange', [], { min: question.min, max: question.max });
      }
      break;
    }
    case 'sickLeavePeriods':
    case 'periodsWithShares': {
      const answer = parsed(periodListValueSchema);
      if (!answer.ok) break;
      if (!answer.value || answer.value.length === 0) {
        if (required) issues.add('missing', 'choicesMissing');
      } else validatePeriods(answer.value, question, env, issues);
      break;
    }
    case 'diagnoses': {
      const answer = parsed(diagnosesValueSchema);
      if (answer.ok) validateDiagnoses(answer.value ?? [], question, required, env, issues);
      break;
    }
    case 'investigations': {
      const answer = parsed(investigationsValueSchema);
      if (answer.ok) validateInvestigations(answer.value ?? [], question, required, env, issues);
      break;
    }
    case 'careUnitContact': {
      const answer = parsed(careUnitContactValueSchema);
      if (answer.ok) {
        validateCareUnitContact(
          answer.value ?? { address: '', postcode: '', city: '', phone: '' },
          question,
          required,
          issues,
        );
      }
      break;
    }
    default:
      assertNever(question);
  }
  return issues.issues;
}
