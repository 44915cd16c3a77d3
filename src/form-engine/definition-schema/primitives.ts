/** Primitives of the definition format: ids, codes, date offsets and selectors. */
import { z } from 'zod';

/** Question ids: letters, digits and '_' only (react-hook-form treats '.' as a path). */
export const questionIdSchema = z
  .string()
  .regex(
    /^[0-9A-Za-z_]+$/,
    'Question ids may only contain letters, digits and "_" (no dots; put FK\'s dotted id in fkFieldId)',
  );

export const nonBlank = z.string().regex(/\S/, 'Must not be blank');
export const codeSchema = z.string().regex(/^\S+$/, 'Codes must be non-empty without spaces');

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
