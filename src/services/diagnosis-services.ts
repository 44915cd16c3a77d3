import { diagnosisResponseSchema, diagnosisSearchResponseSchema } from '../contracts/diagnoses';
import { apiRequest, HttpError } from '../lib/api-client';
import type { RendererServices } from '../form-renderer';

/** The renderer's backend calls, over the API. */
export const rendererServices: RendererServices = {
  searchDiagnoses: async (query, signal) => {
    const { results } = await apiRequest(
      `/api/diagnoses/search?q=${encodeURIComponent(query)}`,
      diagnosisSearchResponseSchema,
      { signal },
    );
    return results;
  },
  lookupDiagnosis: async (code, signal) => {
    try {
      const { diagnosis } = await apiRequest(
        `/api/diagnoses/${encodeURIComponent(code)}`,
        diagnosisResponseSchema,
        {
          signal,
        },
      );
      return diagnosis;
    } catch (error) {
      if (error instanceof HttpError && error.status === 404) return undefined;
      throw error;
    }
  },
};
