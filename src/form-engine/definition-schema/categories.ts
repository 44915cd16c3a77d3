/** Categories, cross-field checks, notices and confirmations. */
import { z } from 'zod';
import { nonBlank, questionIdSchema } from './primitives';
import { conditionSchema, dateSelectorSchema } from './conditions';
import { questionSchema } from './questions';

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
