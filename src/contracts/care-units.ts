import { named } from './named';
import { z } from 'zod';
import { hsaIdSchema } from './common';
import { careUnitSchema } from './session';
import { workCountsSchema } from './work-lists';

/**
 * The care units a user may work at, for the choice of unit after log-in and "Byt vårdenhet":
 * each with its work counts for this user, as the header's badges count them there.
 */
export const careUnitChoiceSchema = named(
  'CareUnitChoice',
  z.object({
    unit: careUnitSchema,
    counts: workCountsSchema,
  }),
);
export type CareUnitChoice = z.infer<typeof careUnitChoiceSchema>;

export const careUnitChoicesResponseSchema = named(
  'CareUnitChoicesResponse',
  z.object({
    units: z.array(careUnitChoiceSchema),
    /** The session's unit, absent while none is chosen. */
    currentUnitHsaId: hsaIdSchema.optional(),
  }),
);
export type CareUnitChoicesResponse = z.infer<typeof careUnitChoicesResponseSchema>;

export const chooseCareUnitRequestSchema = named(
  'ChooseCareUnitRequest',
  z.object({ unitHsaId: hsaIdSchema }),
);
export type ChooseCareUnitRequest = z.infer<typeof chooseCareUnitRequestSchema>;
