import { certificateResponseSchema } from '../../../contracts/certificates';
import type { Answers } from '../../../form-engine';
import { apiRequest } from '../../../lib/api-client';
import { apiPath, routes } from '../../../contracts/routes';

/** Autosave: the answers on top of the version they were edited from; answers with the certificate as saved. */
export function saveAnswers(certificateId: string, version: number, answers: Answers) {
  return apiRequest(apiPath(routes.saveAnswers, { id: certificateId }), certificateResponseSchema, {
    method: 'PUT',
    body: { version, answers },
  });
}
