import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { opaqueIdSchema } from '../../src/contracts/common';
import {
  endpointList,
  endpoints,
  principalsOf,
  type EndpointDefinition,
  type Principal,
} from '../../src/contracts/endpoints';
import { fkLoginResponseSchema } from '../../src/contracts/fk';
import { portalLoginResponseSchema } from '../../src/contracts/patient-portal';
import {
  callApi,
  createTestCertificate,
  loginOverApi,
  startTestBackend,
} from '../../src/testing/test-backend';
import { diagnosisDataFromDisk } from '../domain/diagnoses/load-icd10-node';
import { lifecycleMessages } from '../domain/lifecycle';
import { portalMessages } from '../domain/patient-portal';
import { fkOfficers, seedPatients } from '../seed/seed-data';
import { certificateMessages } from './certificate-action';
import { ChangeHub } from './change-feed';
import { createDispatcher } from './dispatch';
import { guardMessages, serve } from './guard';
import { createRoutes } from './index';
import { principalMessages, sessionMessages } from './support';
import { threadHandlerMessages } from './thread-support';

/**
 * One guard order for every endpoint, driven by the registry: the session (401), the
 * principal and role (403), the path's parameters (400), the resource the path names (403,
 * alike whether it exists elsewhere or not at all), and only then the body (400). So a
 * refusal never depends on the body, and never tells whether a certificate, a thread or a
 * case exists where the caller may not look.
 */

const backend = startTestBackend();
const OTHER_UNIT = 'SE2321000016-OTHER';

const malformed = '{"version": "not a number", "extra": [1, 2, 3';
/** Not an id: a parameter the guard would refuse with 400 if it looked at it. */
const malformedParam = encodeURIComponent('not an id!');

/** The endpoint's path with every `{name}` parameter filled in with `value`. */
function pathOf(endpoint: Pick<EndpointDefinition, 'path'>, value: string): string {
  return endpoint.path.replace(/\{\w+\}/g, value);
}

function refusal(response: { status: number; body: unknown }): string {
  const parsed = z.object({ message: z.string() }).safeParse(response.body);
  return `${String(response.status)} ${parsed.success ? parsed.data.message : ''}`;
}

async function tokenOf(principal: Principal): Promise<string> {
  switch (principal) {
    case 'care':
      return loginOverApi('nurse');
    case 'fk': {
      const [officer] = fkOfficers;
      const response = await callApi('/api/fk/auth/login', {
        method: 'POST',
        body: { officerId: officer?.id },
      });
      return fkLoginResponseSchema.required().parse(response.body).token;
    }
    case 'patient': {
      const response = await callApi('/api/patient-portal/auth/login', {
        method: 'POST',
        body: { patientId: seedPatients.adult.id },
      });
      return portalLoginResponseSchema.required().parse(response.body).token;
    }
  }
}

/**
 * A sent certificate with FK's question on it, moved to another care unit in the store (the
 * seed has one unit; the API never moves anything between units).
 */
async function elsewhere(): Promise<{ certificateId: string; threadId: string }> {
  const certificateId = await createTestCertificate({
    type: 'fk7804',
    patientId: seedPatients.adult.id,
    status: 'sent',
    answers: 'complete',
  });
  const asked = await callApi(`/api/testability/certificates/${certificateId}/fk-messages`, {
    method: 'POST',
    body: { kind: 'question', topic: 'OVRIGT', text: 'Hur länge har patienten varit sjuk?' },
  });
  expect(asked.status).toBe(201);
  return backend.db.write(async (tx) => {
    const record = await tx.certificates.get(certificateId);
    if (record === undefined) throw new Error('the certificate was not made');
    await tx.certificates.put({ ...record, unitHsaId: OTHER_UNIT });
    const [thread] = await tx.threads.getAllByIndex('by-certificate', { equals: certificateId });
    if (thread === undefined) throw new Error("FK's question was not stored");
    await tx.threads.put({ ...thread, unitHsaId: OTHER_UNIT });
    return { certificateId, threadId: thread.id };
  });
}

/** The bodies a refusal must not depend on: a malformed one, and one of the right shape. */
function bodiesFor(endpoint: EndpointDefinition): (string | Record<string, unknown>)[] {
  return endpoint.request === undefined ? [''] : [malformed, { version: 1, text: 'Svar.' }];
}

describe('the guard order, at every endpoint of the registry', () => {
  const sessionEndpoints = endpointList.filter((endpoint) => endpoint.auth === 'session');

  it('refuses a call without a session first (401), whatever its path and body', async () => {
    expect(sessionEndpoints.length).toBeGreaterThan(40);
    for (const endpoint of sessionEndpoints) {
      const answer = await callApi(pathOf(endpoint, malformedParam), {
        method: endpoint.method.toUpperCase(),
        ...(endpoint.request === undefined ? {} : { body: malformed }),
      });
      expect(refusal(answer), endpoint.id).toBe(`401 ${sessionMessages.unauthenticated}`);
    }
  });

  it('refuses the sessions of every principal an endpoint does not take (403), before its path and body', async () => {
    const tokens = {
      care: await tokenOf('care'),
      fk: await tokenOf('fk'),
      patient: await tokenOf('patient'),
    };
    let refused = 0;
    for (const endpoint of sessionEndpoints) {
      const taken = principalsOf(endpoint);
      for (const principal of (['care', 'fk', 'patient'] as const).filter(
        (candidate) => !taken.includes(candidate),
      )) {
        const answer = await callApi(pathOf(endpoint, malformedParam), {
          method: endpoint.method.toUpperCase(),
          token: tokens[principal],
          ...(endpoint.request === undefined ? {} : { body: malformed }),
        });
        expect(refusal(answer), `${endpoint.id} as ${principal}`).toBe(
          `403 ${principalMessages.wrongPrincipal}`,
        );
        refused += 1;
      }
    }
    // Every endpoint takes one principal and refuses the other two, but the change feed,
    // which takes all three.
    expect(refused).toBe(2 * (sessionEndpoints.length - 1));
  });

  it("answers another unit's certificate or thread exactly as one that does not exist, at every care endpoint that names one, whatever the body", async () => {
    const { certificateId, threadId } = await elsewhere();
    const token = await loginOverApi('physician');
    const named = sessionEndpoints.filter(
      (endpoint) =>
        principalsOf(endpoint).includes('care') &&
        (endpoint.params?.id !== undefined || endpoint.params?.threadId !== undefined),
    );
    expect(named.length).toBeGreaterThanOrEqual(20);
    for (const endpoint of named) {
      const thread = endpoint.params?.threadId !== undefined;
      const notFound = thread ? threadHandlerMessages.notFound : certificateMessages.notFound;
      for (const body of bodiesFor(endpoint)) {
        const call = (id: string) =>
          callApi(pathOf(endpoint, id), {
            method: endpoint.method.toUpperCase(),
            token,
            ...(body === '' ? {} : { body }),
          });
        const there = await call(thread ? threadId : certificateId);
        expect(refusal(there), endpoint.id).toBe(`403 ${notFound}`);
        expect(await call(crypto.randomUUID()), endpoint.id).toEqual(there);
      }
    }
  });

  it("refuses a nurse's malformed sign request on another unit's certificate with 403, not 400", async () => {
    const { certificateId } = await elsewhere();
    const token = await loginOverApi('nurse');
    const refused = await callApi(`/api/certificates/${certificateId}/sign`, {
      method: 'POST',
      token,
      body: malformed,
    });
    expect(refusal(refused)).toBe(`403 ${certificateMessages.notFound}`);
  });

  it('reads the body only for a resource of the unit: there a malformed one is 400', async () => {
    const certificateId = await createTestCertificate({
      type: 'fk7804',
      patientId: seedPatients.adult.id,
      status: 'draft',
      answers: 'complete',
    });
    const token = await loginOverApi('physician');
    const answer = await callApi(`/api/certificates/${certificateId}/sign`, {
      method: 'POST',
      token,
      body: malformed,
    });
    expect(answer.status).toBe(400);
  });

  it("refuses what the type's policy denies the role, or the patient's protection, before the body", async () => {
    const draft = await createTestCertificate({
      type: 'fk7804',
      patientId: seedPatients.adult.id,
      status: 'draft',
      answers: 'complete',
    });
    const nurse = await loginOverApi('nurse');
    for (const body of [malformed, { version: 1 }]) {
      const signing = await callApi(`/api/certificates/${draft}/sign`, {
        method: 'POST',
        token: nurse,
        body,
      });
      expect(refusal(signing)).toBe(`403 ${lifecycleMessages.roleMayNotSign}`);
    }
    // A protected patient's certificate, for a care administrator, who may not sign the type.
    const protectedDraft = await createTestCertificate({
      type: 'fk7804',
      patientId: seedPatients.protectedIdentity.id,
      status: 'draft',
    });
    const careAdmin = await loginOverApi('careAdmin');
    for (const body of [malformed, { version: 1, answers: {} }]) {
      const saving = await callApi(`/api/certificates/${protectedDraft}/answers`, {
        method: 'PUT',
        token: careAdmin,
        body,
      });
      expect(refusal(saving)).toBe(`403 ${lifecycleMessages.protectedPatient}`);
    }
  });

  it('answers a case FK never received exactly as one that does not exist, before the body (404)', async () => {
    const signedOnly = await createTestCertificate({
      type: 'fk7804',
      patientId: seedPatients.adult.id,
      status: 'signed',
      answers: 'complete',
    });
    const token = await tokenOf('fk');
    const byId = sessionEndpoints.filter(
      (endpoint) => endpoint.tag === 'fk-simulator' && endpoint.params?.id !== undefined,
    );
    expect(byId.map((endpoint) => endpoint.id).sort()).toEqual(['getFkCase', 'sendFkMessage']);
    for (const endpoint of byId) {
      for (const body of endpoint.request === undefined
        ? ['']
        : [malformed, { kind: 'question', topic: 'OVRIGT', text: 'Hur mår patienten?' }]) {
        const call = (id: string) =>
          callApi(pathOf(endpoint, id), {
            method: endpoint.method.toUpperCase(),
            token,
            ...(body === '' ? {} : { body }),
          });
        const unsent = await call(signedOnly);
        expect(unsent.status, endpoint.id).toBe(404);
        expect(await call(crypto.randomUUID()), endpoint.id).toEqual(unsent);
      }
    }
    const stored = await backend.db.read((tx) =>
      tx.threads.getAllByIndex('by-certificate', { equals: signedOnly }),
    );
    expect(stored).toEqual([]);
  });

  it("answers another patient's certificate exactly as one that does not exist, in Mina intyg", async () => {
    const others = await createTestCertificate({
      type: 'fk7210',
      patientId: seedPatients.adultMan.id,
      answers: 'complete',
      status: 'signed',
    });
    const token = await tokenOf('patient');
    const byId = sessionEndpoints.filter(
      (endpoint) => endpoint.tag === 'patient-portal' && endpoint.params?.id !== undefined,
    );
    expect(byId.length).toBe(3);
    for (const endpoint of byId) {
      const call = (id: string) =>
        callApi(pathOf(endpoint, id), { method: endpoint.method.toUpperCase(), token });
      const there = await call(others);
      expect(refusal(there), endpoint.id).toBe(`403 ${portalMessages.noAccess}`);
      expect(await call(crypto.randomUUID()), endpoint.id).toEqual(there);
    }
  });
});

describe('the guard, step by step', () => {
  /**
   * An endpoint of the guard's own, for physicians only: the registry has no endpoint that
   * admits only some care roles (where a role's right depends on the certificate type, the
   * lifecycle refuses), so the role step is shown on this one.
   */
  const physiciansOnly = {
    method: 'post',
    path: '/api/guard-test/{id}',
    summary: 'A guarded call for the test.',
    tag: 'certificates',
    auth: 'session',
    roles: ['physician'],
    params: { id: opaqueIdSchema },
    request: z.strictObject({ version: z.number() }),
    success: { status: 204 },
    errors: [400, 401, 403, 500, 503],
  } as const satisfies EndpointDefinition;

  /** What the guard let through, step by step, for one call. */
  interface Trace {
    accessed: string[];
    bodyRead: boolean;
    handled: boolean;
  }

  function guardedRoute(trace: Trace, allowed: string) {
    return createDispatcher([
      serve(
        backend.db,
        physiciansOnly,
        {
          access: ({ params }) => {
            trace.accessed.push(params.id);
            return Promise.resolve(
              params.id === allowed
                ? undefined
                : Response.json({ code: 'FORBIDDEN', message: 'Nej.' }, { status: 403 }),
            );
          },
        },
        ({ body }) => {
          trace.handled = body.version === 1;
          return Promise.resolve(new Response(null, { status: 204 }));
        },
      ),
    ]);
  }

  /** A request whose body notes when anyone reads it. */
  function watchedRequest(trace: Trace, path: string, token: string, body: string): Request {
    const init = {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body,
    };
    const request = new Request(new URL(path, 'http://localhost'), init);
    const source = new Request(new URL(path, 'http://localhost'), init);
    Object.defineProperty(request, 'body', {
      get: () => {
        trace.bodyRead = true;
        return source.body;
      },
    });
    return request;
  }

  async function run(who: 'nurse' | 'physician', id: string, body: string) {
    const trace: Trace = { accessed: [], bodyRead: false, handled: false };
    const token = await loginOverApi(who);
    const dispatch = guardedRoute(trace, 'allowed-1');
    const response = await dispatch(watchedRequest(trace, `/api/guard-test/${id}`, token, body));
    if (response === undefined) throw new Error('the route did not answer');
    const text = await response.text();
    const answer: unknown = text === '' ? undefined : JSON.parse(text);
    return {
      refusal: refusal({ status: response.status, body: answer }),
      status: response.status,
      ...trace,
    };
  }

  it('refuses a role the registry does not admit before the path, the resource and the body', async () => {
    const answer = await run('nurse', malformedParam, malformed);
    expect(answer).toEqual({
      refusal: `403 ${guardMessages.wrongRole}`,
      status: 403,
      accessed: [],
      bodyRead: false,
      handled: false,
    });
  });

  it('refuses a malformed path parameter (400) before the resource and the body', async () => {
    const answer = await run('physician', malformedParam, malformed);
    expect(answer).toMatchObject({ status: 400, accessed: [], bodyRead: false, handled: false });
  });

  it('decides the resource before it reads the body, and never reads it after a refusal', async () => {
    const refused = await run('physician', 'elsewhere-1', malformed);
    expect(refused).toMatchObject({
      status: 403,
      accessed: ['elsewhere-1'],
      bodyRead: false,
      handled: false,
    });
    const malformedThere = await run('physician', 'allowed-1', malformed);
    expect(malformedThere).toMatchObject({ status: 400, bodyRead: true, handled: false });
    const wellFormed = await run('physician', 'allowed-1', '{"version": 1}');
    expect(wellFormed).toMatchObject({ status: 204, bodyRead: true, handled: true });
  });

  it("serves every endpoint from the registry's own entry, and each once", () => {
    const routes = createRoutes(backend.db, diagnosisDataFromDisk, {
      changes: new ChangeHub(),
      testability: true,
    });
    const served = routes.flatMap((route) =>
      route.endpoint === undefined ? [] : [route.endpoint],
    );
    const declared: readonly EndpointDefinition[] = Object.values(endpoints);
    // The same objects, not copies: the guard reads principals, roles and schemas from them.
    expect(served.filter((endpoint) => !declared.includes(endpoint))).toEqual([]);
    expect(declared.filter((endpoint) => !served.includes(endpoint))).toEqual([]);
    expect(new Set(served).size).toBe(served.length);
  });
});
