import { endpoints } from '../../src/contracts/endpoints';
import { apiErrorCodes } from '../../src/contracts/common';
import {
  DIAGNOSIS_SEARCH_MAX_RESULTS,
  diagnosisCodeInputMessage,
  diagnosisCodeSchema,
  diagnosisResponseSchema,
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
import { serve } from './guard';
import { errorResponse, jsonResponse } from './support';

export type Icd10Loader = () => Promise<Icd10Index>;

/** The code in a look-up path, normalised, or undefined when the text is not shaped like one. */
function codeFromPath(raw: string): string | undefined {
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
    serve(db, endpoints.searchDiagnoses, async ({ body }) => {
      const index = await diagnoses.search();
      return jsonResponse(diagnosisSearchResponseSchema, {
        results: searchDiagnoses(index, body.query, DIAGNOSIS_SEARCH_MAX_RESULTS),
      });
    }),

    /** Look-up by code; only a text shaped like a code is looked up (or echoed). */
    serve(db, endpoints.getDiagnosis, async ({ params }) => {
      const code = codeFromPath(params.code);
      if (code === undefined) {
        return errorResponse(400, apiErrorCodes.badRequest, diagnosisCodeInputMessage);
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
