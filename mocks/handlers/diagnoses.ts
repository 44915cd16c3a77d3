import { http } from 'msw';
import { apiErrorCodes } from '../../src/contracts/common';
import {
  diagnosisResponseSchema,
  diagnosisSearchResponseSchema,
} from '../../src/contracts/diagnoses';
import type { Database } from '../db/database';
import {
  getTitle,
  normalizeDiagnosisCode,
  searchDiagnoses,
  type Icd10Index,
} from '../diagnoses/icd10-index';
import { authenticate, errorResponse, jsonResponse } from './support';

export type Icd10Loader = () => Promise<Icd10Index>;

const MAX_RESULTS = 20;
const MAX_QUERY_LENGTH = 100;

/** ICD-10-SE search and look-up. The list is loaded once, on first use, from a static file. */
export function diagnosisHandlers(db: Database, loadIndex: Icd10Loader) {
  return [
    http.get('/api/diagnoses/search', async ({ request }) => {
      const auth = await db.write((tx) => authenticate(tx, request));
      if (!auth.ok) return auth.response;
      const query = new URL(request.url).searchParams.get('q') ?? '';
      if (query.length > MAX_QUERY_LENGTH) {
        return errorResponse(
          400,
          apiErrorCodes.badRequest,
          'Sökningen är för lång. Skriv högst 100 tecken.',
        );
      }
      const index = await loadIndex();
      return jsonResponse(diagnosisSearchResponseSchema, {
        results: searchDiagnoses(index, query, MAX_RESULTS),
      });
    }),

    http.get('/api/diagnoses/:code', async ({ request, params }) => {
      const auth = await db.write((tx) => authenticate(tx, request));
      if (!auth.ok) return auth.response;
      const code = normalizeDiagnosisCode(String(params.code));
      const title = getTitle(await loadIndex(), code);
      if (title === undefined) {
        return errorResponse(
          404,
          apiErrorCodes.notFound,
          `Diagnoskoden ${code} finns inte i ICD-10-SE.`,
        );
      }
      return jsonResponse(diagnosisResponseSchema, { diagnosis: { code, title } });
    }),
  ];
}
