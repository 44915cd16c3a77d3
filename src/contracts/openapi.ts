import { changeNoticeSchema } from './change-notices';
import { z } from 'zod';
import * as certificates from './certificates';
import * as common from './common';
import * as diagnoses from './diagnoses';
import * as environment from './environment';
import {
  declaredErrors,
  endpointList,
  errorBodySchema,
  type EndpointDefinition,
  type EndpointTag,
  type ErrorStatus,
} from './endpoints';
import * as fk from './fk';
import * as fmb from './fmb';
import { identityNumberSchema } from './identity-number';
import * as patientPortal from './patient-portal';
import * as patients from './patients';
import * as session from './session';
import * as testability from './testability';
import * as threads from './threads';
import * as workLists from './work-lists';

/**
 * The OpenAPI 3.1 document of the API, built from the endpoint registry and the zod
 * contracts with zod's own `z.toJSONSchema` (JSON Schema draft 2020-12, the dialect of
 * OpenAPI 3.1). scripts/openapi.ts writes it to openapi/openapi.json; a test fails when the
 * committed file differs from what the contracts give.
 *
 * Schemas are documented as their parsers accept them (`io: 'input'`): a request as the
 * server takes it (fields with a default may be left out), a response as the client takes
 * it. Refinements zod checks in code (an identity number's check digit, an opaque id that
 * must not look like an identity number) have no JSON Schema form and are not in it.
 */

export const OPENAPI_DOCUMENT_PATH = 'openapi/openapi.json';

/** The named schemas of components/schemas; every request and response body must be one. */
const componentSchemas: Readonly<Record<string, z.ZodType>> = {
  // Shared shapes
  ApiError: common.apiErrorSchema,
  OpaqueId: common.opaqueIdSchema,
  HsaId: common.hsaIdSchema,
  IsoDate: common.isoDateSchema,
  IsoDateTime: common.isoDateTimeSchema,
  Role: common.roleSchema,
  IdentityNumber: identityNumberSchema,
  // Environment
  Environment: environment.environmentSchema,
  // Session
  ChangeNotice: changeNoticeSchema,
  CareProvider: session.careProviderSchema,
  CareUnit: session.careUnitSchema,
  User: session.userSchema,
  LoginOption: session.loginOptionSchema,
  LoginOptionsResponse: session.loginOptionsResponseSchema,
  LoginRequest: session.loginRequestSchema,
  LoginResponse: session.loginResponseSchema,
  SessionSettings: session.sessionSettingsSchema,
  Session: session.sessionSchema,
  SessionPingResponse: session.sessionPingResponseSchema,
  // Patients
  PatientLookupRequest: patients.patientLookupRequestSchema,
  Patient: patients.patientSchema,
  PatientResponse: patients.patientResponseSchema,
  // Certificates
  CertificateType: certificates.certificateTypeCodeSchema,
  CertificateStatus: certificates.certificateStatusSchema,
  DraftCompleteness: certificates.draftCompletenessSchema,
  Actor: certificates.actorSchema,
  Sent: certificates.sentSchema,
  Answers: certificates.answersSchema,
  ConsentInput: certificates.consentInputSchema,
  Consent: certificates.consentSchema,
  CertificateActionType: certificates.certificateActionTypeSchema,
  CertificateAction: certificates.certificateActionSchema,
  CertificatePatient: certificates.certificatePatientSchema,
  CertificateUnit: certificates.certificateUnitSchema,
  CertificateEvent: certificates.certificateEventSchema,
  RelationType: certificates.relationTypeSchema,
  RelatedCertificate: certificates.relatedCertificateSchema,
  RevokeReason: certificates.revokeReasonSchema,
  Revocation: certificates.revocationSchema,
  Certificate: certificates.certificateSchema,
  CertificateResponse: certificates.certificateResponseSchema,
  CreateCertificateRequest: certificates.createCertificateRequestSchema,
  VersionedRequest: certificates.versionedRequestSchema,
  SaveDraftRequest: certificates.saveDraftRequestSchema,
  RecordConsentRequest: certificates.recordConsentRequestSchema,
  SigningMethod: certificates.signingMethodSchema,
  SignRequest: certificates.signRequestSchema,
  RevokeRequest: certificates.revokeRequestSchema,
  ConflictDetails: certificates.conflictDetailsSchema,
  CertificateWriteConflict: certificates.certificateWriteConflictSchema,
  CertificateSummary: certificates.certificateSummarySchema,
  DraftListSort: certificates.draftListSortSchema,
  DraftListRequest: certificates.draftListRequestSchema,
  DraftListResponse: certificates.draftListResponseSchema,
  SignedListStatus: certificates.signedListStatusSchema,
  SignedListSort: certificates.signedListSortSchema,
  SignedListRequest: certificates.signedListRequestSchema,
  SignedListResponse: certificates.signedListResponseSchema,
  PatientCertificatesResponse: certificates.patientCertificatesResponseSchema,
  CertificateTypeEntry: certificates.certificateTypeEntrySchema,
  CertificateCatalogueResponse: certificates.certificateCatalogueResponseSchema,
  // Work lists
  WorkCounts: workLists.workCountsSchema,
  // Threads
  ThreadTopic: threads.threadTopicSchema,
  CareTopic: threads.careTopicSchema,
  ThreadParty: threads.threadPartySchema,
  ComplementItem: threads.complementItemSchema,
  Reminder: threads.reminderSchema,
  ThreadAnswer: threads.threadAnswerSchema,
  CannotComplementReason: threads.cannotComplementReasonSchema,
  ThreadHandled: threads.threadHandledSchema,
  ThreadToDo: threads.threadToDoSchema,
  ThreadActionType: threads.threadActionTypeSchema,
  ThreadAction: threads.threadActionSchema,
  ThreadDue: threads.threadDueSchema,
  Thread: threads.threadSchema,
  ThreadResponse: threads.threadResponseSchema,
  CertificateThreadsResponse: threads.certificateThreadsResponseSchema,
  VersionedThreadRequest: threads.versionedThreadRequestSchema,
  NewThreadRequest: threads.newThreadRequestSchema,
  SaveAnswerDraftRequest: threads.saveAnswerDraftRequestSchema,
  AnswerThreadRequest: threads.answerThreadRequestSchema,
  SetHandledRequest: threads.setHandledRequestSchema,
  ComplementRequest: threads.complementRequestSchema,
  CannotComplementRequest: threads.cannotComplementRequestSchema,
  InboxRequest: threads.inboxRequestSchema,
  InboxRow: threads.inboxRowSchema,
  InboxResponse: threads.inboxResponseSchema,
  // FK simulator
  FkOfficer: fk.fkOfficerSchema,
  FkLoginOptionsResponse: fk.fkLoginOptionsResponseSchema,
  FkLoginRequest: fk.fkLoginRequestSchema,
  FkSession: fk.fkSessionSchema,
  FkLoginResponse: fk.fkLoginResponseSchema,
  FkCaseRow: fk.fkCaseRowSchema,
  FkCaseListRequest: fk.fkCaseListRequestSchema,
  FkCaseListResponse: fk.fkCaseListResponseSchema,
  FkThread: fk.fkThreadSchema,
  FkQuestionChoice: fk.fkQuestionChoiceSchema,
  FkCaseResponse: fk.fkCaseResponseSchema,
  FkMessageRequest: fk.fkMessageRequestSchema,
  FkThreadResponse: fk.fkThreadResponseSchema,
  FmbTypfall: fmb.fmbTypfallSchema,
  FmbGuidance: fmb.fmbGuidanceSchema,
  FmbSource: fmb.fmbSourceSchema,
  FmbGuidanceRequest: fmb.fmbGuidanceRequestSchema,
  FmbGuidanceResponse: fmb.fmbGuidanceResponseSchema,
  FmbSickLeaveCheckRequest: fmb.fmbSickLeaveCheckRequestSchema,
  FmbSickLeaveCheckResponse: fmb.fmbSickLeaveCheckResponseSchema,
  PortalPerson: patientPortal.portalPersonSchema,
  PortalLoginOptionsResponse: patientPortal.portalLoginOptionsResponseSchema,
  PortalLoginRequest: patientPortal.portalLoginRequestSchema,
  PortalSession: patientPortal.portalSessionSchema,
  PortalLoginResponse: patientPortal.portalLoginResponseSchema,
  PortalAction: patientPortal.portalActionSchema,
  PortalCertificateRow: patientPortal.portalCertificateRowSchema,
  PortalCertificateListResponse: patientPortal.portalCertificateListResponseSchema,
  PortalCertificate: patientPortal.portalCertificateSchema,
  PortalCertificateResponse: patientPortal.portalCertificateResponseSchema,
  // Diagnoses
  DiagnosisCode: diagnoses.diagnosisCodeSchema,
  Diagnosis: diagnoses.diagnosisSchema,
  DiagnosisSearchRequest: diagnoses.diagnosisSearchRequestSchema,
  DiagnosisSearchResponse: diagnoses.diagnosisSearchResponseSchema,
  DiagnosisResponse: diagnoses.diagnosisResponseSchema,
  // Testability (only where it is switched on)
  FkReceivedCertificate: fk.fkReceivedCertificateSchema,
  FkReceivedResponse: fk.fkReceivedResponseSchema,
  ScenarioName: testability.scenarioNameSchema,
  ResetRequest: testability.resetRequestSchema,
  ResetResponse: testability.resetResponseSchema,
  Fault: testability.faultSchema,
  SetFaultRequest: testability.setFaultRequestSchema,
  SetFaultResponse: testability.setFaultResponseSchema,
  BulkDraftsRequest: testability.bulkDraftsRequestSchema,
  BulkDraftsResponse: testability.bulkDraftsResponseSchema,
  BulkThreadsRequest: testability.bulkThreadsRequestSchema,
  BulkThreadsResponse: testability.bulkThreadsResponseSchema,
  SetClockRequest: testability.setClockRequestSchema,
  SetClockResponse: testability.setClockResponseSchema,
  CreateTestCertificateRequest: testability.createTestCertificateRequestSchema,
  CreateTestCertificateResponse: testability.createTestCertificateResponseSchema,
  AuditEntry: testability.auditEntrySchema,
  AuditLogResponse: testability.auditLogResponseSchema,
  StoredCertificateResponse: testability.storedCertificateResponseSchema,
  StoredThreadsResponse: testability.storedThreadsResponseSchema,
  StoredRecordCollection: testability.storedRecordCollectionSchema,
  EditStoredRecordRequest: testability.editStoredRecordRequestSchema,
  EditStoredRecordResponse: testability.editStoredRecordResponseSchema,
};

const tagDescriptions: Record<EndpointTag, string> = {
  session: 'The environment, log-in, log-out and the session.',
  patients: 'Patients, looked up by identity number and read by opaque id.',
  certificates: 'Drafts and certificates: create, autosave, consent, sign, send.',
  'work-lists': "The care unit's work lists and badge counts.",
  threads:
    "The dialogue with Försäkringskassan: the inbox, a certificate's threads, answers, complement requests.",
  diagnoses: 'ICD-10-SE search and look-up.',
  fmb: "Socialstyrelsen's försäkringsmedicinska beslutsstöd (FMB): guidance for a diagnosis, and the check of a proposed sick leave against it. The embedded backend serves a 2019 snapshot; a real backend serves Socialstyrelsen's current FMB.",
  'fk-simulator':
    "Försäkringskassan's side, simulated: case officers read received certificates and send questions, complement requests, reminders and answers. A real deployment exchanges these with FK over its services instead.",
  'patient-portal':
    'Mina intyg: the patient, identified by e-identification (simulated here), sees, prints and sends their own certificates.',
  testability:
    'Testers’ controls (reset, faults, clock, fixtures): on in the embedded backend, the tests and `npm run serve -- --demo`; off by default on the server, where these paths answer 404. A real deployment does not offer them.',
};

const errorDescriptions: Record<ErrorStatus, string> = {
  400: 'The request is malformed (code BAD_REQUEST): its JSON body, a path parameter, or a malformed percent-escape in the path.',
  401: 'No session, or it has ended (code UNAUTHENTICATED or SESSION_EXPIRED).',
  403: 'The user may not do this (code FORBIDDEN): role, care unit, protected identity, or a session of another kind (care, FK simulator, Mina intyg).',
  404: 'Not found (code NOT_FOUND).',
  413: 'The request body is larger than the API reads (code PAYLOAD_TOO_LARGE); it was not parsed.',
  409: 'A conflict: a write based on an older version (code CONFLICT, with who saved last), or a state that does not allow the action (code INVALID_STATE).',
  422: 'The certificate is not ready to sign (code INCOMPLETE or CONSENT_MISSING).',
  500: 'A server error (code SERVER_ERROR), or a stored record the request reads does not match its schema (code RECORD_UNREADABLE; only the requests for that record fail). Never a stack trace or an exception name.',
  502: 'The signing service did not answer (code SIGNING_FAILED); nothing was signed.',
  503: 'The store is unavailable: full, down or unreachable (code STORAGE_UNAVAILABLE). Nothing was written; retry later.',
};

type Json = z.core.JSONSchema.BaseSchema;

const SCHEMA_REF = '#/components/schemas/';

function buildComponents(): {
  schemas: Record<string, Json>;
  refOf: (schema: z.ZodType) => Json | undefined;
} {
  const registry = z.registry<{ id: string }>();
  const ids = new Map<z.ZodType, string>();
  for (const [id, schema] of Object.entries(componentSchemas)) {
    if (ids.has(schema)) throw new Error(`${id}: the schema is a component already`);
    registry.add(schema, { id });
    ids.set(schema, id);
  }
  const { schemas } = z.toJSONSchema(registry, {
    target: 'draft-2020-12',
    io: 'input',
    unrepresentable: 'throw',
    uri: (id) => `${SCHEMA_REF}${id}`,
  });
  const cleaned: Record<string, Json> = {};
  for (const [id, schema] of Object.entries(schemas)) {
    // Each component is a schema of the document, not a document of its own.
    const { $schema: _dialect, $id: _id, ...rest } = schema;
    cleaned[id] = rest;
  }
  return {
    schemas: cleaned,
    refOf: (schema) => {
      const id = ids.get(schema);
      return id === undefined ? undefined : { $ref: `${SCHEMA_REF}${id}` };
    },
  };
}

function inlineSchema(schema: z.ZodType): Json {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, {
    target: 'draft-2020-12',
    io: 'input',
    unrepresentable: 'throw',
  });
  return rest;
}

function jsonContent(schema: Json) {
  return { 'application/json': { schema } };
}

interface Refs {
  /** A body's schema: always a named component. */
  body: (schema: z.ZodType, what: string) => Json;
  /** A path parameter's schema: a component's $ref, or inlined. */
  param: (schema: z.ZodType) => Json;
}

function operation(endpoint: EndpointDefinition & { id: string }, refs: Refs) {
  const parameters = Object.entries(endpoint.params ?? {}).map(([name, schema]) => ({
    name,
    in: 'path',
    required: true,
    schema: refs.param(schema),
  }));
  const { schema, events } = endpoint.success;
  const responses: Record<string, unknown> = {
    [String(endpoint.success.status)]:
      events !== undefined
        ? {
            description:
              'A stream of server-sent events; the data of each `change` event is this schema.',
            content: {
              'text/event-stream': {
                schema: { type: 'string' },
                // OpenAPI 3.1 has no type for an event stream: the events' data is described here.
                'x-event-data': refs.body(events, `${endpoint.id}'s events`),
              },
            },
          }
        : schema === undefined
          ? { description: 'Done; no body.' }
          : {
              description: 'Success.',
              content: jsonContent(refs.body(schema, `${endpoint.id}'s response`)),
            },
  };
  for (const status of declaredErrors(endpoint)) {
    responses[String(status)] = {
      description: errorDescriptions[status],
      content: jsonContent(
        refs.body(errorBodySchema(endpoint, status), `${endpoint.id}'s ${String(status)} body`),
      ),
    };
  }
  return {
    operationId: endpoint.id,
    summary: endpoint.summary,
    ...(endpoint.description === undefined ? {} : { description: endpoint.description }),
    tags: [endpoint.tag],
    ...(endpoint.auth === 'none' ? { security: [] } : {}),
    ...(endpoint.tag === 'testability' ? { 'x-testability-only': true } : {}),
    ...(parameters.length === 0 ? {} : { parameters }),
    ...(endpoint.request === undefined
      ? {}
      : {
          requestBody: {
            required: true,
            content: jsonContent(refs.body(endpoint.request, `${endpoint.id}'s request`)),
          },
        }),
    responses,
  };
}

export function buildOpenApiDocument() {
  const components = buildComponents();
  const refs: Refs = {
    body: (schema, what) => {
      const ref = components.refOf(schema);
      if (ref === undefined) {
        throw new Error(`${what} is not a named component: add it to componentSchemas`);
      }
      return ref;
    },
    param: (schema) => components.refOf(schema) ?? inlineSchema(schema),
  };

  const paths: Record<string, Record<string, unknown>> = {};
  for (const endpoint of endpointList) {
    const item = paths[endpoint.path] ?? {};
    item[endpoint.method] = operation(endpoint, refs);
    paths[endpoint.path] = item;
  }

  const tags = Object.entries(tagDescriptions).map(([name, description]) => ({
    name,
    description,
  }));

  return {
    openapi: '3.1.0',
    info: {
      title: 'Intyga API',
      version: '0.1.0',
      summary: 'Medical certificates to Försäkringskassan, written in the care unit.',
      description: [
        'Generated from the zod contracts (src/contracts) by `npm run openapi`; do not edit by hand.',
        'The same handlers answer these paths in both homes: the embedded backend (MSW and an IndexedDB store in the browser) and the Node server (`npm run serve`).',
        'Every error body is an ApiError: a stable code and a Swedish message. Validation messages are Swedish too.',
        'Besides the listed statuses, any path with a malformed percent-escape answers 400, and an unknown /api path 404.',
      ].join('\n\n'),
    },
    servers: [
      {
        url: '/',
        description: 'The same origin as the app: the API is under /api.',
      },
    ],
    tags,
    security: [{ session: [] }],
    paths,
    components: {
      securitySchemes: {
        session: {
          type: 'http',
          scheme: 'bearer',
          description:
            'The session token from POST /api/auth/login, sent as `Authorization: Bearer <token>` and never in a URL.',
        },
      },
      schemas: components.schemas,
    },
  };
}

/** The document as the committed file holds it. */
export function serializeOpenApiDocument(): string {
  return `${JSON.stringify(buildOpenApiDocument(), null, 2)}\n`;
}
