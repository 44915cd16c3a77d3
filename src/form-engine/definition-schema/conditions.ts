/** Rule conditions: pure data, evaluated by `evaluateCondition` (conditions.ts). */
import { z } from 'zod';
import { roleSchema } from '../roles';
import {
  codeSchema,
  comparisonOperatorSchema,
  dateFieldSchema,
  dateOffsetSchema,
  questionIdSchema,
} from './primitives';

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
