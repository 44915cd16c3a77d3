/**
 * Evaluation of condition objects. Pure: everything it reads comes through `ConditionEnv`.
 */
import {
  assertNever,
  type ComparisonOperator,
  type Condition,
  type DateReference,
  type Question,
  type Role,
} from './definition-schema';
import { isAnswered, readValue, selectDates, selectedCodes } from './answer-values';
import { ageInYears, applyOffset, type IsoDate } from './dates';
import { totalDays } from './sick-leave';

export interface ConditionEnv {
  /** The question with this id, if any. */
  question(id: string): Question | undefined;
  /**
   * The answer a rule sees for a question. The evaluator passes the *effective* answer:
   * undefined while the question is hidden or disabled, so stale answers never count.
   */
  value(id: string): unknown;
  today: IsoDate;
  role: Role;
  patientBirthDate?: string | undefined;
}

export function compare(left: number, operator: ComparisonOperator, right: number): boolean {
  switch (operator) {
    case 'lt':
      return left < right;
    case 'lte':
      return left <= right;
    case 'gt':
      return left > right;
    case 'gte':
      return left >= right;
    case 'eq':
      return left === right;
    case 'neq':
      return left !== right;
    default:
      return assertNever(operator);
  }
}

function resolveReference(reference: DateReference, env: ConditionEnv): IsoDate | undefined {
  switch (reference.type) {
    case 'today':
      return applyOffset(env.today, reference.offset);
    case 'answer': {
      const question = env.question(reference.question);
      if (!question) return undefined;
      const dates = selectDates(
        question,
        env.value(reference.question),
        reference.field,
        reference.code,
      );
      if (dates.length === 0) return undefined;
      const sorted = [...dates].sort();
      const picked = reference.pick === 'latest' ? sorted[sorted.length - 1] : sorted[0];
      return picked === undefined ? undefined : applyOffset(picked, reference.offset);
    }
    default:
      return assertNever(reference);
  }
}

function equalsValue(
  question: Question,
  raw: unknown,
  expected: string | number | boolean,
): boolean {
  if (question.kind === 'info' || question.kind === 'heading') return false;
  const typed = readValue(question, raw);
  switch (typed.kind) {
    case 'checkbox':
      // An unticked box and a missing answer both read as false.
      return (typed.value ?? false) === expected;
    case 'yesNo':
    case 'codeRadio':
    case 'dropdown':
    case 'integer':
    case 'textArea':
    case 'textField':
    case 'date':
      return typed.value !== undefined && typed.value === expected;
    default:
      return false;
  }
}

/** Evaluates a condition. Unknown types cannot reach here: the meta-schema rejects them. */
export function evaluateCondition(condition: Condition, env: ConditionEnv): boolean {
  switch (condition.type) {
    case 'answered': {
      const question = env.question(condition.question);
      return question !== undefined && isAnswered(question, env.value(condition.question));
    }
    case 'equals': {
      const question = env.question(condition.question);
      return (
        question !== undefined &&
        equalsValue(question, env.value(condition.question), condition.value)
      );
    }
    case 'includes': {
      const question = env.question(condition.question);
      if (!question) return false;
      return selectedCodes(question, env.value(condition.question)).includes(condition.code);
    }
    case 'includesAny': {
      const question = env.question(condition.question);
      if (!question) return false;
      const codes = selectedCodes(question, env.value(condition.question));
      return condition.codes.some((code) => codes.includes(code));
    }
    case 'dateBefore':
    case 'dateAfter': {
      const question = env.question(condition.question);
      if (!question) return false;
      const dates = selectDates(
        question,
        env.value(condition.question),
        condition.field,
        condition.code,
      );
      const reference = resolveReference(condition.reference, env);
      if (dates.length === 0 || reference === undefined) return false;
      const inclusive = condition.inclusive === true;
      const holds = (date: string): boolean =>
        condition.type === 'dateBefore'
          ? date < reference || (inclusive && date === reference)
          : date > reference || (inclusive && date === reference);
      return condition.match === 'all' ? dates.every(holds) : dates.some(holds);
    }
    case 'integerCompare': {
      const question = env.question(condition.question);
      if (!question || question.kind !== 'integer') return false;
      const typed = readValue(question, env.value(condition.question));
      return (
        typed.kind === 'integer' &&
        typed.value !== undefined &&
        Number.isFinite(typed.value) &&
        compare(typed.value, condition.operator, condition.value)
      );
    }
    case 'periodDays': {
      const question = env.question(condition.question);
      if (
        !question ||
        (question.kind !== 'sickLeavePeriods' && question.kind !== 'periodsWithShares')
      ) {
        return false;
      }
      const typed = readValue(question, env.value(condition.question));
      if (
        (typed.kind !== 'sickLeavePeriods' && typed.kind !== 'periodsWithShares') ||
        typed.value === undefined
      ) {
        return false;
      }
      const days = totalDays(typed.value);
      return days > 0 && compare(days, condition.operator, condition.days);
    }
    case 'patientAge': {
      if (env.patientBirthDate === undefined) return false;
      const age = ageInYears(env.patientBirthDate, env.today);
      return age !== null && compare(age, condition.operator, condition.years);
    }
    case 'role':
      return condition.roles.includes(env.role);
    case 'not':
      return !evaluateCondition(condition.condition, env);
    case 'and':
      return condition.conditions.every((child) => evaluateCondition(child, env));
    case 'or':
      return condition.conditions.some((child) => evaluateCondition(child, env));
    default:
      return assertNever(condition);
  }
}
