import { endpoints } from '../../src/contracts/endpoints';
import { handle } from './endpoint';
import { apiErrorCodes } from '../../src/contracts/common';
import {
  DIAGNOSIS_SEARCH_MAX_RESULTS,
  diagnosisCodeSchema,
  diagnosisResponseSchema,
  diagnosisSearchRequestSchema,
  diagnosisSearchResponseSchema,
} from '../../src/contracts/diagnoses';
import type { Database } from '../store/store';
import {
  formatDiagnosisCode,
  getTitle,
  normalizeDiagnosisCode,
  type Icd10Index,
} from '../domain/diagnoses/icd10-index';
import { searchDiagnoses } from '../domain/diagnoses/diagnosis-search';
import type { DiagnosisData } from '../domain/diagnoses/load-icd10';
import { authenticate, errorResponse, jsonResponse, parseJsonBody } from './support';

export type Icd10Loader = () => Promise<Icd10Index>;
/** Longer than any code even with a dot and spaces ("F43.8A"): longer text is not a code. */
const MAX_CODE_INPUT_LENGTH = 10;

/** The code in a look-up path, normalised, or undefined when the text is not shaped like one. */
function codeFromPath(raw: string): string | undefined {
  if (raw.length > MAX_CODE_INPUT_LENGTH) return undefined;
  const parsed = diagnosisCodeSchema.safeParse(normalizeDiagnosisCode(raw));
  return parsed.success ? parsed.data : undefined;
}

/**
 * ICD-10-SE search and look-up. The code list is loaded once, on first use, from a static
 * file; the search's index (with KSH97-P's synonyms and FMB's codes) on the first search.
 */
export function diagnosisHandlers(db: Database, diagnoses: DiagnosisData) {
  return [
    /** Search by words or code prefix; the text is in the body, never in the URL. */
    handle(endpoints.searchDiagnoses, async ({ request }) => {
      const auth = await db.write((tx) => authenticate(tx, request));
      if (!auth.ok) return auth.response;
      const body = await parseJsonBody(request, diagnosisSearchRequestSchema);
      if (!body.ok) return body.response;
      const index = await diagnoses.search();
      return jsonResponse(diagnosisSearchResponseSchema, {
        results: searchDiagnoses(index, body.data.query, DIAGNOSIS_SEARCH_MAX_RESULTS),
      });
    }),

    /** Look-up by code; only a text shaped like a code is looked up (or echoed). */
    handle(endpoints.getDiagnosis, async ({ request, params }) => {
      const auth = await db.write((tx) => authenticate(tx, request));
      if (!auth.ok) return auth.response;
      const code = typeof params.code === 'string' ? codeFromPath(params.code) : undefined;
      if (code === undefined) {
        return errorResponse(
          400,
          apiErrorCodes.badRequest,
          'Ange en diagnoskod: en bokstav och två siffror, följda av högst två tecken till, till exempel J06.9.',
        );
      }
      const title = getTitle(await diagnoses.codeList(), code);
      if (title === undefined) {
        return errorResponse(
          404,
          apiErrorCodes.notFound,
          `Diagnoskoden ${formatDiagnosisCode(code)} finns inte i ICD-10-SE.`,
        );
      }
      return jsonResponse(diagnosisResponseSchema, { diagnosis: { code, title } });
    }),
  ];
}
