import {
  diagnosisCodeSchema,
  diagnosisResponseSchema,
  diagnosisSearchResponseSchema,
} from '../contracts/diagnoses';
import { callEndpoint, HttpError } from '../lib/api-client';
import type { RendererServices } from '../form-renderer';

/**
 * The renderer's backend calls, over the API. What the user typed into a diagnosis field
 * may be anything, an identity number included, so it never goes into a URL: the search
 * sends it in a POST body, and the look-up by code is made only for a text shaped like a
 * diagnosis code.
 */
export const rendererServices: RendererServices = {
  searchDiagnoses: async (query, signal) => {
    const { results } = await callEndpoint('searchDiagnoses', {
      body: { query },
      response: diagnosisSearchResponseSchema,
      signal,
    });
    return results;
  },
  lookupDiagnosis: async (code, signal) => {
    const shaped = diagnosisCodeSchema.safeParse(code);
    // Not a code, so not in the code list: nothing to ask the server.
    if (!shaped.success) return undefined;
    try {
      const { diagnosis } = await callEndpoint('getDiagnosis', {
        params: { code: shaped.data },
        response: diagnosisResponseSchema,
        signal,
      });
      return diagnosis;
    } catch (error) {
      if (error instanceof HttpError && error.status === 404) return undefined;
      throw error;
    }
  },
};
