/**
 * The rule engine: visibility, enablement, required state, validation, messages, readiness.
 *
 * Semantics in short:
 * - A question is *visible* when its category's and its own `visibleIf` hold, *enabled* when
 *   its `enabledIf` holds, and *active* when both are true.
 * - Rules read *effective* answers: the answer of an inactive question reads as unanswered, so
 *   a stale answer behind a hidden question never shows, requires or validates anything.
 * - Only active questions are required, validated or reported; hidden or disabled questions
 *   never block signing. `pruneHidden` drops their answers before save and sign.
 */
import {
  conditionQuestionIds,
  isAnswerQuestion,
  type AnswerQuestion,
  type Category,
  type CertificateDefinition,
  type Condition,
  type Confirmation,
  type ConditionalMessage,
  type CrossCheckType,
  type Notice,
  type Question,
  type QuestionKind,
  type Role,
} from './definition-schema';
import { evaluateCondition, type ConditionEnv } from './conditions';
import { isAnswered, type Answers, type PeriodRow } from './answer-values';
import { crossCheckQuestionIds, runCrossChecks, type CrossCheckIssue } from './cross-checks';
import { isIsoDate, type IsoDate } from './dates';
import type { DiagnosisTitles } from './diagnosis';
import { READINESS_MESSAGES } from './messages';
import {
  disabledOptionCodes,
  validateAnswer,
  type IssueKind,
  type IssuePath,
} from './validate-answer';

export interface EvaluationContext {
  /** Today's date, 'YYYY-MM-DD'. Rules never read the clock. */
  today: IsoDate;
  role: Role;
  consentRecorded: boolean;
  patient?: { birthDate?: string | undefined } | undefined;
  /** When given, diagnosis codes it rejects get "Diagnoskod är ej giltig.". */
  isKnownDiagnosisCode?: ((code: string) => boolean) | undefined;
  /** When given, a diagnosis description that is another code's official title is refused. */
  diagnosisTitles?: DiagnosisTitles | undefined;
  /**
   * On a complementing certificate: the question ids FK's complement request names. Those the
   * definition marks `shownOnComplementRequest` are shown whatever their `visibleIf` says.
   */
  complementRequested?: readonly string[] | undefined;
  /**
   * On a renewal: the renewed certificate's periods, per period question the renewal leaves
   * empty. A new period continues after them; they are shown beside the question.
   */
  previousPeriods?: Readonly<Record<string, readonly PeriodRow[]>> | undefined;
}

export interface QuestionError {
  message: string;
  kind: IssueKind;
  /** Relative to the question, e.g. [] or [0, 'from']. */
  path: IssuePath;
  /** 'answer' for the question's own rules, else the cross-check type. */
  source: 'answer' | CrossCheckType;
}

export interface ActiveMessage {
  id?: string | undefined;
  text: string;
  severity: ConditionalMessage['severity'];
}

export interface QuestionState {
  id: string;
  categoryId: string;
  kind: QuestionKind;
  visible: boolean;
  enabled: boolean;
  required: boolean;
  answered: boolean;
  /** Validation errors (missing and invalid), only for visible, enabled questions. */
  errors: QuestionError[];
  /** Non-blocking info/warning messages whose condition holds (visible questions only). */
  messages: ActiveMessage[];
  /** Option codes the renderer should disable (exclusive options). */
  disabledOptions: string[];
}

export interface CategoryState {
  id: string;
  visible: boolean;
  /** Questions with a 'missing' error. */
  missing: string[];
  /** Questions with an 'invalid' error. */
  invalid: string[];
}

export type BlockerKind = 'missing' | 'invalid' | 'consent';

export interface Blocker {
  kind: BlockerKind;
  message: string;
  questionId?: string | undefined;
  categoryId?: string | undefined;
  /** Relative to the question (empty for consent). */
  path: IssuePath;
}

export interface Readiness {
  /** True exactly when `blockers` is empty. Whether the role may sign is `roleMaySign`. */
  readyToSign: boolean;
  blockers: Blocker[];
}

export interface EvaluationResult {
  questions: Record<string, QuestionState>;
  categories: Record<string, CategoryState>;
  readiness: Readiness;
  /** Definition notices whose condition holds (and whose category is visible). */
  notices: Notice[];
  /** Confirmations whose condition holds (the renderer shows those matching its trigger). */
  confirmations: Confirmation[];
  roleMayDraft: boolean;
  roleMaySign: boolean;
}

// ---------------------------------------------------------------------------
// Compiled definition (built once per definition object)

interface QuestionEntry {
  question: Question;
  category: Category;
}

interface CompiledDefinition {
  definition: CertificateDefinition;
  entries: QuestionEntry[];
  byId: Map<string, QuestionEntry>;
  dependencies: Map<string, string[]>;
  order: Map<string, number>;
}

const compiledCache = new WeakMap<CertificateDefinition, CompiledDefinition>();

function compile(definition: CertificateDefinition): CompiledDefinition {
  const cached = compiledCache.get(definition);
  if (cached) return cached;
  const entries: QuestionEntry[] = [];
  const byId = new Map<string, QuestionEntry>();
  const order = new Map<string, number>();
  for (const category of definition.categories) {
    for (const question of category.questions) {
      const entry = { question, category };
      entries.push(entry);
      byId.set(question.id, entry);
      order.set(question.id, order.size);
    }
  }
  const compiled: CompiledDefinition = {
    definition,
    entries,
    byId,
    dependencies: new Map(),
    order,
  };
  compiledCache.set(definition, compiled);
  return compiled;
}

// ---------------------------------------------------------------------------
// One evaluation

interface Activity {
  visible: boolean;
  enabled: boolean;
}

class Session {
  private readonly activity = new Map<string, Activity | 'pending'>();
  private readonly categoryVisibility = new Map<string, boolean>();
  private readonly states = new Map<string, QuestionState>();
  private crossIssues: Map<string, CrossCheckIssue[]> | undefined;
  readonly env: ConditionEnv;

  constructor(
    private readonly compiled: CompiledDefinition,
    private readonly answers: Answers,
    readonly context: EvaluationContext,
  ) {
    if (!isIsoDate(context.today)) {
      throw new RangeError(`context.today must be 'YYYY-MM-DD', got "${String(context.today)}"`);
    }
    this.env = {
      question: (id) => compiled.byId.get(id)?.question,
      value: (id) => this.effectiveValue(id),
      today: context.today,
      role: context.role,
      patientBirthDate: context.patient?.birthDate,
    };
  }

  holds(condition: Condition | undefined): boolean {
    return condition === undefined || evaluateCondition(condition, this.env);
  }

  rawValue(id: string): unknown {
    return Object.hasOwn(this.answers, id) ? this.answers[id] : undefined;
  }

  categoryVisible(category: Category): boolean {
    const known = this.categoryVisibility.get(category.id);
    if (known !== undefined) return known;
    const visible = this.holds(category.visibleIf);
    this.categoryVisibility.set(category.id, visible);
    return visible;
  }

  activityOf(id: string): Activity {
    const known = this.activity.get(id);
    if (known === 'pending') throw new Error(`Cyclic visibility rules around question "${id}"`);
    if (known) return known;
    const entry = this.compiled.byId.get(id);
    if (!entry) return { visible: false, enabled: false };
    this.activity.set(id, 'pending');
    const visible =
      this.categoryVisible(entry.category) &&
      (this.holds(entry.question.visibleIf) || this.requestedByFk(entry.question));
    const enabled =
      visible && (isAnswerQuestion(entry.question) ? this.holds(entry.question.enabledIf) : true);
    const result = { visible, enabled };
    this.activity.set(id, result);
    return result;
  }

  private requestedByFk(question: Question): boolean {
    return (
      isAnswerQuestion(question) &&
      question.shownOnComplementRequest === true &&
      (this.context.complementRequested ?? []).includes(question.id)
    );
  }

  isActive(id: string): boolean {
    const { visible, enabled } = this.activityOf(id);
    return visible && enabled;
  }

  effectiveValue(id: string): unknown {
    return this.isActive(id) ? this.rawValue(id) : undefined;
  }

  private crossCheckIssues(): Map<string, CrossCheckIssue[]> {
    if (this.crossIssues) return this.crossIssues;
    const byQuestion = new Map<string, CrossCheckIssue[]>();
    const issues = runCrossChecks(this.compiled.definition.crossChecks ?? [], {
      question: (id) => this.compiled.byId.get(id)?.question,
      value: (id) => this.effectiveValue(id),
      isActive: (id) => this.isActive(id),
      holds: (condition) => this.holds(condition),
    });
    for (const issue of issues) {
      const list = byQuestion.get(issue.questionId) ?? [];
      list.push(issue);
      byQuestion.set(issue.questionId, list);
    }
    this.crossIssues = byQuestion;
    return byQuestion;
  }

  questionState(id: string): QuestionState {
    const known = this.states.get(id);
    if (known) return known;
    const entry = this.compiled.byId.get(id);
    if (!entry) throw new Error(`Unknown question "${id}"`);
    const { question, category } = entry;
    const { visible, enabled } = this.activityOf(id);
    const state: QuestionState = {
      id,
      categoryId: category.id,
      kind: question.kind,
      visible,
      enabled,
      required: false,
      answered: false,
      errors: [],
      messages: [],
      disabledOptions: [],
    };
    if (isAnswerQuestion(question)) this.fillAnswerState(question, state);
    this.states.set(id, state);
    return state;
  }

  private fillAnswerState(question: AnswerQuestion, state: QuestionState): void {
    const raw = this.rawValue(question.id);
    state.answered = isAnswered(question, raw);
    if (state.visible && question.messages) {
      state.messages = question.messages
        .filter((message) => this.holds(message.when))
        .map((message) => ({ id: message.id, text: message.text, severity: message.severity }));
    }
    if (!state.visible || !state.enabled) return;
    state.required =
      question.required === true ||
      (question.requiredIf !== undefined && this.holds(question.requiredIf));
    const own = validateAnswer(question, raw, state.required, this.context);
    const cross = this.crossCheckIssues().get(question.id) ?? [];
    state.errors = [
      ...own.map((issue): QuestionError => ({ ...issue, source: 'answer' })),
      ...cross.map((issue): QuestionError => ({
        message: issue.message,
        kind: issue.kind,
        path: issue.path,
        source: issue.check,
      })),
    ];
    state.disabledOptions = disabledOptionCodes(question, raw);
  }
}

function sessionFor(
  definition: CertificateDefinition,
  answers: Answers,
  context: EvaluationContext,
): { compiled: CompiledDefinition; session: Session } {
  const compiled = compile(definition);
  return { compiled, session: new Session(compiled, answers, context) };
}

/** Evaluates every rule of a definition against answers. */
export function evaluate(
  definition: CertificateDefinition,
  answers: Answers,
  context: EvaluationContext,
): EvaluationResult {
  const { compiled, session } = sessionFor(definition, answers, context);
  const questions: Record<string, QuestionState> = {};
  const categories: Record<string, CategoryState> = {};
  const blockers: Blocker[] = [];

  for (const category of definition.categories) {
    const categoryState: CategoryState = {
      id: category.id,
      visible: session.categoryVisible(category),
      missing: [],
      invalid: [],
    };
    for (const question of category.questions) {
      const state = session.questionState(question.id);
      questions[question.id] = state;
      let missing = false;
      let invalid = false;
      for (const error of state.errors) {
        if (error.kind === 'missing') missing = true;
        else invalid = true;
        blockers.push({
          kind: error.kind,
          message: error.message,
          questionId: question.id,
          categoryId: category.id,
          path: error.path,
        });
      }
      if (missing) categoryState.missing.push(question.id);
      if (invalid) categoryState.invalid.push(question.id);
    }
    categories[category.id] = categoryState;
  }

  const { policy } = compiled.definition;
  if (policy.consentRequired && !context.consentRecorded) {
    blockers.push({ kind: 'consent', message: READINESS_MESSAGES.consentMissing, path: [] });
  }

  const notices = (definition.notices ?? []).filter(
    (notice) =>
      (notice.categoryId === undefined || categories[notice.categoryId]?.visible === true) &&
      session.holds(notice.when),
  );
  const confirmations = (definition.confirmations ?? []).filter((confirmation) =>
    session.holds(confirmation.when),
  );

  return {
    questions,
    categories,
    readiness: { readyToSign: blockers.length === 0, blockers },
    notices,
    confirmations,
    roleMayDraft: policy.draftRoles.includes(context.role),
    roleMaySign: policy.signRoles.includes(context.role),
  };
}

/**
 * The state of one question. Needs only the answers `getRuleDependencies` lists for it, so a
 * renderer can compute it from the few values it subscribes to.
 */
export function evaluateQuestion(
  definition: CertificateDefinition,
  questionId: string,
  answers: Answers,
  context: EvaluationContext,
): QuestionState {
  return sessionFor(definition, answers, context).session.questionState(questionId);
}

/**
 * Removes answers the certificate must not carry: answers of hidden or disabled questions,
 * of info/heading kinds, of unknown ids, and undefined values. Idempotent.
 */
export function pruneHidden(
  definition: CertificateDefinition,
  answers: Answers,
  context: EvaluationContext,
): Answers {
  const { compiled, session } = sessionFor(definition, answers, context);
  const pruned: Answers = {};
  for (const { question } of compiled.entries) {
    if (!isAnswerQuestion(question) || !session.isActive(question.id)) continue;
    const value = session.rawValue(question.id);
    // null is how the form writes a cleared answer: unanswered, like undefined.
    if (value !== undefined && value !== null) pruned[question.id] = value;
  }
  return pruned;
}

// ---------------------------------------------------------------------------
// Dependencies

function activityRefs(entry: QuestionEntry): Set<string> {
  const refs = new Set<string>();
  if (entry.category.visibleIf) conditionQuestionIds(entry.category.visibleIf, refs);
  if (entry.question.visibleIf) conditionQuestionIds(entry.question.visibleIf, refs);
  if (isAnswerQuestion(entry.question) && entry.question.enabledIf) {
    conditionQuestionIds(entry.question.enabledIf, refs);
  }
  return refs;
}

/**
 * Question ids whose answers decide whether a category is visible (its `visibleIf`, and
 * transitively whatever decides whether those questions are active).
 */
export function getCategoryDependencies(
  definition: CertificateDefinition,
  categoryId: string,
): string[] {
  const compiled = compile(definition);
  const category = definition.categories.find((candidate) => candidate.id === categoryId);
  if (!category) throw new Error(`Unknown category "${categoryId}"`);
  const result = new Set<string>();
  const add = (id: string): void => {
    if (result.has(id)) return;
    result.add(id);
    const dependency = compiled.byId.get(id);
    if (!dependency) return;
    for (const ref of activityRefs(dependency)) add(ref);
  };
  const refs = new Set<string>();
  if (category.visibleIf) conditionQuestionIds(category.visibleIf, refs);
  for (const ref of refs) add(ref);
  return [...result].sort((a, b) => (compiled.order.get(a) ?? 0) - (compiled.order.get(b) ?? 0));
}

/** Whether a category is visible for these answers (same rule as `evaluate`). */
export function isCategoryVisible(
  definition: CertificateDefinition,
  categoryId: string,
  answers: Answers,
  context: EvaluationContext,
): boolean {
  const category = definition.categories.find((candidate) => candidate.id === categoryId);
  if (!category) throw new Error(`Unknown category "${categoryId}"`);
  return sessionFor(definition, answers, context).session.categoryVisible(category);
}

/**
 * Question ids whose answers the state of `questionId` depends on: the question itself, every
 * question its visibility, enabled state, required state, messages and cross-checks read, and,
 * transitively, whatever decides whether those are visible. Ordered as in the definition.
 */
export function getRuleDependencies(
  definition: CertificateDefinition,
  questionId: string,
): string[] {
  const compiled = compile(definition);
  const cached = compiled.dependencies.get(questionId);
  if (cached) return cached;
  const entry = compiled.byId.get(questionId);
  if (!entry) throw new Error(`Unknown question "${questionId}"`);

  const result = new Set<string>();
  const addWithActivity = (id: string): void => {
    if (result.has(id)) return;
    result.add(id);
    const dependency = compiled.byId.get(id);
    if (!dependency) return;
    for (const ref of activityRefs(dependency)) addWithActivity(ref);
  };

  addWithActivity(questionId);
  const { question } = entry;
  if (isAnswerQuestion(question)) {
    const refs = new Set<string>();
    if (question.requiredIf) conditionQuestionIds(question.requiredIf, refs);
    for (const message of question.messages ?? []) {
      if (message.when) conditionQuestionIds(message.when, refs);
    }
    for (const check of definition.crossChecks ?? []) {
      const involved = crossCheckQuestionIds(check);
      if (!involved.includes(questionId)) continue;
      for (const id of involved) refs.add(id);
      if (check.when) conditionQuestionIds(check.when, refs);
    }
    for (const ref of refs) addWithActivity(ref);
  }

  const ordered = [...result].sort(
    (a, b) => (compiled.order.get(a) ?? 0) - (compiled.order.get(b) ?? 0),
  );
  compiled.dependencies.set(questionId, ordered);
  return ordered;
}
