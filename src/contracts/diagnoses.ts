import { named } from './named';
import { z } from 'zod';

/** ICD-10-SE codes are written without a dot, e.g. J069 (J06.9) or F438A (F43.8A). */
export const diagnosisCodeSchema = named(
  'DiagnosisCode',
  z.string().regex(/^[A-Z]\d{2}[0-9A-Z]{0,2}$/, 'Ange en giltig diagnoskod.'),
);

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

export const diagnosisSearchResponseSchema = named(
  'DiagnosisSearchResponse',
  z.object({
    results: z.array(diagnosisSchema).max(50),
  }),
);
export type DiagnosisSearchResponse = z.infer<typeof diagnosisSearchResponseSchema>;

export const diagnosisResponseSchema = named(
  'DiagnosisResponse',
  z.object({ diagnosis: diagnosisSchema }),
);
