import { certificateResponseSchema } from '../../../contracts/certificates';
import type { Answers } from '../../../form-engine';
import { callEndpoint } from '../../../lib/api-client';

/**
 * Autosave: the answers on top of the version they were edited from; answers with the
 * certificate as saved. `editorId` names the open editor, so that the server can tell its own
 * save, stored but whose answer was lost, from someone else's (see `newEditorId`).
 */
export function saveAnswers(
  certificateId: string,
  version: number,
  answers: Answers,
  editorId?: string,
) {
  return callEndpoint('saveAnswers', {
    params: { id: certificateId },
    body: { version, answers, ...(editorId === undefined ? {} : { editorId }) },
    response: certificateResponseSchema,
  });
}

/**
 * A random id for one opened editor, kept in memory only (a duplicated tab gets its own). Made
 * with `getRandomValues`, which unlike `randomUUID` also works where the app is not served
 * over a secure connection.
 */
export function newEditorId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return `editor-${Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('')}`;
}
