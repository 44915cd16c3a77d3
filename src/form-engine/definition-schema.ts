/**
 * The certificate definition format and its zod meta-schema.
 *
 * A definition is pure JSON data: identity, policy, categories with questions, rule slots
 * holding condition objects, cross-field checks, notices and confirmations. Every object is
 * strict (unknown keys are errors) and every union is discriminated, so a typo or an unknown
 * condition type is a parse error rather than a rule that silently holds.
 * `certificateDefinitionSchema` also checks references: every question a rule names must
 * exist and be of a kind the rule can read, and visibility rules must not form cycles.
 */
import { z } from 'zod';
import { MESSAGE_KEYS, type MessageKey } from './messages';
import { roleSchema } from './roles';
import { signingTransformSchema } from './signing';

// ---------------------------------------------------------------------------
// Primitives

/** Question ids: letters, digits and '_' only (react-hook-form treats '.' as a path). */
export const questionIdSchema = z
  .string()
  .regex(
    /^[0-9A-Za-z_]+$/,
    'Question ids may only contain letters, digits and "_" (no dots; put FK\'s dotted id in fkFieldId)',
  );

export { roleSchema, type Role } from './roles';

const nonBlank = z.string().regex(/\S/, 'Must not be blank');
const codeSchema = z.string().regex(/^\S+$/, 'Codes must be non-empty without spaces');

/** Offset from a base date; applied as years, then months, then days. */
export const dateOffsetSchema = z.strictObject({
  days: z.int().optional(),
  months: z.int().optional(),
  years: z.int().optional(),
});
export type DateOffsetSpec = z.infer<typeof dateOffsetSchema>;

/** Which date of an answer: 'date' (date, checkboxDates, investigations) or 'from'/'to' (periods). */
export const dateFieldSchema = z.enum(['date', 'from', 'to']);
export type DateField = z.infer<typeof dateFieldSchema>;

export const comparisonOperatorSchema = z.enum(['lt', 'lte', 'gt', 'gte', 'eq', 'neq']);
export type ComparisonOperator = z.infer<typeof comparisonOperatorSchema>;

// ---------------------------------------------------------------------------
// Conditions

/** Points at the date(s) of an answer; `code` narrows to one option's row. */
export const dateSelectorSchema = z.strictObject({
  question: questionIdSchema,
  code: codeSchema.optional(),
  field: dateFieldSchema.optional(),
});
export type DateSelector = z.infer<typeof dateSelectorSchema>;

export const dateReferenceSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('today'), offset: dateOffsetSchema.optional() }),
  z.strictObject({
    type: z.literal('answer'),
    question: questionIdSchema,
    code: codeSchema.optional(),
    field: dateFieldSchema.optional(),
    /** When the answer holds several dates: use the earliest (default) or the latest. */
    pick: z.enum(['earliest', 'latest']).optional(),
    offset: dateOffsetSchema.optional(),
  }),
]);
export type DateReference = z.infer<typeof dateReferenceSchema>;

const answeredConditionSchema = z.strictObject({
  type: z.literal('answered'),
  question: questionIdSchema,
});
const equalsConditionSchema = z.strictObject({
  type: z.literal('equals'),
  question: questionIdSchema,
  value: z.union([z.string(), z.number(), z.boolean()]),
});
const includesConditionSchema = z.strictObject({
  type: z.literal('includes'),
  question: questionIdSchema,
  code: codeSchema,
});
const includesAnyConditionSchema = z.strictObject({
  type: z.literal('includesAny'),
  question: questionIdSchema,
  codes: z.array(codeSchema).min(1),
});
const dateComparisonShape = {
  question: questionIdSchema,
  code: codeSchema.optional(),
  field: dateFieldSchema.optional(),
  /** With several dates: 'any' (default) or 'all' must satisfy the comparison. */
  match: z.enum(['any', 'all']).optional(),
  /** Also true on the reference day itself (on-or-before / on-or-after). */
  inclusive: z.boolean().optional(),
  reference: dateReferenceSchema,
};
const dateBeforeConditionSchema = z.strictObject({
  type: z.literal('dateBefore'),
  ...dateComparisonShape,
});
const dateAfterConditionSchema = z.strictObject({
  type: z.literal('dateAfter'),
  ...dateComparisonShape,
});
const integerCompareConditionSchema = z.strictObject({
  type: z.literal('integerCompare'),
  question: questionIdSchema,
  operator: comparisonOperatorSchema,
  value: z.int(),
});
/** The distinct days a period list covers (FK's "total sjukskrivningsperiod"), compared to a number. */
const periodDaysConditionSchema = z.strictObject({
  type: z.literal('periodDays'),
  question: questionIdSchema,
  operator: comparisonOperatorSchema,
  days: z.int().min(0),
});
const patientAgeConditionSchema = z.strictObject({
  type: z.literal('patientAge'),
  operator: comparisonOperatorSchema,
  years: z.int().min(0),
});
const roleConditionSchema = z.strictObject({
  type: z.literal('role'),
  roles: z.array(roleSchema).min(1),
});

type LeafCondition =
  | z.infer<typeof answeredConditionSchema>
  | z.infer<typeof equalsConditionSchema>
  | z.infer<typeof includesConditionSchema>
  | z.infer<typeof includesAnyConditionSchema>
  | z.infer<typeof dateBeforeConditionSchema>
  | z.infer<typeof dateAfterConditionSchema>
  | z.infer<typeof integerCompareConditionSchema>
  | z.infer<typeof periodDaysConditionSchema>
  | z.infer<typeof patientAgeConditionSchema>
  | z.infer<typeof roleConditionSchema>;

/** A rule condition: pure data, evaluated by `evaluateCondition`. */
export type Condition =
  | LeafCondition
  | { type: 'not'; condition: Condition }
  | { type: 'and'; conditions: Condition[] }
  | { type: 'or'; conditions: Condition[] };

export type ConditionType = Condition['type'];

export const conditionSchema: z.ZodType<Condition, Condition> = z.lazy(() =>
  z.discriminatedUnion('type', [
    answeredConditionSchema,
    equalsConditionSchema,
    includesConditionSchema,
    includesAnyConditionSchema,
    dateBeforeConditionSchema,
    dateAfterConditionSchema,
    integerCompareConditionSchema,
    periodDaysConditionSchema,
    patientAgeConditionSchema,
    roleConditionSchema,
    z.strictObject({ type: z.literal('not'), condition: conditionSchema }),
    z.strictObject({ type: z.literal('and'), conditions: z.array(conditionSchema).min(1) }),
    z.strictObject({ type: z.literal('or'), conditions: z.array(conditionSchema).min(1) }),
  ]),
);

// ---------------------------------------------------------------------------
// Questions

export const conditionalMessageSchema = z.strictObject({
  id: z.string().optional(),
  /** Shown while this holds; absent = always (while the question is visible). */
  when: conditionSchema.optional(),
  text: nonBlank,
  severity: z.enum(['info', 'warning']),
});
export type ConditionalMessage = z.infer<typeof conditionalMessageSchema>;

const messageKeyEnum = z.enum(MESSAGE_KEYS);
/** Per-question replacements of the generic texts in messages.ts. */
export const errorTextsSchema = z.partialRecord(messageKeyEnum, nonBlank);
export type ErrorTexts = Partial<Record<MessageKey, string>>;

export const optionSchema = z.strictObject({
  code: codeSchema,
  label: nonBlank,
  codeSystem: z.string().optional(),
  description: z.string().optional(),
  fkFieldId: z.string().optional(),
});
export type QuestionOption = z.infer<typeof optionSchema>;

const checkboxOptionSchema = optionSchema.extend({
  /** Cannot be combined with the other options (e.g. LISJP v1 "Inte aktuellt"). */
  exclusive: z.boolean().optional(),
});

const periodOptionSchema = optionSchema.extend({
  /** Percentage the option stands for (e.g. 25 for EN_FJARDEDEL). */
  percent: z.number().min(12.5).max(100),
});

const layoutSchema = z.enum(['rows', 'columns']);

const answerQuestionShape = {
  id: questionIdSchema,
  /** FK's field id when it differs from `id`, e.g. "54.1", "1.3", "33.2". */
  fkFieldId: z.string().optional(),
  /** The official Swedish question text. */
  label: nonBlank,
  /** Sub-text shown under the label. */
  description: z.string().optional(),
  /** Help text behind a help button. */
  help: z.string().optional(),
  visibleIf: conditionSchema.optional(),
  enabledIf: conditionSchema.optional(),
  /** Always required (while visible and enabled). Mutually exclusive with requiredIf. */
  required: z.boolean().optional(),
  /** Required while this holds (and the question is visible and enabled). */
  requiredIf: conditionSchema.optional(),
  messages: z.array(conditionalMessageSchema).optional(),
  errorTexts: errorTextsSchema.optional(),
  /** A Webcert/editor-only field that is not sent to FK (e.g. 7809 "funktionsnedsattning"). */
  notSentToRecipient: z.boolean().optional(),
  /** Not shown to the patient in Mina intyg. */
  hiddenFromPatient: z.boolean().optional(),
};

const textLimits = {
  maxLength: z.int().positive().optional(),
  /** Reject non-empty text made of blanks only ("Fältet får inte fyllas i med endast blanksteg."). */
  rejectBlankOnly: z.boolean().optional(),
  placeholder: z.string().optional(),
};

const dateLimits = {
  /** Earliest allowed date, relative to today (e.g. { "days": -90 }). */
  minDate: dateOffsetSchema.optional(),
  /** Latest allowed date, relative to today ({} or { "days": 0 } = not in the future). */
  maxDate: dateOffsetSchema.optional(),
};

export const textAreaQuestionSchema = z.strictObject({
  ...answerQuestionShape,
  kind: z.literal('textArea'),
  ...textLimits,
  /** Text area hidden behind a "Visa fritextfältet" toggle (LUSE/LUAE 8–14). */
  collapsible: z.boolean().optional(),
});
export const textFieldQuestionSchema = z.strictObject({
  ...answerQuestionShape,
  kind: z.literal('textField'),
  ...textLimits,
});
export const icfQuestionSchema = z.strictObject({
  ...answerQuestionShape,
  kind: z.literal('icf'),
  ...textLimits,
  icfCategory: z.enum(['FUNKTIONSNEDSATTNINGAR', 'AKTIVITETSBEGRANSNINGAR']),
  modalLabel: z.string().optional(),
  collectionsLabel: z.string().optional(),
});
export const yesNoQuestionSchema = z.strictObject({
  ...answerQuestionShape,
  kind: z.literal('yesNo'),
  trueLabel: z.string().optional(),
  falseLabel: z.string().optional(),
});
export const checkboxQuestionSchema = z.strictObject({
  ...answerQuestionShape,
  kind: z.literal('checkbox'),
  /** Text next to the box, e.g. "Jag önskar att Försäkringskassan kontaktar mig". */
  checkboxLabel: nonBlank,
  /** How an unticked box reads in the signed view, e.g. "Ej angivet". */
  uncheckedLabel: z.string().optional(),
});
export const codeRadioQuestionSchema = z.strictObject({
  ...answerQuestionShape,
  kind: z.literal('codeRadio'),
  options: z.array(optionSchema).min(1),
  layout: layoutSchema.optional(),
});
export const dropdownQuestionSchema = z.strictObject({
  ...answerQuestionShape,
  kind: z.literal('dropdown'),
  options: z.array(optionSchema).min(1),
  placeholder: z.string().optional(),
});
export const codeCheckboxesQuestionSchema = z.strictObject({
  ...answerQuestionShape,
  kind: z.literal('codeCheckboxes'),
  options: z.array(checkboxOptionSchema).min(1),
  layout: layoutSchema.optional(),
});
export const checkboxDatesQuestionSchema = z.strictObject({
  ...answerQuestionShape,
  kind: z.literal('checkboxDates'),
  options: z.array(optionSchema).min(1),
  ...dateLimits,
});
export const dateQuestionSchema = z.strictObject({
  ...answerQuestionShape,
  kind: z.literal('date'),
  ...dateLimits,
});
export const integerQuestionSchema = z.strictObject({
  ...answerQuestionShape,
  kind: z.literal('integer'),
  min: z.int(),
  max: z.int(),
  /** Unit shown after the input, e.g. "månader". */
  unit: z.string().optional(),
});
export const sickLeavePeriodsQuestionSchema = z.strictObject({
  ...answerQuestionShape,
  kind: z.literal('sickLeavePeriods'),
  options: z.array(periodOptionSchema).min(1),
  ...dateLimits,
  /** Show the "arbetstid timmar/vecka" helper (client-side only). Default true. */
  showWorkingHours: z.boolean().optional(),
});
export const periodsWithSharesQuestionSchema = z.strictObject({
  ...answerQuestionShape,
  kind: z.literal('periodsWithShares'),
  options: z.array(periodOptionSchema).min(1),
  ...dateLimits,
});
export const diagnosesQuestionSchema = z.strictObject({
  ...answerQuestionShape,
  kind: z.literal('diagnoses'),
  maxRows: z.int().min(1).max(20),
  /** Labels per row, e.g. ["Diagnos 1 (huvuddiagnos)", "Diagnos 2", "Diagnos 3"]. */
  rowLabels: z.array(z.string()).optional(),
  /** Code systems offered (e.g. ["ICD-10-SE"] or ["ICD-10-SE", "KSH97-P"]). */
  codeSystems: z.array(z.string()).min(1).optional(),
  /** All rows must use the same code system (v1 forms). */
  sameCodeSystem: z.boolean().optional(),
  /** Schematron-style length rules; absent = only the basic pattern (letter + 2 digits …). */
  codeFormat: z
    .strictObject({
      minLength: z.int().min(1).optional(),
      maxLength: z.int().min(1).optional(),
      psychiatricMinLength: z.int().min(1).optional(),
      /** Code prefixes counted as psychiatric (default ["F", "Z73"]). */
      psychiatricPrefixes: z.array(z.string().min(1)).optional(),
    })
    .optional(),
  descriptionMaxLength: z.int().positive().optional(),
});
export const investigationsQuestionSchema = z.strictObject({
  ...answerQuestionShape,
  kind: z.literal('investigations'),
  /** Investigation types (KV_FKMU_0005 subset). */
  options: z.array(optionSchema).min(1),
  maxRows: z.int().min(1).max(20),
  ...dateLimits,
  sourceMaxLength: z.int().positive().optional(),
  columnLabels: z
    .strictObject({ date: z.string(), type: z.string(), source: z.string() })
    .optional(),
});
export const careUnitContactQuestionSchema = z.strictObject({
  ...answerQuestionShape,
  kind: z.literal('careUnitContact'),
  /** Postcode must be five digits (v1 forms). */
  postcodeFiveDigits: z.boolean().optional(),
});
export const infoQuestionSchema = z.strictObject({
  id: questionIdSchema,
  kind: z.literal('info'),
  fkFieldId: z.string().optional(),
  label: z.string().optional(),
  text: nonBlank,
  /** 'observe' is FK's OBSERVE level (shown more prominently). */
  level: z.enum(['info', 'observe']).optional(),
  /** Shown only while the certificate is a draft. */
  draftOnly: z.boolean().optional(),
  visibleIf: conditionSchema.optional(),
});
export const headingQuestionSchema = z.strictObject({
  id: questionIdSchema,
  kind: z.literal('heading'),
  fkFieldId: z.string().optional(),
  label: nonBlank,
  description: z.string().optional(),
  help: z.string().optional(),
  visibleIf: conditionSchema.optional(),
});

export const questionSchema = z.discriminatedUnion('kind', [
  textAreaQuestionSchema,
  textFieldQuestionSchema,
  icfQuestionSchema,
  yesNoQuestionSchema,
  checkboxQuestionSchema,
  codeRadioQuestionSchema,
  dropdownQuestionSchema,
  codeCheckboxesQuestionSchema,
  checkboxDatesQuestionSchema,
  dateQuestionSchema,
  integerQuestionSchema,
  sickLeavePeriodsQuestionSchema,
  periodsWithSharesQuestionSchema,
  diagnosesQuestionSchema,
  investigationsQuestionSchema,
  careUnitContactQuestionSchema,
  infoQuestionSchema,
  headingQuestionSchema,
]);
export type Question = z.infer<typeof questionSchema>;
export type QuestionKind = Question['kind'];
/** Kinds that hold no answer. */
export type StaticQuestion = Extract<Question, { kind: 'info' | 'heading' }>;
/** Kinds that hold an answer. */
export type AnswerQuestion = Exclude<Question, StaticQuestion>;
export type AnswerKind = AnswerQuestion['kind'];
export type QuestionOfKind<K extends QuestionKind> = Extract<Question, { kind: K }>;

export const QUESTION_KINDS: readonly QuestionKind[] = questionSchema.options.map(
  (option) => option.shape.kind.value,
);

export function isAnswerQuestion(question: Question): question is AnswerQuestion {
  return question.kind !== 'info' && question.kind !== 'heading';
}

// ---------------------------------------------------------------------------
// Categories, cross-checks, notices, confirmations, policy

export const categorySchema = z.strictObject({
  id: z.string().regex(/^[0-9A-Za-z_]+$/, 'Category ids may only contain letters, digits and "_"'),
  title: nonBlank,
  description: z.string().optional(),
  help: z.string().optional(),
  /** Hides the whole category (and so all its questions). */
  visibleIf: conditionSchema.optional(),
  questions: z.array(questionSchema).min(1),
});
export type Category = z.infer<typeof categorySchema>;

const crossCheckShape = {
  id: z.string().optional(),
  /** The check only applies while this holds. */
  when: conditionSchema.optional(),
};

export const crossCheckSchema = z.discriminatedUnion('type', [
  z.strictObject({
    ...crossCheckShape,
    /** Complete periods of a sickLeavePeriods/periodsWithShares answer must not share a day. */
    type: z.literal('noOverlap'),
    question: questionIdSchema,
    message: nonBlank.optional(),
  }),
  z.strictObject({
    ...crossCheckShape,
    /** The date at `date` must not be later than the date at `notAfter` (same day is fine). */
    type: z.literal('dateNotAfter'),
    date: dateSelectorSchema,
    notAfter: dateSelectorSchema,
    /** Question the error is shown on; defaults to date.question. */
    attachTo: questionIdSchema.optional(),
    message: nonBlank,
  }),
  z.strictObject({
    ...crossCheckShape,
    /** At least one of the (visible, enabled) questions must be answered. */
    type: z.literal('atLeastOneAnswered'),
    questions: z.array(questionIdSchema).min(2),
    /** Shown on this question, or on the group's first active question if it is hidden. */
    attachTo: questionIdSchema,
    message: nonBlank,
  }),
  z.strictObject({
    ...crossCheckShape,
    /** Rows of a diagnoses/investigations answer must be filled from the top, without gaps. */
    type: z.literal('rowsFromTop'),
    question: questionIdSchema,
    message: nonBlank.optional(),
  }),
]);
export type CrossCheck = z.infer<typeof crossCheckSchema>;
export type CrossCheckType = CrossCheck['type'];

export const noticeSchema = z.strictObject({
  id: questionIdSchema,
  title: z.string().optional(),
  text: nonBlank,
  severity: z.enum(['info', 'warning']),
  /** Show in this category; absent = at the top of the form. */
  categoryId: z.string().optional(),
  /** Where in the flow the notice belongs. Default 'draft'. */
  placement: z.enum(['draft', 'signing', 'signed']).optional(),
  when: conditionSchema.optional(),
});
export type Notice = z.infer<typeof noticeSchema>;

export const confirmationSchema = z.strictObject({
  id: questionIdSchema,
  /** When the renderer asks: on creating/opening a new draft, or before signing. */
  trigger: z.enum(['createDraft', 'sign']),
  when: conditionSchema,
  title: nonBlank,
  /** Placeholders the renderer fills in: {patientName}, {personId}. */
  text: nonBlank,
  info: z.string().optional(),
  checkboxLabel: z.string().optional(),
});
export type Confirmation = z.infer<typeof confirmationSchema>;

export const policySchema = z.strictObject({
  draftRoles: z.array(roleSchema).min(1),
  signRoles: z.array(roleSchema).min(1),
  /** Signing also sends to the recipient ("Signera och skicka"). */
  signAndSend: z.boolean(),
  /** A draft answering a complement request is sent on signing. */
  sendAfterComplement: z.boolean().optional(),
  /** The patient's consent must be recorded before signing. */
  consentRequired: z.boolean(),
  /** The patient sees it in Mina intyg. */
  availableToPatient: z.boolean(),
  /** The patient may send it herself (FK 7210). */
  patientMaySend: z.boolean().optional(),
  /** FK may send questions (Kontakt/Övrigt) on it. */
  fkMayAskQuestions: z.boolean(),
  /** FK may ask for complements (komplettering). */
  fkMayRequestComplement: z.boolean().optional(),
  /** Only signing roles may handle certificates of protected persons. */
  protectedPersonSignRolesOnly: z.boolean().optional(),
  renew: z.strictObject({
    allowed: z.boolean(),
    /** Answers not copied to the renewed draft. */
    notCopied: z.array(questionIdSchema),
  }),
  replaceAllowed: z.boolean(),
  revokeAllowed: z.boolean(),
});
export type Policy = z.infer<typeof policySchema>;

const definitionObjectSchema = z.strictObject({
  $schema: z.string().optional(),
  /** e.g. "fk7804". */
  code: z.string().regex(/^[a-z0-9]+$/),
  /** e.g. "FK 7804". */
  formNumber: nonBlank,
  name: nonBlank,
  kind: z.enum(['intyg', 'utlåtande']),
  /** e.g. "2.0". */
  version: z.string().regex(/^\d+\.\d+$/),
  recipient: nonBlank,
  description: z.string().optional(),
  /** One line for the user choosing a type: what the form is for. */
  summary: nonBlank,
  policy: policySchema,
  categories: z.array(categorySchema).min(1),
  crossChecks: z.array(crossCheckSchema).optional(),
  notices: z.array(noticeSchema).optional(),
  confirmations: z.array(confirmationSchema).optional(),
  /** Changes to the answers at signing (e.g. a support field joins Övriga upplysningar). */
  onSigning: z.array(signingTransformSchema).optional(),
});

// ---------------------------------------------------------------------------
// Reference checks

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

function checkDefinition(definition: DefinitionObject, report: IssueSink): void {
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

/** The meta-schema: structure plus reference and cycle checks. */
export const certificateDefinitionSchema = definitionObjectSchema.superRefine((definition, ctx) => {
  checkDefinition(definition, (message, path) => ctx.addIssue({ code: 'custom', message, path }));
});

export type CertificateDefinition = z.infer<typeof certificateDefinitionSchema>;
/** What a definition author writes (identical to the parsed form; there are no defaults). */
export type CertificateDefinitionInput = z.input<typeof certificateDefinitionSchema>;

/** Parses a definition (e.g. a JSON file); throws a ZodError listing every problem. */
export function parseDefinition(input: unknown): CertificateDefinition {
  return certificateDefinitionSchema.parse(input);
}

/**
 * The definition format as JSON Schema, for editor completion in definition files (point
 * "$schema" at a file generated from this). Reference and cycle checks are zod-only.
 */
export function definitionJsonSchema(): z.core.JSONSchema.BaseSchema {
  return z.toJSONSchema(certificateDefinitionSchema, { unrepresentable: 'any', io: 'input' });
}
