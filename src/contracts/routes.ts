/**
 * The API's routes: the method and path of every endpoint, by the endpoint's id in the
 * registry (./endpoints.ts, which adds the contracts). No schemas here, so that the client
 * can build its URLs from this table without loading every contract.
 */

export type HttpMethod = 'get' | 'post' | 'put' | 'delete';

export interface Route {
  method: HttpMethod;
  /** OpenAPI-style: `{name}` for a path parameter. */
  path: `/api/${string}`;
}

export const routes = {
  getEnvironment: { method: 'get', path: '/api/environment' },
  listLoginOptions: { method: 'get', path: '/api/auth/login-options' },
  login: { method: 'post', path: '/api/auth/login' },
  logout: { method: 'post', path: '/api/auth/logout' },
  getSession: { method: 'get', path: '/api/session' },
  getSessionStatus: { method: 'get', path: '/api/session/status' },
  keepSessionAlive: { method: 'post', path: '/api/session/keep-alive' },
  listCareUnitChoices: { method: 'get', path: '/api/session/care-units' },
  chooseCareUnit: { method: 'put', path: '/api/session/care-unit' },
  subscribeToChanges: { method: 'get', path: '/api/changes' },
  lookUpPatient: { method: 'post', path: '/api/patients/lookup' },
  getPatient: { method: 'get', path: '/api/patients/{patientId}' },
  listCertificateTypes: { method: 'get', path: '/api/patients/{patientId}/certificate-types' },
  listPatientCertificates: { method: 'get', path: '/api/patients/{patientId}/certificates' },
  getWorkCounts: { method: 'get', path: '/api/work-counts' },
  createCertificate: { method: 'post', path: '/api/certificates' },
  queryDrafts: { method: 'post', path: '/api/certificates/drafts/query' },
  querySigned: { method: 'post', path: '/api/certificates/signed/query' },
  getCertificate: { method: 'get', path: '/api/certificates/{id}' },
  saveAnswers: { method: 'put', path: '/api/certificates/{id}/answers' },
  recordConsent: { method: 'post', path: '/api/certificates/{id}/consent' },
  markReadyForSign: { method: 'post', path: '/api/certificates/{id}/ready-for-sign' },
  signCertificate: { method: 'post', path: '/api/certificates/{id}/sign' },
  sendCertificate: { method: 'post', path: '/api/certificates/{id}/send' },
  printCertificate: { method: 'post', path: '/api/certificates/{id}/print' },
  revokeCertificate: { method: 'post', path: '/api/certificates/{id}/revoke' },
  deleteDraft: { method: 'delete', path: '/api/certificates/{id}' },
  renewCertificate: { method: 'post', path: '/api/certificates/{id}/renew' },
  replaceCertificate: { method: 'post', path: '/api/certificates/{id}/replace' },
  copyLockedDraft: { method: 'post', path: '/api/certificates/{id}/copy' },
  queryInbox: { method: 'post', path: '/api/threads/query' },
  listCertificateThreads: { method: 'get', path: '/api/certificates/{id}/threads' },
  startThread: { method: 'post', path: '/api/certificates/{id}/threads' },
  saveAnswerDraft: { method: 'put', path: '/api/threads/{threadId}/answer-draft' },
  answerThread: { method: 'post', path: '/api/threads/{threadId}/answer' },
  setThreadHandled: { method: 'post', path: '/api/threads/{threadId}/handled' },
  setThreadForwarded: { method: 'post', path: '/api/threads/{threadId}/forwarded' },
  complementCertificate: { method: 'post', path: '/api/threads/{threadId}/complement' },
  cannotComplement: { method: 'post', path: '/api/threads/{threadId}/cannot-complement' },
  listFkLoginOptions: { method: 'get', path: '/api/fk/auth/login-options' },
  fkLogin: { method: 'post', path: '/api/fk/auth/login' },
  fkLogout: { method: 'post', path: '/api/fk/auth/logout' },
  getFkSession: { method: 'get', path: '/api/fk/session' },
  queryFkCases: { method: 'post', path: '/api/fk/cases/query' },
  getFkCase: { method: 'get', path: '/api/fk/cases/{id}' },
  sendFkMessage: { method: 'post', path: '/api/fk/cases/{id}/messages' },
  listPortalLoginOptions: { method: 'get', path: '/api/patient-portal/auth/login-options' },
  portalLogin: { method: 'post', path: '/api/patient-portal/auth/login' },
  portalLogout: { method: 'post', path: '/api/patient-portal/auth/logout' },
  getPortalSession: { method: 'get', path: '/api/patient-portal/session' },
  listPortalCertificates: { method: 'get', path: '/api/patient-portal/certificates' },
  getPortalCertificate: { method: 'get', path: '/api/patient-portal/certificates/{id}' },
  printPortalCertificate: { method: 'post', path: '/api/patient-portal/certificates/{id}/print' },
  sendPortalCertificate: { method: 'post', path: '/api/patient-portal/certificates/{id}/send' },
  searchDiagnoses: { method: 'post', path: '/api/diagnoses/search' },
  getDiagnosis: { method: 'get', path: '/api/diagnoses/{code}' },
  getFmbGuidance: { method: 'post', path: '/api/fmb/guidance' },
  checkFmbSickLeave: { method: 'post', path: '/api/fmb/sick-leave-check' },
  resetBackend: { method: 'post', path: '/api/testability/reset' },
  setFault: { method: 'post', path: '/api/testability/fault' },
  createBulkDrafts: { method: 'post', path: '/api/testability/bulk-drafts' },
  createBulkThreads: { method: 'post', path: '/api/testability/bulk-threads' },
  setClock: { method: 'post', path: '/api/testability/clock' },
  createTestCertificate: { method: 'post', path: '/api/testability/certificates' },
  getStoredCertificate: { method: 'get', path: '/api/testability/certificates/{id}' },
  listFkReceived: { method: 'get', path: '/api/testability/fk-received' },
  getAuditLog: { method: 'get', path: '/api/testability/audit' },
  sendTestFkMessage: { method: 'post', path: '/api/testability/certificates/{id}/fk-messages' },
  listStoredThreads: { method: 'get', path: '/api/testability/certificates/{id}/threads' },
  editStoredRecord: {
    method: 'post',
    path: '/api/testability/stored-records/{collection}/{id}',
  },
  listEidPersons: { method: 'get', path: '/api/registration/eid-options' },
  lookUpHosp: { method: 'post', path: '/api/registration/hosp-lookup' },
  registerPractitioner: { method: 'post', path: '/api/registration' },
  getMyDetails: { method: 'get', path: '/api/registration/my-details' },
  updateMyDetails: { method: 'put', path: '/api/registration/my-details' },
  getCertificateHistory: { method: 'get', path: '/api/certificates/{id}/events' },
  setFavouriteCertificateType: { method: 'put', path: '/api/favourite-certificate-types/{type}' },
  getOperatingMessages: { method: 'get', path: '/api/operating-messages' },
  setOperatingMessages: { method: 'post', path: '/api/testability/operating-messages' },
} as const satisfies Record<string, Route>;

export type RouteId = keyof typeof routes;

/** The names of the `{name}` parameters of a path. */
export type PathParamNames<P extends string> = P extends `${string}{${infer Name}}${infer Rest}`
  ? Name | PathParamNames<Rest>
  : never;

/** The path as the backend's router matches it: `:name` for `{name}`. */
export function routePattern(path: string): string {
  return path.replace(/\{(\w+)\}/g, ':$1');
}
