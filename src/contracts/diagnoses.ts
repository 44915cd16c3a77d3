import { named } from './named';
import { z } from 'zod';

/** ICD-10-SE codes are written without a dot, e.g. J069 (J06.9) or F438A (F43.8A). */
export const diagnosisCodeSchema = named(
  'DiagnosisCode',
  z.string().regex(/^[A-Z]\d{2}[0-9A-Z]{0,2}$/, 'Ange en giltig diagnoskod.'),
);

/** What a look-up answers a path that is not shaped like a code. */
export const diagnosisCodeInputMessage =
  'Ange en diagnoskod: en bokstav och två siffror, följda av högst två tecken till, till exempel J06.9.';

/**
 * A code in a look-up's path, as typed: with a dot and in lower case too (j06.9), never longer
 * than any code with a dot and spaces ("F43.8A"), since longer text is not a code.
 */
export const diagnosisCodeInputSchema = z
  .string()
  .min(1, diagnosisCodeInputMessage)
  .max(10, diagnosisCodeInputMessage);

/** The longest search text the API takes. */
export const DIAGNOSIS_QUERY_MAX_LENGTH = 100;

/**
 * A diagnosis search travels in a POST body, never in a URL: the text is whatever the user
 * typed into the code or description field, which may be an identity number.
 */
export const diagnosisSearchRequestSchema = named(
  'DiagnosisSearchRequest',
  z.strictObject({
    query: z
      .string('Ange en söktext.')
      .max(
        DIAGNOSIS_QUERY_MAX_LENGTH,
        `Sökningen är för lång. Skriv högst ${DIAGNOSIS_QUERY_MAX_LENGTH} tecken.`,
      ),
  }),
);

export const diagnosisSchema = named(
  'Diagnosis',
  z.object({
    code: diagnosisCodeSchema,
    title: z.string().min(1),
  }),
);
export type Diagnosis = z.infer<typeof diagnosisSchema>;

/** A search answers at most this many hits, as Webcert's does. */
export const DIAGNOSIS_SEARCH_MAX_RESULTS = 18;

/** The lists a diagnosis's other names come from: KSH97-P's synonyms, FMB's headings. */
export const diagnosisAliasSourceSchema = z.enum(['KSH97-P', 'FMB']);
export type DiagnosisAliasSource = z.infer<typeof diagnosisAliasSourceSchema>;

/**
 * A search hit: the official code and title (what the certificate gets) and, when the hit was
 * found by another name of the code, that name and its list, so the physician sees why it was
 * found: a term of Socialstyrelsen's KSH97-P synonym list ("Frusen skuldra" for M75.0
 * "Adhesiv kapsulit i skulderled") or the heading of FMB's document ("Höftartros" for M16).
 */
export const diagnosisSearchHitSchema = named(
  'DiagnosisSearchHit',
  diagnosisSchema.extend({
    alias: z
      .strictObject({
        term: z.string().min(1),
        source: diagnosisAliasSourceSchema,
      })
      .optional(),
  }),
);
export type DiagnosisSearchHit = z.infer<typeof diagnosisSearchHitSchema>;

export const diagnosisSearchResponseSchema = named(
  'DiagnosisSearchResponse',
  z.object({
    results: z.array(diagnosisSearchHitSchema).max(DIAGNOSIS_SEARCH_MAX_RESULTS),
  }),
);
export type DiagnosisSearchResponse = z.infer<typeof diagnosisSearchResponseSchema>;

export const diagnosisResponseSchema = named(
  'DiagnosisResponse',
  z.object({ diagnosis: diagnosisSchema }),
);
