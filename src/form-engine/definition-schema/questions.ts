/** Questions: the common fields, every kind, and the discriminated union of them. */
import { z } from 'zod';
import { MESSAGE_KEYS, type MessageKey } from '../messages';
import { codeSchema, dateOffsetSchema, nonBlank, questionIdSchema } from './primitives';
import { conditionSchema } from './conditions';

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
  /**
   * Shown, whatever `visibleIf` says, when Försäkringskassan's complement request names it
   * (FK 7809's function descriptions: FK may ask about one whose box is not ticked).
   */
  shownOnComplementRequest: z.boolean().optional(),
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
  /** Each period's share field's label (FK 7472: "Andel av ordinarie tid"); default "Andel". */
  shareLabel: z.string().min(1).optional(),
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
