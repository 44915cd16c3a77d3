import './change-notices';
import { z } from 'zod';
import { namedSchemas } from './named';
import './certificates';
import './common';
import './diagnoses';
import './environment';
import {
  declaredErrors,
  endpointList,
  errorBodySchema,
  principalsOf,
  rolesOf,
  type EndpointDefinition,
  type EndpointTag,
  type ErrorStatus,
} from './endpoints';
import './fk';
import './fmb';
import './identity-number';
import './patient-portal';
import './patients';
import './session';
import './testability';
import './threads';
import './work-lists';

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
  // By name: the document does not depend on the order the contract modules were loaded in.
  const sorted = [...namedSchemas()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  for (const [id, schema] of sorted) {
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
  const principals = principalsOf(endpoint);
  return {
    operationId: endpoint.id,
    summary: endpoint.summary,
    ...(endpoint.description === undefined ? {} : { description: endpoint.description }),
    tags: [endpoint.tag],
    ...(endpoint.auth === 'none' ? { security: [] } : {}),
    // Whose sessions it takes, and which care roles when not every one: the guard refuses the
    // others with 403.
    ...(principals.length === 0 ? {} : { 'x-principals': principals }),
    ...(endpoint.roles === undefined ? {} : { 'x-roles': rolesOf(endpoint) }),
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
        throw new Error(`${what} is not a named schema: name it where it is defined (named.ts)`);
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
        "An operation with a session names whose sessions it takes in `x-principals` (`care`: a care user; `fk`: an FK case officer in the simulator; `patient`: a patient in Mina intyg) and, when it admits only some care roles, those in `x-roles`. The guard refuses any other session, and any other role, with 403 before it looks at the resource or the body; what a role may do with a given certificate type (sign, revoke) the certificate's own actions say.",
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
            'The session token from POST /api/auth/login, sent as `Authorization: Bearer <token>` and never in a URL. On the Node server the browser app names its principal in `X-Intyga-Principal` (care, fk, patient) instead: its log-in then answers without the token and sets an HttpOnly, SameSite=Strict cookie of that principal (Path=/api), which counts only on requests that carry that header.',
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
