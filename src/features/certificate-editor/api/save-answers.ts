import { saveDraftResponseSchema } from '../../../contracts/certificates';
import type { Answers } from '../../../form-engine';
import { apiRequest } from '../../../lib/api-client';
import { apiPath, routes } from '../../../contracts/routes';

/** Autosave: the answers on top of the version they were edited from. */
export function saveAnswers(certificateId: string, version: number, answers: Answers) {
  return apiRequest(apiPath(routes.saveAnswers, { id: certificateId }), saveDraftResponseSchema, {
    method: 'PUT',
    body: { version, answers },
  });
}
