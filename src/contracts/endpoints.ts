import { z } from 'zod';
import {
  certificateCatalogueResponseSchema,
  certificateResponseSchema,
  certificateWriteConflictSchema,
  createCertificateRequestSchema,
  draftListRequestSchema,
  draftListResponseSchema,
  signedListRequestSchema,
  signedListResponseSchema,
  patientCertificatesResponseSchema,
  recordConsentRequestSchema,
  saveDraftRequestSchema,
  revokeRequestSchema,
  signRequestSchema,
  versionedRequestSchema,
} from './certificates';
import { apiErrorSchema, opaqueIdSchema, roleSchema, type Role } from './common';
import { changeNoticeSchema } from './change-notices';
import { certificateHistoryResponseSchema } from './certificate-history';
import { environmentSchema } from './environment';
import {
  diagnosisResponseSchema,
  diagnosisCodeInputSchema,
  diagnosisSearchRequestSchema,
  diagnosisSearchResponseSchema,
} from './diagnoses';
import {
  fkCaseListRequestSchema,
  fkCaseListResponseSchema,
  fkCaseResponseSchema,
  fkLoginOptionsResponseSchema,
  fkLoginRequestSchema,
  fkLoginResponseSchema,
  fkMessageRequestSchema,
  fkReceivedResponseSchema,
  fkSessionSchema,
  fkThreadResponseSchema,
} from './fk';
import {
  answerThreadRequestSchema,
  cannotComplementRequestSchema,
  certificateThreadsResponseSchema,
  complementRequestSchema,
  inboxRequestSchema,
  inboxResponseSchema,
  newThreadRequestSchema,
  saveAnswerDraftRequestSchema,
  setHandledRequestSchema,
  threadResponseSchema,
  versionedThreadRequestSchema,
} from './threads';
import {
  portalCertificateListResponseSchema,
  portalCertificateResponseSchema,
  portalLoginOptionsResponseSchema,
  portalLoginRequestSchema,
  portalLoginResponseSchema,
  portalSessionSchema,
} from './patient-portal';
import {
  fmbGuidanceRequestSchema,
  fmbGuidanceResponseSchema,
  fmbSickLeaveCheckRequestSchema,
  fmbSickLeaveCheckResponseSchema,
} from './fmb';
import { patientLookupRequestSchema, patientResponseSchema } from './patients';
import {
  loginOptionsResponseSchema,
  loginRequestSchema,
  loginResponseSchema,
  sessionPingResponseSchema,
  sessionSchema,
} from './session';
import {
  auditLogResponseSchema,
  bulkDraftsRequestSchema,
  bulkDraftsResponseSchema,
  bulkThreadsRequestSchema,
  bulkThreadsResponseSchema,
  createTestCertificateRequestSchema,
  createTestCertificateResponseSchema,
  resetRequestSchema,
  resetResponseSchema,
  setClockRequestSchema,
  setClockResponseSchema,
  setFaultRequestSchema,
  setFaultResponseSchema,
  editStoredRecordRequestSchema,
  editStoredRecordResponseSchema,
  storedCertificateResponseSchema,
  storedRecordCollectionSchema,
  storedThreadsResponseSchema,
} from './testability';
import { routes, type Route, type RouteId } from './routes';
import { workCountsSchema } from './work-lists';
import { careUnitChoicesResponseSchema, chooseCareUnitRequestSchema } from './care-units';
import {
  eidOptionsResponseSchema,
  hospLookupRequestSchema,
  hospLookupResponseSchema,
  myDetailsSchema,
  practiceDetailsSchema,
  registrationRequestSchema,
  registrationResponseSchema,
} from './registration';
import {
  favouriteTypeParamSchema,
  favouritesResponseSchema,
  setFavouriteRequestSchema,
} from './favourites';
import {
  operatingMessagesResponseSchema,
  setOperatingMessagesRequestSchema,
} from './operating-messages';

/**
 * The API's one endpoint registry: every endpoint the embedded backend answers, with its
 * method, path, request and response contracts and the error statuses it can answer with.
 * Its methods and paths are the route table of ./routes.ts (kept free of schemas, so that the
 * client builds its URLs from it without loading every contract). The MSW handlers are
 * registered from it (server/http/endpoint.ts), and scripts/openapi.ts writes the OpenAPI
 * document from it.
 *
 * No endpoint takes query parameters: search texts, identity numbers and list filters
 * travel in POST bodies, so that no patient data ends up in a URL.
 */

/**
 * The statuses of errors; every error body is an `ApiError` unless `errorBodies` says more.
 * Every endpoint declares 500 (a server error, or a stored record it reads that does not match
 * its schema: RECORD_UNREADABLE) and 503 (the store is unavailable: STORAGE_UNAVAILABLE; nothing
 * was written, retry), since every endpoint reads or writes the store.
 */
export type ErrorStatus = 400 | 401 | 403 | 404 | 409 | 413 | 422 | 500 | 502 | 503;

export type EndpointTag =
  | 'session'
  | 'patients'
  | 'certificates'
  | 'work-lists'
  | 'threads'
  | 'diagnoses'
  | 'fmb'
  | 'fk-simulator'
  | 'patient-portal'
  | 'testability';

/** Who holds a session: a care user, an FK case officer (the simulator), a patient. */
export type Principal = 'care' | 'fk' | 'patient';

/** An endpoint: its route (method and path, from ./routes.ts) and its contracts. */
export interface EndpointDefinition extends Route {
  /** One line, English. */
  summary: string;
  description?: string;
  tag: EndpointTag;
  /**
   * `session`: the session token goes in `Authorization: Bearer <token>` (or, from the browser
   * app on the Node server, in the principal's cookie with `X-Intyga-Principal`); `none`: anyone.
   * Testability endpoints are `none`: they exist only where the testability API is switched
   * on (the embedded backend, the tests, `npm run serve -- --demo`); elsewhere they answer 404.
   */
  auth: 'session' | 'none';
  /**
   * Whose sessions it takes, when not only the one its tag implies (care users; FK's case
   * officers for `fk-simulator`; patients for `patient-portal`): see `principalsOf`.
   */
  principals?: readonly Principal[];
  /**
   * The care roles it admits, when not every one: see `rolesOf`. Another role's session is
   * refused with 403 before the resource or the body is looked at. Where a role's right
   * depends on the certificate type (who may sign, revoke or answer "Kan ej komplettera"),
   * the endpoint admits every role and the lifecycle refuses with its own reason.
   */
  roles?: readonly Role[];
  /**
   * True for the care endpoints that answer before the session's care unit is chosen (the
   * choice itself, the session's time, log-out); every other care endpoint refuses such a
   * session with 403 UNIT_NOT_CHOSEN.
   */
  beforeUnitChoice?: boolean;
  /** The path parameters, by the names in `path`. */
  params?: Readonly<Record<string, z.ZodType>>;
  /** The JSON request body, when the endpoint takes one. */
  request?: z.ZodType;
  /**
   * The success answer; `schema` absent for 204 (no body). `events`: the answer is a stream
   * of server-sent events (text/event-stream), each event's data a JSON value of this schema.
   */
  success: { status: 200 | 201 | 204; schema?: z.ZodType; events?: z.ZodType };
  /** Its error statuses; 413 is added to every endpoint with a request body (`declaredErrors`). */
  errors: readonly ErrorStatus[];
  /** Error bodies other than the plain `ApiError`, by status. */
  errorBodies?: Partial<Readonly<Record<ErrorStatus, z.ZodType>>>;
}

/** A certificate id in a path. */
const certificateIdParams = { id: opaqueIdSchema };
const patientIdParams = { patientId: opaqueIdSchema };
const threadIdParams = { threadId: opaqueIdSchema };

/** What every write on a thread can answer besides success (409: a newer version, or the state). */
const threadWriteErrors = [400, 401, 403, 404, 409, 500, 503] as const;

/** What every write on a certificate can answer besides success. */
const certificateWriteErrors = [400, 401, 403, 404, 409, 500, 503] as const;
const certificateWriteErrorBodies = { 409: certificateWriteConflictSchema };

export const endpoints = {
  // -- Environment ----------------------------------------------------------------------
  getEnvironment: {
    ...routes.getEnvironment,
    summary: 'What kind of environment this is: training (simulated log-ins), testability API on.',
    description:
      'Public. `training` is true wherever the simulated log-ins are offered (today every environment: they are the only log-in there is); the app then says on every page that it is a training environment.',
    tag: 'session',
    auth: 'none',
    success: { status: 200, schema: environmentSchema },
    errors: [500],
  },

  // -- Session --------------------------------------------------------------------------
  listLoginOptions: {
    ...routes.listLoginOptions,
    summary: 'List who may log in, and at which care unit (the test identity provider).',
    description:
      'Stands in for the identity provider: a real server authenticates with SITHS or similar and may not offer this list.',
    tag: 'session',
    auth: 'none',
    success: { status: 200, schema: loginOptionsResponseSchema },
    errors: [500, 503],
  },
  login: {
    ...routes.login,
    summary:
      'Log in as a user, at a care unit or (several units, none named) with the unit still to choose; answers the session token (or sets its cookie).',
    description:
      'A user has at most five live sessions: a sixth log-in ends the oldest. A session ends after the configured idle time or twelve hours after log-in.',
    tag: 'session',
    auth: 'none',
    request: loginRequestSchema,
    success: { status: 200, schema: loginResponseSchema },
    errors: [400, 403, 500, 503],
  },
  logout: {
    ...routes.logout,
    beforeUnitChoice: true,
    summary: 'End the session.',
    tag: 'session',
    auth: 'session',
    success: { status: 204 },
    errors: [401, 403, 500, 503],
  },
  getSession: {
    ...routes.getSession,
    summary: "The session's user, care unit, settings and the server's today.",
    tag: 'session',
    auth: 'session',
    success: { status: 200, schema: sessionSchema },
    errors: [401, 403, 500, 503],
  },
  getSessionStatus: {
    ...routes.getSessionStatus,
    beforeUnitChoice: true,
    summary: 'How long the session has left; not counted as activity.',
    tag: 'session',
    auth: 'session',
    success: { status: 200, schema: sessionPingResponseSchema },
    errors: [401, 403, 500, 503],
  },
  listCareUnitChoices: {
    ...routes.listCareUnitChoices,
    summary:
      "The care units the user may work at, each with the user's work counts there (the unit choice).",
    description:
      "Answers also before the unit is chosen. The counts are the badges' counts (`getWorkCounts`) for this user at each unit: only what the user may open is counted.",
    tag: 'session',
    auth: 'session',
    beforeUnitChoice: true,
    success: { status: 200, schema: careUnitChoicesResponseSchema },
    errors: [401, 403, 500, 503],
  },
  chooseCareUnit: {
    ...routes.chooseCareUnit,
    summary: "Choose, or switch, the session's care unit; answers the session (audited).",
    description:
      "Only a unit where the user has an assignment (403 otherwise). Every list, count, certificate and thread is then the new unit's.",
    tag: 'session',
    auth: 'session',
    beforeUnitChoice: true,
    request: chooseCareUnitRequestSchema,
    success: { status: 200, schema: sessionSchema },
    errors: [400, 401, 403, 500, 503],
  },
  subscribeToChanges: {
    ...routes.subscribeToChanges,
    summary: 'The change feed: what changed that this session may see, as server-sent events.',
    description:
      'Any principal (care user, FK case officer, patient) may listen with its own session; each hears only of what it may open: a care user of its unit, FK of what it received and the threads, a patient of their own certificates. A notice names what changed, never its content. The stream sends a `ready` event once it listens, `change` events, and a comment every 15 seconds; it ends when the session does.',
    tag: 'session',
    auth: 'session',
    principals: ['care', 'fk', 'patient'],
    success: { status: 200, events: changeNoticeSchema },
    errors: [401, 500, 503],
  },
  keepSessionAlive: {
    ...routes.keepSessionAlive,
    beforeUnitChoice: true,
    summary: 'The user is active: extend the session.',
    tag: 'session',
    auth: 'session',
    success: { status: 200, schema: sessionPingResponseSchema },
    errors: [401, 403, 500, 503],
  },

  // -- Patients -------------------------------------------------------------------------
  lookUpPatient: {
    ...routes.lookUpPatient,
    summary: 'Look a patient up by identity number (in the body, never in the URL).',
    description:
      'Audited. A protected identity is refused (403) to roles that may not handle it, and its address is never answered.',
    tag: 'patients',
    auth: 'session',
    request: patientLookupRequestSchema,
    success: { status: 200, schema: patientResponseSchema },
    errors: [400, 401, 403, 404, 500, 503],
  },
  getPatient: {
    ...routes.getPatient,
    summary: 'Read a patient by opaque id.',
    description: 'Audited, with the same protection rules as the look-up.',
    tag: 'patients',
    auth: 'session',
    params: patientIdParams,
    success: { status: 200, schema: patientResponseSchema },
    errors: [400, 401, 403, 404, 500, 503],
  },
  listCertificateTypes: {
    ...routes.listCertificateTypes,
    summary: 'The certificate types the user may write for the patient, with existing ones noted.',
    tag: 'certificates',
    auth: 'session',
    params: patientIdParams,
    success: { status: 200, schema: certificateCatalogueResponseSchema },
    errors: [400, 401, 403, 404, 500, 503],
  },
  listPatientCertificates: {
    ...routes.listPatientCertificates,
    summary: "The patient's drafts and certificates on the user's care unit, newest first.",
    tag: 'certificates',
    auth: 'session',
    params: patientIdParams,
    success: { status: 200, schema: patientCertificatesResponseSchema },
    errors: [400, 401, 403, 404, 500, 503],
  },

  // -- Work lists -----------------------------------------------------------------------
  getWorkCounts: {
    ...routes.getWorkCounts,
    summary: "Badge counts for the user's care unit; polled, so not counted as activity.",
    tag: 'work-lists',
    auth: 'session',
    success: { status: 200, schema: workCountsSchema },
    errors: [401, 403, 500, 503],
  },

  // -- Certificates ---------------------------------------------------------------------
  createCertificate: {
    ...routes.createCertificate,
    summary: "Create a draft for a patient, prefilled with the care unit's contact details.",
    tag: 'certificates',
    auth: 'session',
    request: createCertificateRequestSchema,
    success: { status: 201, schema: certificateResponseSchema },
    errors: [400, 401, 403, 404, 409, 500, 503],
  },
  queryDrafts: {
    ...routes.queryDrafts,
    summary: "The care unit's unsigned drafts, filtered, sorted and paged by the server.",
    description: 'A POST so that the filter (part of a name or identity number) stays out of URLs.',
    tag: 'work-lists',
    auth: 'session',
    request: draftListRequestSchema,
    success: { status: 200, schema: draftListResponseSchema },
    errors: [400, 401, 403, 500, 503],
  },
  querySigned: {
    ...routes.querySigned,
    summary:
      "The care unit's signed certificates (sent, replaced and revoked ones too), filtered, sorted and paged by the server.",
    description: 'A POST so that the filter (part of a name or identity number) stays out of URLs.',
    tag: 'work-lists',
    auth: 'session',
    request: signedListRequestSchema,
    success: { status: 200, schema: signedListResponseSchema },
    errors: [400, 401, 403, 500, 503],
  },
  getCertificate: {
    ...routes.getCertificate,
    summary: 'Read a certificate, with the actions the user may take on it now.',
    description: 'Audited.',
    tag: 'certificates',
    auth: 'session',
    params: certificateIdParams,
    success: { status: 200, schema: certificateResponseSchema },
    errors: [400, 401, 403, 404, 500, 503],
  },
  saveAnswers: {
    ...routes.saveAnswers,
    summary: "Save a draft's answers (autosave), based on a version.",
    description:
      'Optimistic locking: a write based on an older version is refused with 409 and who saved last, never merged. Answers with the certificate as saved (its new version and the actions the user may take on it now), like every other write on a certificate.',
    tag: 'certificates',
    auth: 'session',
    params: certificateIdParams,
    request: saveDraftRequestSchema,
    success: { status: 200, schema: certificateResponseSchema },
    errors: certificateWriteErrors,
    errorBodies: certificateWriteErrorBodies,
  },
  recordConsent: {
    ...routes.recordConsent,
    summary: "Record the patient's consent to electronic transfer.",
    tag: 'certificates',
    auth: 'session',
    params: certificateIdParams,
    request: recordConsentRequestSchema,
    success: { status: 200, schema: certificateResponseSchema },
    errors: certificateWriteErrors,
    errorBodies: certificateWriteErrorBodies,
  },
  markReadyForSign: {
    ...routes.markReadyForSign,
    summary: 'Mark a draft ready for signing (by a role that may not sign it).',
    tag: 'certificates',
    auth: 'session',
    params: certificateIdParams,
    request: versionedRequestSchema,
    success: { status: 200, schema: certificateResponseSchema },
    errors: certificateWriteErrors,
    errorBodies: certificateWriteErrorBodies,
  },
  signCertificate: {
    ...routes.signCertificate,
    summary:
      'Sign a draft; a sign-and-send type, or a draft signed with `send`, is sent to Försäkringskassan at once.',
    description:
      "The draft's own definition version decides completeness: 422 INCOMPLETE or CONSENT_MISSING when it is not ready. A consent in the request is recorded first, in the same transaction and by the same rules as POST …/consent (400 for a day in the future), so signing needs no separate consent step. `send: true` signs and sends in one step (the action `sign-and-send`: 409 when the type sends on signing anyway or the certificate may not be sent, as for a test person). 502 SIGNING_FAILED when the signing service does not answer.",
    tag: 'certificates',
    auth: 'session',
    params: certificateIdParams,
    request: signRequestSchema,
    success: { status: 200, schema: certificateResponseSchema },
    errors: [400, 401, 403, 404, 409, 422, 500, 502, 503],
    errorBodies: certificateWriteErrorBodies,
  },
  sendCertificate: {
    ...routes.sendCertificate,
    summary: 'Send a signed certificate to Försäkringskassan.',
    tag: 'certificates',
    auth: 'session',
    params: certificateIdParams,
    request: versionedRequestSchema,
    success: { status: 200, schema: certificateResponseSchema },
    errors: certificateWriteErrors,
    errorBodies: certificateWriteErrorBodies,
  },
  printCertificate: {
    ...routes.printCertificate,
    summary:
      "Record that the certificate or draft is printed (the audit log); the layout is the browser's.",
    tag: 'certificates',
    auth: 'session',
    params: certificateIdParams,
    request: versionedRequestSchema,
    success: { status: 200, schema: certificateResponseSchema },
    errors: certificateWriteErrors,
    errorBodies: certificateWriteErrorBodies,
  },
  revokeCertificate: {
    ...routes.revokeCertificate,
    summary:
      'Revoke ("makulera") a signed certificate or a locked draft; FK is told when it had received it.',
    tag: 'certificates',
    auth: 'session',
    params: certificateIdParams,
    request: revokeRequestSchema,
    success: { status: 200, schema: certificateResponseSchema },
    errors: certificateWriteErrors,
    errorBodies: certificateWriteErrorBodies,
  },
  deleteDraft: {
    ...routes.deleteDraft,
    summary: 'Delete a draft that is not locked, based on its version.',
    tag: 'certificates',
    auth: 'session',
    params: certificateIdParams,
    request: versionedRequestSchema,
    success: { status: 204 },
    errors: certificateWriteErrors,
    errorBodies: certificateWriteErrorBodies,
  },
  renewCertificate: {
    ...routes.renewCertificate,
    summary:
      'Renew ("förnya") a signed certificate: a linked draft without the answers the type leaves out.',
    tag: 'certificates',
    auth: 'session',
    params: certificateIdParams,
    request: versionedRequestSchema,
    success: { status: 201, schema: certificateResponseSchema },
    errors: certificateWriteErrors,
    errorBodies: certificateWriteErrorBodies,
  },
  replaceCertificate: {
    ...routes.replaceCertificate,
    summary:
      'Replace ("ersätt") a signed certificate: a linked full copy. 409 when a replacing draft is already begun (the certificate lists it among its children).',
    tag: 'certificates',
    auth: 'session',
    params: certificateIdParams,
    request: versionedRequestSchema,
    success: { status: 201, schema: certificateResponseSchema },
    errors: certificateWriteErrors,
    errorBodies: certificateWriteErrorBodies,
  },
  copyLockedDraft: {
    ...routes.copyLockedDraft,
    summary: 'Copy a locked draft into a new draft linked to it.',
    tag: 'certificates',
    auth: 'session',
    params: certificateIdParams,
    request: versionedRequestSchema,
    success: { status: 201, schema: certificateResponseSchema },
    errors: certificateWriteErrors,
    errorBodies: certificateWriteErrorBodies,
  },

  // -- Threads: the dialogue with Försäkringskassan -----------------------------------
  queryInbox: {
    ...routes.queryInbox,
    summary: 'The care unit\'s threads ("Ej hanterade ärenden"), filtered, sorted and paged.',
    description:
      'Rows of protected-identity patients are left out for roles that may not handle them. The default order puts overdue, then soon-due questions first.',
    tag: 'threads',
    auth: 'session',
    request: inboxRequestSchema,
    success: { status: 200, schema: inboxResponseSchema },
    errors: [400, 401, 403, 500, 503],
  },
  listCertificateThreads: {
    ...routes.listCertificateThreads,
    summary: "A certificate's threads with FK, each with the actions the user may take on it.",
    tag: 'threads',
    auth: 'session',
    params: certificateIdParams,
    success: { status: 200, schema: certificateThreadsResponseSchema },
    errors: [400, 401, 403, 404, 500, 503],
  },
  startThread: {
    ...routes.startThread,
    summary: 'Send FK an administrative question (avstämningsmöte, kontakt, övrigt).',
    description: 'Only on a signed certificate that has been sent and is not revoked.',
    tag: 'threads',
    auth: 'session',
    params: certificateIdParams,
    request: newThreadRequestSchema,
    success: { status: 201, schema: threadResponseSchema },
    errors: [400, 401, 403, 404, 409, 500, 503],
  },
  saveAnswerDraft: {
    ...routes.saveAnswerDraft,
    summary: "Save the unit's unsent answer to FK's question (autosave), based on a version.",
    tag: 'threads',
    auth: 'session',
    params: threadIdParams,
    request: saveAnswerDraftRequestSchema,
    success: { status: 200, schema: threadResponseSchema },
    errors: threadWriteErrors,
  },
  answerThread: {
    ...routes.answerThread,
    summary: "Answer FK's administrative question; the thread is then handled.",
    description:
      'A complement request is not answered with text: it is met by a complementing certificate or by "Kan ej komplettera".',
    tag: 'threads',
    auth: 'session',
    params: threadIdParams,
    request: answerThreadRequestSchema,
    success: { status: 200, schema: threadResponseSchema },
    errors: threadWriteErrors,
  },
  setThreadHandled: {
    ...routes.setThreadHandled,
    summary: 'Mark a thread handled, or an administrative one not handled again.',
    description:
      'A handled complement request, and an FK question the unit answered, stay handled.',
    tag: 'threads',
    auth: 'session',
    params: threadIdParams,
    request: setHandledRequestSchema,
    success: { status: 200, schema: threadResponseSchema },
    errors: threadWriteErrors,
  },
  setThreadForwarded: {
    ...routes.setThreadForwarded,
    summary:
      'Record that the thread was forwarded to a colleague (by e-mail, outside the service).',
    tag: 'threads',
    auth: 'session',
    params: threadIdParams,
    request: versionedThreadRequestSchema,
    success: { status: 200, schema: threadResponseSchema },
    errors: threadWriteErrors,
  },
  complementCertificate: {
    ...routes.complementCertificate,
    summary:
      'Record the consent to complementing and create the complementing draft (or answer the one begun).',
    description:
      'A new draft linked to the original (relation complements). 409 when a complementing draft is already begun (the thread names it in complementedBy).',
    tag: 'threads',
    auth: 'session',
    params: threadIdParams,
    request: complementRequestSchema,
    success: { status: 201, schema: certificateResponseSchema },
    errors: threadWriteErrors,
  },
  cannotComplement: {
    ...routes.cannotComplement,
    summary:
      '"Kan ej komplettera": answer every open complement request of the certificate with a message, and handle them.',
    tag: 'threads',
    auth: 'session',
    params: threadIdParams,
    request: cannotComplementRequestSchema,
    success: { status: 200, schema: certificateThreadsResponseSchema },
    errors: threadWriteErrors,
  },

  // -- The FK simulator: Försäkringskassan's side ---------------------------------------
  listFkLoginOptions: {
    ...routes.listFkLoginOptions,
    summary: "FK's case officers who may log in to the simulator.",
    tag: 'fk-simulator',
    auth: 'none',
    success: { status: 200, schema: fkLoginOptionsResponseSchema },
    errors: [500, 503],
  },
  fkLogin: {
    ...routes.fkLogin,
    summary:
      'Log in to the FK simulator as a case officer; answers the session token (or sets its cookie).',
    tag: 'fk-simulator',
    auth: 'none',
    request: fkLoginRequestSchema,
    success: { status: 200, schema: fkLoginResponseSchema },
    errors: [400, 403, 500, 503],
  },
  fkLogout: {
    ...routes.fkLogout,
    summary: "End the case officer's session.",
    tag: 'fk-simulator',
    auth: 'session',
    success: { status: 204 },
    errors: [401, 403, 500, 503],
  },
  getFkSession: {
    ...routes.getFkSession,
    summary: "The case officer's session and the server's today.",
    tag: 'fk-simulator',
    auth: 'session',
    success: { status: 200, schema: fkSessionSchema },
    errors: [401, 403, 500, 503],
  },
  queryFkCases: {
    ...routes.queryFkCases,
    summary: 'The certificates FK has received, newest first, paged.',
    tag: 'fk-simulator',
    auth: 'session',
    request: fkCaseListRequestSchema,
    success: { status: 200, schema: fkCaseListResponseSchema },
    errors: [400, 401, 403, 500, 503],
  },
  getFkCase: {
    ...routes.getFkCase,
    summary: 'One received certificate with its questions and threads, as FK sees them.',
    tag: 'fk-simulator',
    auth: 'session',
    params: certificateIdParams,
    success: { status: 200, schema: fkCaseResponseSchema },
    errors: [400, 401, 403, 404, 500, 503],
  },
  sendFkMessage: {
    ...routes.sendFkMessage,
    summary: 'FK sends the care unit a question, a complement request, a reminder or an answer.',
    description:
      'Refused as the reference refuses: a certificate not sent or revoked, a duplicate message id, a complement request naming a question the certificate does not have, a second answer.',
    tag: 'fk-simulator',
    auth: 'session',
    params: certificateIdParams,
    request: fkMessageRequestSchema,
    success: { status: 201, schema: fkThreadResponseSchema },
    errors: [400, 401, 403, 404, 409, 500, 503],
  },

  // -- Mina intyg: the patient's own certificates ------------------------------------------
  listPortalLoginOptions: {
    ...routes.listPortalLoginOptions,
    summary: 'The people the simulated e-identification can identify (living patients).',
    description:
      'Stands in for a real e-identification (BankID), which a real backend would verify instead.',
    tag: 'patient-portal',
    auth: 'none',
    success: { status: 200, schema: portalLoginOptionsResponseSchema },
    errors: [500, 503],
  },
  portalLogin: {
    ...routes.portalLogin,
    summary: 'Log in to Mina intyg as a patient; answers the session token (or sets its cookie).',
    tag: 'patient-portal',
    auth: 'none',
    request: portalLoginRequestSchema,
    success: { status: 200, schema: portalLoginResponseSchema },
    errors: [400, 403, 500, 503],
  },
  portalLogout: {
    ...routes.portalLogout,
    summary: "End the patient's session.",
    tag: 'patient-portal',
    auth: 'session',
    success: { status: 204 },
    errors: [401, 403, 500, 503],
  },
  getPortalSession: {
    ...routes.getPortalSession,
    summary: "The patient's session and the server's today.",
    tag: 'patient-portal',
    auth: 'session',
    success: { status: 200, schema: portalSessionSchema },
    errors: [401, 403, 500, 503],
  },
  listPortalCertificates: {
    ...routes.listPortalCertificates,
    summary: "The patient's own signed certificates of the types patients see, newest first.",
    description: 'Never drafts; a revoked certificate is listed as revoked, without its content.',
    tag: 'patient-portal',
    auth: 'session',
    success: { status: 200, schema: portalCertificateListResponseSchema },
    errors: [401, 403, 500, 503],
  },
  getPortalCertificate: {
    ...routes.getPortalCertificate,
    summary: "One of the patient's own certificates, with its content unless it is revoked.",
    description:
      "Another patient's certificate, a draft and an unknown id are all refused with the same 403: nothing is disclosed.",
    tag: 'patient-portal',
    auth: 'session',
    params: certificateIdParams,
    success: { status: 200, schema: portalCertificateResponseSchema },
    errors: [400, 401, 403, 500, 503],
  },
  printPortalCertificate: {
    ...routes.printPortalCertificate,
    summary: 'Log that the patient prints one of their own certificates.',
    tag: 'patient-portal',
    auth: 'session',
    params: certificateIdParams,
    success: { status: 204 },
    errors: [400, 401, 403, 409, 500, 503],
  },
  sendPortalCertificate: {
    ...routes.sendPortalCertificate,
    summary: 'The patient sends one of their own certificates to Försäkringskassan.',
    description:
      'Only types the patient may send, signed, not sent, not replaced, not revoked, not a test person.',
    tag: 'patient-portal',
    auth: 'session',
    params: certificateIdParams,
    success: { status: 200, schema: portalCertificateResponseSchema },
    errors: [400, 401, 403, 409, 500, 503],
  },

  // -- Diagnoses ------------------------------------------------------------------------
  searchDiagnoses: {
    ...routes.searchDiagnoses,
    summary: 'Search ICD-10-SE by words or code prefix (the text in the body).',
    tag: 'diagnoses',
    auth: 'session',
    request: diagnosisSearchRequestSchema,
    success: { status: 200, schema: diagnosisSearchResponseSchema },
    errors: [400, 401, 403, 500, 503],
  },
  getDiagnosis: {
    ...routes.getDiagnosis,
    summary: 'Look up one ICD-10-SE code.',
    description:
      'The code may be written with a dot and in lower case (j06.9); only a text shaped like a code is looked up.',
    tag: 'diagnoses',
    auth: 'session',
    params: { code: diagnosisCodeInputSchema },
    success: { status: 200, schema: diagnosisResponseSchema },
    errors: [400, 401, 403, 404, 500, 503],
  },

  // -- FMB: Socialstyrelsen's sick-leave guidance --------------------------------------
  getFmbGuidance: {
    ...routes.getFmbGuidance,
    summary:
      "FMB's guidance for up to three diagnosis codes: the matched code, heading and typfall.",
    description:
      'A code is shortened from the right, down to three characters, until it matches an FMB code; the answer says which code matched, or why there is no guidance.',
    tag: 'fmb',
    auth: 'session',
    request: fmbGuidanceRequestSchema,
    success: { status: 200, schema: fmbGuidanceResponseSchema },
    errors: [400, 401, 403, 500, 503],
  },
  checkFmbSickLeave: {
    ...routes.checkFmbSickLeave,
    summary: "A draft's proposed sick leave, with the patient's ongoing one, checked against FMB.",
    description:
      "The largest recommendation over the diagnoses against the proposed periods (inclusive, overlaps merged) plus the patient's signed FK 7804s on the unit that follow within 5 days of each other. Non-blocking: the answer carries a warning.",
    tag: 'fmb',
    auth: 'session',
    request: fmbSickLeaveCheckRequestSchema,
    success: { status: 200, schema: fmbSickLeaveCheckResponseSchema },
    errors: [400, 401, 403, 404, 500, 503],
  },

  // -- Testability: only where it is switched on ----------------------------------------
  resetBackend: {
    ...routes.resetBackend,
    summary: 'Reset the store to a named scenario (testability API only).',
    tag: 'testability',
    auth: 'none',
    request: resetRequestSchema,
    success: { status: 200, schema: resetResponseSchema },
    errors: [400, 500, 503],
  },
  setFault: {
    ...routes.setFault,
    summary: 'Switch a fault on or off, keeping the stored data (testability API only).',
    tag: 'testability',
    auth: 'none',
    request: setFaultRequestSchema,
    success: { status: 200, schema: setFaultResponseSchema },
    errors: [400, 500, 503],
  },
  createBulkDrafts: {
    ...routes.createBulkDrafts,
    summary: "Fill the care unit's drafts list, for benchmarks (testability API only).",
    tag: 'testability',
    auth: 'none',
    request: bulkDraftsRequestSchema,
    success: { status: 201, schema: bulkDraftsResponseSchema },
    errors: [400, 500, 503],
  },
  createBulkThreads: {
    ...routes.createBulkThreads,
    summary:
      "Fill the care unit's inbox with FK's questions, for benchmarks (testability API only).",
    tag: 'testability',
    auth: 'none',
    request: bulkThreadsRequestSchema,
    success: { status: 201, schema: bulkThreadsResponseSchema },
    errors: [400, 500, 503],
  },
  setClock: {
    ...routes.setClock,
    summary: "Move the backend's clock (testability API only).",
    tag: 'testability',
    auth: 'none',
    request: setClockRequestSchema,
    success: { status: 200, schema: setClockResponseSchema },
    errors: [400, 500, 503],
  },
  createTestCertificate: {
    ...routes.createTestCertificate,
    summary: 'Make a certificate of any type and state in one call (testability API only).',
    tag: 'testability',
    auth: 'none',
    request: createTestCertificateRequestSchema,
    success: { status: 201, schema: createTestCertificateResponseSchema },
    errors: [400, 404, 500, 503],
  },
  getStoredCertificate: {
    ...routes.getStoredCertificate,
    summary: 'A certificate as stored (testability API only).',
    tag: 'testability',
    auth: 'none',
    params: { id: z.string().min(1) },
    success: { status: 200, schema: storedCertificateResponseSchema },
    errors: [404, 500, 503],
  },
  listFkReceived: {
    ...routes.listFkReceived,
    summary: 'What Försäkringskassan has received, newest first (testability API only).',
    tag: 'testability',
    auth: 'none',
    success: { status: 200, schema: fkReceivedResponseSchema },
    errors: [500, 503],
  },
  getAuditLog: {
    ...routes.getAuditLog,
    summary: 'The audit log (PDL), oldest first (testability API only).',
    tag: 'testability',
    auth: 'none',
    success: { status: 200, schema: auditLogResponseSchema },
    errors: [500, 503],
  },
  sendTestFkMessage: {
    ...routes.sendTestFkMessage,
    summary: 'Send a message as FK without a session, for test set-up (testability API only).',
    tag: 'testability',
    auth: 'none',
    params: { id: z.string().min(1) },
    request: fkMessageRequestSchema,
    success: { status: 201, schema: fkThreadResponseSchema },
    errors: [400, 404, 409, 500, 503],
  },
  listStoredThreads: {
    ...routes.listStoredThreads,
    summary: "A certificate's threads as stored (testability API only).",
    tag: 'testability',
    auth: 'none',
    params: { id: z.string().min(1) },
    success: { status: 200, schema: storedThreadsResponseSchema },
    errors: [404, 500, 503],
  },
  editStoredRecord: {
    ...routes.editStoredRecord,
    summary: 'Change a stored record as it is, unchecked, to damage it (testability API only).',
    description:
      'Removes and sets top-level fields of the stored record without its schema, so that testers see one damaged record stay contained: lists, counts and sessions keep working, and requests for that record answer 500 RECORD_UNREADABLE.',
    tag: 'testability',
    auth: 'none',
    params: { collection: storedRecordCollectionSchema, id: z.string().min(1) },
    request: editStoredRecordRequestSchema,
    success: { status: 200, schema: editStoredRecordResponseSchema },
    errors: [400, 404, 500, 503],
  },

  // -- Private practitioner registration --------------------------------------------------
  listEidPersons: {
    ...routes.listEidPersons,
    summary:
      "The simulated e-identification's test persons, for registering as a private physician.",
    description:
      'Stands in for e-legitimation (BankID, Freja eID): a real server identifies the person with the e-identification service and may not offer this list.',
    tag: 'session',
    auth: 'none',
    success: { status: 200, schema: eidOptionsResponseSchema },
    errors: [500, 503],
  },
  lookUpHosp: {
    ...routes.lookUpHosp,
    summary:
      "Look the identified person up in HOSP (Socialstyrelsen's register of licensed personnel, simulated).",
    description:
      'Answers what HOSP says of a licensed physician who has no account yet. 403 when HOSP has no physician licence for the person (not in the register, another profession, or revoked), 409 when the person already has an account; each with its Swedish message. The identity number is in the body, never in the URL.',
    tag: 'session',
    auth: 'none',
    request: hospLookupRequestSchema,
    success: { status: 200, schema: hospLookupResponseSchema },
    errors: [400, 403, 409, 500, 503],
  },
  registerPractitioner: {
    ...routes.registerPractitioner,
    summary:
      'Register a licensed physician as a private practitioner: creates the care provider, the care unit and the user.',
    description:
      'Checks HOSP again and refuses (403) one without a physician licence or with a revoked one, and (409) a person who already has an account or an organisation number already registered; nothing is created then. Audited. The new user may log in at once.',
    tag: 'session',
    auth: 'none',
    request: registrationRequestSchema,
    success: { status: 201, schema: registrationResponseSchema },
    errors: [400, 403, 409, 500, 503],
  },
  getMyDetails: {
    ...routes.getMyDetails,
    summary: "Mina uppgifter: the registered private physician's own details.",
    description:
      'Only for a physician who registered the current care unit; 404 for everyone else (whose details the care provider keeps).',
    tag: 'session',
    auth: 'session',
    roles: ['physician'],
    success: { status: 200, schema: myDetailsSchema },
    errors: [401, 403, 404, 500, 503],
  },
  updateMyDetails: {
    ...routes.updateMyDetails,
    summary:
      "Change the practice's name, address, contact and type of care (not the identity). Audited.",
    tag: 'session',
    auth: 'session',
    roles: ['physician'],
    request: practiceDetailsSchema,
    success: { status: 200, schema: myDetailsSchema },
    errors: [400, 401, 403, 404, 500, 503],
  },

  // -- A certificate's history -----------------------------------------------------------
  getCertificateHistory: {
    ...routes.getCertificateHistory,
    summary:
      "A certificate's history, newest first: its own events (saves grouped per user and session), its dialogue with FK and the certificates made from it.",
    description:
      'Guarded exactly as reading the certificate. Not the PDL audit log, which stays separate; not audited itself (reading the certificate is).',
    tag: 'certificates',
    auth: 'session',
    params: certificateIdParams,
    success: { status: 200, schema: certificateHistoryResponseSchema },
    errors: [400, 401, 403, 404, 500, 503],
  },

  // -- Preferences and operating messages -------------------------------------------------
  setFavouriteCertificateType: {
    ...routes.setFavouriteCertificateType,
    summary: "Mark or unmark a certificate type as one of the user's favourites.",
    description:
      "Per care user, whatever the unit; kept across sessions. The catalogue puts the favourites first, in the catalogue's order. An unknown type is 400.",
    tag: 'certificates',
    auth: 'session',
    params: { type: favouriteTypeParamSchema },
    request: setFavouriteRequestSchema,
    success: { status: 200, schema: favouritesResponseSchema },
    errors: [400, 401, 403, 500, 503],
  },
  getOperatingMessages: {
    ...routes.getOperatingMessages,
    summary: "The operator's messages in force now (information, warning, fault).",
    description:
      "Public, so that every page shows them, the log-in included. Those from the server's configuration and those set through the testability API whose window holds the backend's clock (start inclusive, end exclusive), faults first.",
    tag: 'session',
    auth: 'none',
    success: { status: 200, schema: operatingMessagesResponseSchema },
    errors: [500, 503],
  },
  setOperatingMessages: {
    ...routes.setOperatingMessages,
    summary: 'Replace the operating messages set for tests (testability API only).',
    description:
      "Kept in the store's settings until the next reset, beside those from the server's configuration.",
    tag: 'testability',
    auth: 'none',
    request: setOperatingMessagesRequestSchema,
    success: { status: 200, schema: operatingMessagesResponseSchema },
    errors: [400, 500, 503],
  },
} as const satisfies { [Id in RouteId]: EndpointDefinition };

export type EndpointId = keyof typeof endpoints;

/** The registry as a list, each entry with its id (the OpenAPI operationId). */
export const endpointList: readonly (EndpointDefinition & { id: string })[] = Object.entries(
  endpoints,
).map(([id, endpoint]) => ({ id, ...endpoint }));

/** The principal a tag's endpoints take when they do not say (`principals`). */
const principalByTag = {
  'fk-simulator': 'fk',
  'patient-portal': 'patient',
} as const satisfies Partial<Record<EndpointTag, Principal>>;

/** At the type level, `principalsOf`: whose sessions an endpoint takes (never for `none`). */
export type PrincipalOf<E extends EndpointDefinition> = E['auth'] extends 'none'
  ? never
  : E extends { principals: readonly (infer P extends Principal)[] }
    ? P
    : E['tag'] extends keyof typeof principalByTag
      ? (typeof principalByTag)[E['tag']]
      : 'care';

/** Whose sessions an endpoint takes: none without a session, else `principals` or its tag's. */
export function principalsOf(endpoint: EndpointDefinition): readonly Principal[] {
  if (endpoint.auth === 'none') return [];
  if (endpoint.principals !== undefined) return endpoint.principals;
  const { tag } = endpoint;
  return tag === 'fk-simulator' || tag === 'patient-portal' ? [principalByTag[tag]] : ['care'];
}

/** Every care role: what an endpoint taking care sessions admits unless it says (`roles`). */
export const careRoles: readonly Role[] = roleSchema.options;

/** The care roles an endpoint admits: none when it takes no care session. */
export function rolesOf(endpoint: EndpointDefinition): readonly Role[] {
  if (!principalsOf(endpoint).includes('care')) return [];
  return endpoint.roles ?? careRoles;
}

/**
 * Every error status `endpoint` may answer: its own, and 413 when it takes a body, because
 * every body is refused above `MAX_BODY_BYTES` (server/http/support.ts) before it is parsed.
 */
export function declaredErrors(endpoint: EndpointDefinition): readonly ErrorStatus[] {
  return endpoint.request === undefined ? endpoint.errors : [...endpoint.errors, 413];
}

/** The body of an error answer with `status` from `endpoint`. */
export function errorBodySchema(endpoint: EndpointDefinition, status: ErrorStatus): z.ZodType {
  return endpoint.errorBodies?.[status] ?? apiErrorSchema;
}
