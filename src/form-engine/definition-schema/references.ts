/**
 * Reference checks: every question a rule names must exist and be of a kind the rule can
 * read, and visibility rules must not form cycles.
 */
import { z } from 'zod';
import { type DateField } from './primitives';
import { type Condition } from './conditions';
import { type Question, type QuestionKind, isAnswerQuestion } from './questions';
import { type Category } from './categories';
import { definitionObjectSchema } from './definition-object';

type IssueSink = (message: string, path: PropertyKey[]) => void;

function optionCodes(question: Question): readonly string[] | null {
  switch (question.kind) {
    case 'codeRadio':
    case 'dropdown':
    case 'codeCheckboxes':
    case 'checkboxDates':
    case 'sickLeavePeriods':
    case 'periodsWithShares':
    case 'investigations':
      return question.options.map((option) => option.code);
    default:
      return null;
  }
}

const DATE_FIELDS_BY_KIND: Partial<Record<QuestionKind, readonly DateField[]>> = {
  date: ['date'],
  checkboxDates: ['date'],
  investigations: ['date'],
  sickLeavePeriods: ['from', 'to'],
  periodsWithShares: ['from', 'to'],
};

const INCLUDES_KINDS: ReadonlySet<QuestionKind> = new Set<QuestionKind>([
  'codeCheckboxes',
  'checkboxDates',
  'sickLeavePeriods',
  'periodsWithShares',
  'investigations',
  'codeRadio',
  'dropdown',
]);

function checkDateTarget(
  selector: { question: string; code?: string | undefined; field?: DateField | undefined },
  questions: ReadonlyMap<string, Question>,
  path: PropertyKey[],
  report: IssueSink,
): void {
  const target = questions.get(selector.question);
  if (!target) {
    report(`Unknown question "${selector.question}"`, [...path, 'question']);
    return;
  }
  const fields = DATE_FIELDS_BY_KIND[target.kind];
  if (!fields) {
    report(`Question "${selector.question}" (${target.kind}) holds no dates`, [
      ...path,
      'question',
    ]);
    return;
  }
  if (selector.field !== undefined && !fields.includes(selector.field)) {
    report(
      `Field "${selector.field}" does not exist on ${target.kind}; use ${fields.join(' or ')}`,
      [...path, 'field'],
    );
  }
  if (selector.code !== undefined) {
    const codes = optionCodes(target);
    if (!codes || !codes.includes(selector.code)) {
      report(`Question "${selector.question}" has no option "${selector.code}"`, [...path, 'code']);
    }
  }
}

function checkCondition(
  condition: Condition,
  questions: ReadonlyMap<string, Question>,
  path: PropertyKey[],
  report: IssueSink,
): void {
  const target = (id: string): Question | undefined => {
    const question = questions.get(id);
    if (!question) report(`Unknown question "${id}"`, [...path, 'question']);
    return question;
  };
  switch (condition.type) {
    case 'answered': {
      const question = target(condition.question);
      if (question && !isAnswerQuestion(question)) {
        report(`Question "${condition.question}" (${question.kind}) holds no answer`, path);
      }
      return;
    }
    case 'equals': {
      const question = target(condition.question);
      if (!question) return;
      const value = condition.value;
      switch (question.kind) {
        case 'yesNo':
        case 'checkbox':
          if (typeof value !== 'boolean')
            report('equals on a yes/no question needs a boolean', path);
          return;
        case 'integer':
          if (typeof value !== 'number')
            report('equals on an integer question needs a number', path);
          return;
        case 'codeRadio':
        case 'dropdown':
          if (typeof value !== 'string' || !question.options.some((o) => o.code === value)) {
            report(`"${String(value)}" is not an option of "${question.id}"`, [...path, 'value']);
          }
          return;
        case 'textArea':
        case 'textField':
        case 'date':
          if (typeof value !== 'string')
            report('equals on a text/date question needs a string', path);
          return;
        default:
          report(`equals cannot read a ${question.kind} question; use includes`, path);
          return;
      }
    }
    case 'includes':
    case 'includesAny': {
      const question = target(condition.question);
      if (!question) return;
      if (!INCLUDES_KINDS.has(question.kind)) {
        report(`${condition.type} cannot read a ${question.kind} question`, path);
        return;
      }
      const codes = optionCodes(question) ?? [];
      const wanted = condition.type === 'includes' ? [condition.code] : condition.codes;
      for (const code of wanted) {
        if (!codes.includes(code)) {
          report(`Question "${question.id}" has no option "${code}"`, path);
        }
      }
      return;
    }
    case 'dateBefore':
    case 'dateAfter':
      checkDateTarget(condition, questions, path, report);
      if (condition.reference.type === 'answer') {
        checkDateTarget(condition.reference, questions, [...path, 'reference'], report);
      }
      return;
    case 'periodDays': {
      const question = target(condition.question);
      if (
        question &&
        question.kind !== 'sickLeavePeriods' &&
        question.kind !== 'periodsWithShares'
      ) {
        report(`periodDays needs a period question, "${question.id}" is ${question.kind}`, path);
      }
      return;
    }
    case 'integerCompare': {
      const question = target(condition.question);
      if (question && question.kind !== 'integer') {
        report(
          `integerCompare needs an integer question, "${question.id}" is ${question.kind}`,
          path,
        );
      }
      return;
    }
    case 'patientAge':
    case 'role':
      return;
    case 'not':
      checkCondition(condition.condition, questions, [...path, 'condition'], report);
      return;
    case 'and':
    case 'or':
      condition.conditions.forEach((child, index) =>
        checkCondition(child, questions, [...path, 'conditions', index], report),
      );
      return;
    default:
      assertNever(condition);
  }
}

/** Question ids a condition reads (including date references). */
export function conditionQuestionIds(
  condition: Condition,
  into: Set<string> = new Set(),
): Set<string> {
  switch (condition.type) {
    case 'answered':
    case 'equals':
    case 'includes':
    case 'includesAny':
    case 'integerCompare':
    case 'periodDays':
      into.add(condition.question);
      break;
    case 'dateBefore':
    case 'dateAfter':
      into.add(condition.question);
      if (condition.reference.type === 'answer') into.add(condition.reference.question);
      break;
    case 'patientAge':
    case 'role':
      break;
    case 'not':
      conditionQuestionIds(condition.condition, into);
      break;
    case 'and':
    case 'or':
      for (const child of condition.conditions) conditionQuestionIds(child, into);
      break;
    default:
      assertNever(condition);
  }
  return into;
}

export function assertNever(value: never): never {
  throw new Error(`Unhandled variant: ${JSON.stringify(value)}`);
}

type DefinitionObject = z.infer<typeof definitionObjectSchema>;

export function checkDefinition(definition: DefinitionObject, report: IssueSink): void {
  const questions = new Map<string, Question>();
  const categoryOf = new Map<string, Category>();
  const categoryIds = new Set<string>();

  definition.categories.forEach((category, ci) => {
    if (categoryIds.has(category.id))
      report(`Duplicate category id "${category.id}"`, ['categories', ci, 'id']);
    categoryIds.add(category.id);
    category.questions.forEach((question, qi) => {
      if (questions.has(question.id)) {
        report(`Duplicate question id "${question.id}"`, ['categories', ci, 'questions', qi, 'id']);
      }
      questions.set(question.id, question);
      categoryOf.set(question.id, category);
    });
  });

  definition.categories.forEach((category, ci) => {
    if (category.visibleIf) {
      checkCondition(category.visibleIf, questions, ['categories', ci, 'visibleIf'], report);
    }
    category.questions.forEach((question, qi) => {
      const path: PropertyKey[] = ['categories', ci, 'questions', qi];
      if (question.visibleIf)
        checkCondition(question.visibleIf, questions, [...path, 'visibleIf'], report);
      if (!isAnswerQuestion(question)) return;
      if (question.enabledIf)
        checkCondition(question.enabledIf, questions, [...path, 'enabledIf'], report);
      if (question.requiredIf)
        checkCondition(question.requiredIf, questions, [...path, 'requiredIf'], report);
      if (question.required === true && question.requiredIf) {
        report('Use either required: true or requiredIf, not both', [...path, 'requiredIf']);
      }
      question.messages?.forEach((message, mi) => {
        if (message.when)
          checkCondition(message.when, questions, [...path, 'messages', mi, 'when'], report);
      });
      const codes = optionCodes(question);
      if (codes && new Set(codes).size !== codes.length) {
        report(`Question "${question.id}" has duplicate option codes`, [...path, 'options']);
      }
      if (question.kind === 'integer' && question.min > question.max) {
        report('min must not exceed max', [...path, 'min']);
      }
      if (
        question.kind === 'diagnoses' &&
        question.rowLabels &&
        question.rowLabels.length !== question.maxRows
      ) {
        report('rowLabels must have one label per row (maxRows)', [...path, 'rowLabels']);
      }
    });
  });

  const requireKind = (id: string, kinds: readonly QuestionKind[], path: PropertyKey[]): void => {
    const question = questions.get(id);
    if (!question) report(`Unknown question "${id}"`, path);
    else if (!kinds.includes(question.kind)) {
      report(`Question "${id}" is ${question.kind}; expected ${kinds.join(' or ')}`, path);
    }
  };

  definition.crossChecks?.forEach((check, index) => {
    const path: PropertyKey[] = ['crossChecks', index];
    if (check.when) checkCondition(check.when, questions, [...path, 'when'], report);
    switch (check.type) {
      case 'noOverlap':
        requireKind(
          check.question,
          ['sickLeavePeriods', 'periodsWithShares'],
          [...path, 'question'],
        );
        return;
      case 'rowsFromTop':
        requireKind(check.question, ['diagnoses', 'investigations'], [...path, 'question']);
        return;
      case 'dateNotAfter':
        checkDateTarget(check.date, questions, [...path, 'date'], report);
        checkDateTarget(check.notAfter, questions, [...path, 'notAfter'], report);
        if (check.attachTo !== undefined && !questions.has(check.attachTo)) {
          report(`Unknown question "${check.attachTo}"`, [...path, 'attachTo']);
        }
        return;
      case 'atLeastOneAnswered':
        check.questions.forEach((id, qi) => {
          const question = questions.get(id);
          if (!question) report(`Unknown question "${id}"`, [...path, 'questions', qi]);
          else if (!isAnswerQuestion(question)) {
            report(`Question "${id}" holds no answer`, [...path, 'questions', qi]);
          }
        });
        if (!check.questions.includes(check.attachTo)) {
          report("attachTo must be one of the group's questions", [...path, 'attachTo']);
        }
        return;
      default:
        assertNever(check);
    }
  });

  definition.policy.renew.notCopied.forEach((id, index) => {
    if (!questions.has(id))
      report(`Unknown question "${id}"`, ['policy', 'renew', 'notCopied', index]);
  });
  definition.notices?.forEach((notice, index) => {
    if (notice.categoryId !== undefined && !categoryIds.has(notice.categoryId)) {
      report(`Unknown category "${notice.categoryId}"`, ['notices', index, 'categoryId']);
    }
    if (notice.when) checkCondition(notice.when, questions, ['notices', index, 'when'], report);
  });
  definition.confirmations?.forEach((confirmation, index) => {
    checkCondition(confirmation.when, questions, ['confirmations', index, 'when'], report);
  });

  // Visibility must not depend on itself (directly or through other questions).
  const activityDeps = new Map<string, Set<string>>();
  for (const [id, question] of questions) {
    const deps = new Set<string>();
    const category = categoryOf.get(id);
    if (category?.visibleIf) conditionQuestionIds(category.visibleIf, deps);
    if (question.visibleIf) conditionQuestionIds(question.visibleIf, deps);
    if (isAnswerQuestion(question) && question.enabledIf)
      conditionQuestionIds(question.enabledIf, deps);
    activityDeps.set(id, deps);
  }
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (id: string, trail: string[]): void => {
    const current = state.get(id);
    if (current === 'done') return;
    if (current === 'visiting') {
      report(`Visibility rules form a cycle: ${[...trail, id].join(' → ')}`, ['categories']);
      return;
    }
    state.set(id, 'visiting');
    for (const dep of activityDeps.get(id) ?? []) {
      if (activityDeps.has(dep)) visit(dep, [...trail, id]);
    }
    state.set(id, 'done');
  };
  for (const id of activityDeps.keys()) visit(id, []);
}
