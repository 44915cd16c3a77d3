import { named } from './named';
import { z } from 'zod';
import { isoDateSchema, opaqueIdSchema } from './common';

/**
 * Socialstyrelsen's försäkringsmedicinska beslutsstöd (FMB), as the backend serves it: the
 * guidance for a diagnosis code, and the check of a proposed sick leave against it. Codes
 * travel in POST bodies, like every diagnosis text.
 */

/** A code as written in the certificate: a letter and two digits, then up to two more. */
const fmbCodeSchema = z
  .string()
  .trim()
  .toUpperCase()
  .transform((code) => code.replace('.', ''))
  .pipe(z.string().regex(/^[A-Z]\d{2}[0-9A-Z]{0,2}$/, 'Ange en giltig diagnoskod.'));

export const fmbConditionKindSchema = z.enum([
  'severity',
  'workload',
  'procedure',
  'course',
  'complicating',
  'comorbidity',
]);
export type FmbConditionKind = z.infer<typeof fmbConditionKindSchema>;

/** What each kind of condition is called in the panel. */
export const fmbConditionLabels: Record<FmbConditionKind, string> = {
  severity: 'Svårighetsgrad',
  workload: 'Arbetsbelastning',
  procedure: 'Behandling',
  course: 'Förlopp',
  complicating: 'Komplicerande faktor',
  comorbidity: 'Samsjuklighet',
};

/** One typfall: the situation FMB describes, and how long a sick leave usually needs to be. */
export const fmbTypfallSchema = named(
  'FmbTypfall',
  z.object({
    id: z.string().min(1),
    /** FMB's short recommendation, e.g. "Upp till 3 veckor". */
    label: z.string().min(1),
    /** The recommendation in days (d = 1, wk = 7, mo = 31); absent when FMB gives no number. */
    maxDays: z.number().int().min(0).optional(),
    grade: z.enum(['heltid', 'deltid']).optional(),
    conditions: z.array(z.object({ kind: fmbConditionKindSchema, values: z.array(z.string()) })),
  }),
);
export type FmbTypfall = z.infer<typeof fmbTypfallSchema>;

export const fmbGuidanceSchema = named(
  'FmbGuidance',
  z.discriminatedUnion('status', [
    z.object({
      status: z.literal('found'),
      /** The code as asked. */
      code: z.string(),
      /** The FMB code it matched, shortened from the right (J209 → J20). */
      matchedCode: z.string(),
      heading: z.string().min(1),
      /** Sorted by length, shortest first; those without a number last. */
      typfall: z.array(fmbTypfallSchema),
    }),
    z.object({
      status: z.literal('none'),
      code: z.string(),
      /** Why there is no guidance, in Swedish. */
      reason: z.string().min(1),
    }),
  ]),
);
export type FmbGuidance = z.infer<typeof fmbGuidanceSchema>;

/** Where the guidance comes from, and how old it is: shown wherever the guidance is. */
export const fmbSourceSchema = named(
  'FmbSource',
  z.object({
    name: z.string().min(1),
    snapshot: isoDateSchema,
  }),
);

export const fmbGuidanceRequestSchema = named(
  'FmbGuidanceRequest',
  z.object({
    codes: z.array(z.string().max(10)).min(1, 'Ange minst en diagnoskod.').max(3),
  }),
);
export type FmbGuidanceRequest = z.infer<typeof fmbGuidanceRequestSchema>;

export const fmbGuidanceResponseSchema = named(
  'FmbGuidanceResponse',
  z.object({
    guidance: z.array(fmbGuidanceSchema),
    source: fmbSourceSchema,
  }),
);
export type FmbGuidanceResponse = z.infer<typeof fmbGuidanceResponseSchema>;

export const fmbPeriodSchema = z.object({ from: isoDateSchema, to: isoDateSchema });
export type FmbPeriod = z.infer<typeof fmbPeriodSchema>;

/** The proposed sick leave of a draft, checked against FMB with the patient's ongoing one. */
export const fmbSickLeaveCheckRequestSchema = named(
  'FmbSickLeaveCheckRequest',
  z.object({
    certificateId: opaqueIdSchema,
    codes: z.array(fmbCodeSchema).max(3),
    periods: z.array(fmbPeriodSchema).max(20),
  }),
);
export type FmbSickLeaveCheckRequest = z.input<typeof fmbSickLeaveCheckRequestSchema>;

export const fmbSickLeaveCheckResponseSchema = named(
  'FmbSickLeaveCheckResponse',
  z.object({
    /** The largest recommendation over the diagnoses, when any gives a number. */
    recommendation: z
      .object({
        code: z.string(),
        matchedCode: z.string(),
        heading: z.string(),
        maxDays: z.number().int().min(0),
      })
      .optional(),
    /** Days in the proposed periods (inclusive, overlaps merged, degree ignored). */
    proposedDays: z.number().int().min(0),
    /** Days of the patient's ongoing sick leave on the unit that the proposed periods continue. */
    ongoingDays: z.number().int().min(0),
    totalDays: z.number().int().min(0),
    /** Set when the total is above the recommendation (non-blocking). */
    warning: z.string().optional(),
    source: fmbSourceSchema,
  }),
);
export type FmbSickLeaveCheckResponse = z.infer<typeof fmbSickLeaveCheckResponseSchema>;
