/** The definition object's structure (the reference checks come on top, in references.ts). */
import { z } from 'zod';
import { nonBlank } from './primitives';
import { categorySchema, confirmationSchema, crossCheckSchema, noticeSchema } from './categories';
import { policySchema } from './policy';
import { signingTransformSchema } from '../signing';

export const definitionObjectSchema = z.strictObject({
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
