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
import { checkDefinition } from './references';
import { definitionObjectSchema } from './definition-object';

export {
  type ComparisonOperator,
  type DateField,
  type DateOffsetSpec,
  comparisonOperatorSchema,
  dateFieldSchema,
  dateOffsetSchema,
  questionIdSchema,
} from './primitives';
export {
  type Condition,
  type ConditionType,
  type DateReference,
  type DateSelector,
  conditionSchema,
  dateReferenceSchema,
  dateSelectorSchema,
} from './conditions';
export {
  type AnswerKind,
  type AnswerQuestion,
  type ConditionalMessage,
  type ErrorTexts,
  QUESTION_KINDS,
  type Question,
  type QuestionKind,
  type QuestionOfKind,
  type QuestionOption,
  type StaticQuestion,
  careUnitContactQuestionSchema,
  checkboxDatesQuestionSchema,
  checkboxQuestionSchema,
  codeCheckboxesQuestionSchema,
  codeRadioQuestionSchema,
  conditionalMessageSchema,
  dateQuestionSchema,
  diagnosesQuestionSchema,
  dropdownQuestionSchema,
  errorTextsSchema,
  headingQuestionSchema,
  icfQuestionSchema,
  infoQuestionSchema,
  integerQuestionSchema,
  investigationsQuestionSchema,
  isAnswerQuestion,
  optionSchema,
  periodsWithSharesQuestionSchema,
  questionSchema,
  sickLeavePeriodsQuestionSchema,
  textAreaQuestionSchema,
  textFieldQuestionSchema,
  yesNoQuestionSchema,
} from './questions';
export {
  type Category,
  type Confirmation,
  type CrossCheck,
  type CrossCheckType,
  type Notice,
  categorySchema,
  confirmationSchema,
  crossCheckSchema,
  noticeSchema,
} from './categories';
export { type Policy, policySchema } from './policy';
export { assertNever, conditionQuestionIds } from './references';
export { roleSchema, type Role } from '../roles';

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
