import {
  diagnosisCodeSchema,
  diagnosisResponseSchema,
  diagnosisSearchResponseSchema,
  type DiagnosisSearchRequest,
} from '../contracts/diagnoses';
import { apiRequest, HttpError } from '../lib/api-client';
import type { RendererServices } from '../form-renderer';
import { apiPath, routes } from '../contracts/routes';

/**
 * The renderer's backend calls, over the API. What the user typed into a diagnosis field
 * may be anything, an identity number included, so it never goes into a URL: the search
 * sends it in a POST body, and the look-up by code is made only for a text shaped like a
 * diagnosis code.
 */
export const rendererServices: RendererServices = {
  searchDiagnoses: async (query, signal) => {
    const body: DiagnosisSearchRequest = { query };
    const { results } = await apiRequest(
      apiPath(routes.searchDiagnoses),
      diagnosisSearchResponseSchema,
      {
        method: 'POST',
        body,
        signal,
      },
    );
    return results;
  },
  lookupDiagnosis: async (code, signal) => {
    const shaped = diagnosisCodeSchema.safeParse(code);
    // Not a code, so not in the code list: nothing to ask the server.
    if (!shaped.success) return undefined;
    try {
      const { diagnosis } = await apiRequest(
        apiPath(routes.getDiagnosis, { code: shaped.data }),
        diagnosisResponseSchema,
        { signal },
      );
      return diagnosis;
    } catch (error) {
      if (error instanceof HttpError && error.status === 404) return undefined;
      throw error;
    }
  },
};
