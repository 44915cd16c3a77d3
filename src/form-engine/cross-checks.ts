/**
 * Definition-level cross-field checks. Every check reads effective answers only (hidden or
 * disabled questions read as unanswered) and reports on a visible, enabled question.
 */
import {
  assertNever,
  type Condition,
  type CrossCheck,
  type CrossCheckType,
  type Question,
} from './definition-schema';
import {
  isAnswered,
  isDiagnosisRowEmpty,
  isInvestigationRowEmpty,
  readValue,
  selectDates,
} from './answer-values';
import { findOverlappingPeriods } from './sick-leave';
import { formatMessage } from './messages';
import type { IssueKind, IssuePath } from './validate-answer';

export interface CrossCheckIssue {
  questionId: string;
  path: IssuePath;
  message: string;
  kind: IssueKind;
  check: CrossCheckType;
  checkId?: string | undefined;
}

export interface CrossCheckEnv {
  question(id: string): Question | undefined;
  /** Effective answer (undefined while hidden or disabled). */
  value(id: string): unknown;
  /** Visible and enabled. */
  isActive(id: string): boolean;
  holds(condition: Condition): boolean;
}

/** Question ids a cross-check reads or reports on. */
export function crossCheckQuestionIds(check: CrossCheck): string[] {
  switch (check.type) {
    case 'noOverlap':
    case 'rowsFromTop':
      return [check.question];
    case 'dateNotAfter':
      return [check.date.question, check.notAfter.question, check.attachTo ?? check.date.question];
    case 'atLeastOneAnswered':
      return [...check.questions];
    default:
      return assertNever(check);
  }
}

function runNoOverlap(
  check: Extract<CrossCheck, { type: 'noOverlap' }>,
  env: CrossCheckEnv,
  issues: CrossCheckIssue[],
): void {
  const question = env.question(check.question);
  if (!question || !env.isActive(check.question)) return;
  if (question.kind !== 'sickLeavePeriods' && question.kind !== 'periodsWithShares') return;
  const typed = readValue(question, env.value(check.question));
  if (
    (typed.kind !== 'sickLeavePeriods' && typed.kind !== 'periodsWithShares') ||
    typed.value === undefined
  ) {
    return;
  }
  const rows = typed.value;
  const flagged = new Set<number>();
  for (const [i, j] of findOverlappingPeriods(rows)) {
    const first = rows[i];
    const second = rows[j];
    if (!first || !second) continue;
    // Report on the period that starts later (the one that "runs into" the other).
    flagged.add(second.from >= first.from ? j : i);
  }
  const message = check.message ?? formatMessage('periodsOverlap', question.errorTexts);
  for (const index of [...flagged].sort((a, b) => a - b)) {
    issues.push({
      questionId: check.question,
      path: [index, 'from'],
      message,
      kind: 'invalid',
      check: check.type,
      checkId: check.id,
    });
  }
}

function runDateNotAfter(
  check: Extract<CrossCheck, { type: 'dateNotAfter' }>,
  env: CrossCheckEnv,
  issues: CrossCheckIssue[],
): void {
  const attachTo = check.attachTo ?? check.date.question;
  if (!env.isActive(attachTo)) return;
  const subject = env.question(check.date.question);
  const limit = env.question(check.notAfter.question);
  if (!subject || !limit) return;
  const dates = selectDates(subject, env.value(subject.id), check.date.field, check.date.code);
  const limits = selectDates(limit, env.value(limit.id), check.notAfter.field, check.notAfter.code);
  if (dates.length === 0 || limits.length === 0) return;
  const latest = dates.reduce((a, b) => (b > a ? b : a));
  const earliestLimit = limits.reduce((a, b) => (b < a ? b : a));
  if (latest > earliestLimit) {
    issues.push({
      questionId: attachTo,
      path: [],
      message: check.message,
      kind: 'invalid',
      check: check.type,
      checkId: check.id,
    });
  }
}

function runAtLeastOneAnswered(
  check: Extract<CrossCheck, { type: 'atLeastOneAnswered' }>,
  env: CrossCheckEnv,
  issues: CrossCheckIssue[],
): void {
  const active = check.questions.filter((id) => env.isActive(id));
  if (active.length === 0) return;
  const anyAnswered = active.some((id) => {
    const question = env.question(id);
    return question !== undefined && isAnswered(question, env.value(id));
  });
  if (anyAnswered) return;
  const target = active.includes(check.attachTo) ? check.attachTo : active[0];
  if (target === undefined) return;
  issues.push({
    questionId: target,
    path: [],
    message: check.message,
    kind: 'missing',
    check: check.type,
    checkId: check.id,
  });
}

function runRowsFromTop(
  check: Extract<CrossCheck, { type: 'rowsFromTop' }>,
  env: CrossCheckEnv,
  issues: CrossCheckIssue[],
): void {
  const question = env.question(check.question);
  if (!question || !env.isActive(check.question)) return;
  const push = (path: IssuePath, message: string, kind: IssueKind): void => {
    issues.push({
      questionId: check.question,
      path,
      message,
      kind,
      check: check.type,
      checkId: check.id,
    });
  };
  if (question.kind === 'diagnoses') {
    const typed = readValue(question, env.value(check.question));
    if (typed.kind !== 'diagnoses' || typed.value === undefined) return;
    const rows = typed.value;
    const lastFilled = rows.findLastIndex((row) => !isDiagnosisRowEmpty(row));
    rows.forEach((row, index) => {
      if (index >= lastFilled || !isDiagnosisRowEmpty(row)) return;
      if (check.message !== undefined) {
        push([index], check.message, 'invalid');
      } else if (index === 0) {
        push([0, 'code'], formatMessage('diagnosisTopRowFirst', question.errorTexts), 'invalid');
      } else {
        push(
          [index, 'code'],
          formatMessage('diagnosisCodeMissing', question.errorTexts),
          'missing',
        );
        push(
          [index, 'description'],
          formatMessage('diagnosisDescriptionMissing', question.errorTexts),
          'missing',
        );
      }
    });
    return;
  }
  if (question.kind === 'investigations') {
    const typed = readValue(question, env.value(check.question));
    if (typed.kind !== 'investigations' || typed.value === undefined) return;
    const rows = typed.value;
    const lastFilled = rows.findLastIndex((row) => !isInvestigationRowEmpty(row));
    const message = check.message ?? formatMessage('rowsOutOfOrder', question.errorTexts);
    rows.forEach((row, index) => {
      if (index < lastFilled && isInvestigationRowEmpty(row)) push([index], message, 'invalid');
    });
  }
}

/** Runs every cross-check whose `when` holds. */
export function runCrossChecks(
  checks: readonly CrossCheck[],
  env: CrossCheckEnv,
): CrossCheckIssue[] {
  const issues: CrossCheckIssue[] = [];
  for (const check of checks) {
    if (check.when && !env.holds(check.when)) continue;
    switch (check.type) {
      case 'noOverlap':
        runNoOverlap(check, env, issues);
        break;
      case 'dateNotAfter':
        runDateNotAfter(check, env, issues);
        break;
      case 'atLeastOneAnswered':
        runAtLeastOneAnswered(check, env, issues);
        break;
      case 'rowsFromTop':
        runRowsFromTop(check, env, issues);
        break;
      default:
        assertNever(check);
    }
  }
  return issues;
}
