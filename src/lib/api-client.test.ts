import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, expectTypeOf, it, vi } from 'vitest';
import type { z } from 'zod';
import {
  certificateResponseSchema,
  type CertificateResponse,
  type saveDraftRequestSchema,
} from '../contracts/certificates';
import { diagnosisResponseSchema, diagnosisSearchResponseSchema } from '../contracts/diagnoses';
import {
  editStoredRecordResponseSchema,
  type StoredRecordCollection,
} from '../contracts/testability';
import { sessionPingResponseSchema } from '../contracts/session';
import { threadResponseSchema } from '../contracts/threads';
import {
  callEndpoint,
  ContractError,
  HttpError,
  NetworkError,
  noContent,
  openEventStream,
  setApiClientEvents,
  type CallableEndpointId,
  type EndpointBody,
  type EndpointParams,
  type EndpointResult,
} from './api-client';
import { endSession, forgetAllSessions, startSession } from './session-store';

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => {
  server.resetHandlers();
  setApiClientEvents({});
  forgetAllSessions();
});
afterAll(() => server.close());

/** What reached the server: method, path as sent (still encoded), and the body. */
interface Received {
  method: string;
  path: string;
  contentType: string | null;
  body: unknown;
}

async function receive(request: Request): Promise<Received> {
  const text = await request.text();
  return {
    method: request.method,
    path: new URL(request.url).pathname,
    contentType: request.headers.get('content-type'),
    body: text === '' ? undefined : JSON.parse(text),
  };
}

const getSessionStatus = () =>
  callEndpoint('getSessionStatus', { response: sessionPingResponseSchema });

describe('callEndpoint: the call the registry types', () => {
  it('types path parameters by the names in the path, with the values the registry takes', () => {
    expectTypeOf<EndpointParams<'getCertificate'>>().toEqualTypeOf<{ readonly id: string }>();
    expectTypeOf<EndpointParams<'saveAnswerDraft'>>().toEqualTypeOf<{
      readonly threadId: string;
    }>();
    expectTypeOf<EndpointParams<'editStoredRecord'>>().toEqualTypeOf<{
      readonly collection: StoredRecordCollection;
      readonly id: string;
    }>();
  });

  it("types the body as the input of the registry's request schema, and none where it takes none", () => {
    expectTypeOf<EndpointBody<'saveAnswers'>>().toEqualTypeOf<
      z.input<typeof saveDraftRequestSchema>
    >();
    expectTypeOf<EndpointBody<'deleteDraft'>>().toEqualTypeOf<{ version: number }>();
    expectTypeOf<EndpointBody<'getCertificate'>>().toBeNever();
  });

  it("answers the registry's success type, nothing for a 204, and leaves streams out", () => {
    expectTypeOf<EndpointResult<'getCertificate'>>().toEqualTypeOf<CertificateResponse>();
    expectTypeOf<EndpointResult<'getDiagnosis'>>().toEqualTypeOf<
      z.infer<typeof diagnosisResponseSchema>
    >();
    expectTypeOf<EndpointResult<'logout'>>().toEqualTypeOf<undefined>();
    expectTypeOf<
      ReturnType<typeof callEndpoint<'getCertificate', typeof certificateResponseSchema>>
    >().toEqualTypeOf<Promise<CertificateResponse>>();
    expectTypeOf<'subscribeToChanges'>().not.toExtend<CallableEndpointId>();
  });

  it('refuses at compile time a wrong endpoint, parameter, body or response schema', () => {
    // Each call below fails the typecheck (`npm run typecheck` fails if one does not); they
    // are made only as functions and never sent.
    const wrongCalls = [
      // @ts-expect-error -- no such endpoint
      () => callEndpoint('getCertificates', { response: certificateResponseSchema }),
      // @ts-expect-error -- the path parameter is missing
      () => callEndpoint('getCertificate', { response: certificateResponseSchema }),
      () =>
        callEndpoint('getCertificate', {
          // @ts-expect-error -- the path parameter is `id`, not `certificateId`
          params: { certificateId: 'cert-1' },
          response: certificateResponseSchema,
        }),
      () =>
        callEndpoint('editStoredRecord', {
          // @ts-expect-error -- not one of the stored collections
          params: { collection: 'sessions', id: 'x' },
          body: { remove: [] },
          response: editStoredRecordResponseSchema,
        }),
      () =>
        callEndpoint('saveAnswers', {
          params: { id: 'cert-1' },
          // @ts-expect-error -- the answers are missing from the body
          body: { version: 1 },
          response: certificateResponseSchema,
        }),
      () =>
        callEndpoint('getCertificate', {
          params: { id: 'cert-1' },
          // @ts-expect-error -- a read takes no body
          body: { version: 1 },
          response: certificateResponseSchema,
        }),
      () =>
        callEndpoint('saveAnswers', {
          params: { id: 'cert-1' },
          body: { version: 1, answers: {} },
          // @ts-expect-error -- a certificate write answers a certificate, not a thread
          response: threadResponseSchema,
        }),
      // @ts-expect-error -- a 204 answers no body
      () => callEndpoint('logout', { response: sessionPingResponseSchema }),
      // @ts-expect-error -- the change feed is a stream: openEventStream opens it
      () => callEndpoint('subscribeToChanges', { response: noContent }),
    ];
    expect(wrongCalls).toHaveLength(9);
  });
});

describe('callEndpoint: what it sends and what it answers', () => {
  it("sends the route's method to its path, encoding the parameters, and parses the answer", async () => {
    const received: Received[] = [];
    server.use(
      http.get('/api/diagnoses/:code', async ({ request }) => {
        received.push(await receive(request));
        return HttpResponse.json({
          diagnosis: { code: 'J069', title: 'Akut övre luftvägsinfektion' },
          extra: 1,
        });
      }),
    );
    await expect(
      callEndpoint('getDiagnosis', {
        params: { code: 'J06.9/x y' },
        response: diagnosisResponseSchema,
      }),
    ).resolves.toEqual({ diagnosis: { code: 'J069', title: 'Akut övre luftvägsinfektion' } });
    expect(received).toEqual([
      { method: 'GET', path: '/api/diagnoses/J06.9%2Fx%20y', contentType: null, body: undefined },
    ]);
  });

  it('sends the body as JSON with the method the registry says', async () => {
    const received: Received[] = [];
    server.use(
      http.post('/api/diagnoses/search', async ({ request }) => {
        received.push(await receive(request));
        return HttpResponse.json({ results: [] });
      }),
      http.put('/api/threads/:threadId/answer-draft', async ({ request }) => {
        received.push(await receive(request));
        return HttpResponse.json({ code: 'CONFLICT', message: 'Ändrad.' }, { status: 409 });
      }),
    );
    await expect(
      callEndpoint('searchDiagnoses', {
        body: { query: 'huvudvärk' },
        response: diagnosisSearchResponseSchema,
      }),
    ).resolves.toEqual({ results: [] });
    await expect(
      callEndpoint('saveAnswerDraft', {
        params: { threadId: 'thread-1' },
        body: { version: 2, text: 'Svar' },
        response: threadResponseSchema,
      }),
    ).rejects.toBeInstanceOf(HttpError);
    expect(received).toEqual([
      {
        method: 'POST',
        path: '/api/diagnoses/search',
        contentType: 'application/json',
        body: { query: 'huvudvärk' },
      },
      {
        method: 'PUT',
        path: '/api/threads/thread-1/answer-draft',
        contentType: 'application/json',
        body: { version: 2, text: 'Svar' },
      },
    ]);
  });

  it('answers undefined for a 204, and a body there breaks the contract', async () => {
    const received: Received[] = [];
    server.use(
      http.delete('/api/certificates/:id', async ({ request }) => {
        received.push(await receive(request));
        return new HttpResponse(null, { status: 204 });
      }),
      http.post('/api/auth/logout', () => HttpResponse.json({ ok: true })),
    );
    await expect(
      callEndpoint('deleteDraft', {
        params: { id: 'cert-1' },
        body: { version: 3 },
        response: noContent,
      }),
    ).resolves.toBeUndefined();
    expect(received).toEqual([
      {
        method: 'DELETE',
        path: '/api/certificates/cert-1',
        contentType: 'application/json',
        body: { version: 3 },
      },
    ]);
    await expect(callEndpoint('logout', { response: noContent })).rejects.toBeInstanceOf(
      ContractError,
    );
  });

  it("sends the care session, or the principal's it is told to, or none", async () => {
    const sent: { principal: string | null; authorization: string | null }[] = [];
    server.use(
      http.get('/api/session/status', ({ request }) => {
        sent.push({
          principal: request.headers.get('x-intyga-principal'),
          authorization: request.headers.get('authorization'),
        });
        return HttpResponse.json({ secondsLeft: 60 });
      }),
    );
    startSession('care', 'care-token-0123456789');
    const fk = startSession('fk', 'fk-token-0123456789');
    // A session kept in an HttpOnly cookie (the Node server): only its principal is named.
    startSession('patient', undefined);
    await expect(getSessionStatus()).resolves.toEqual({ secondsLeft: 60 });
    await callEndpoint('getSessionStatus', { response: sessionPingResponseSchema, as: 'patient' });
    await callEndpoint('getSessionStatus', { response: sessionPingResponseSchema, as: fk });
    await callEndpoint('getSessionStatus', { response: sessionPingResponseSchema, as: null });
    expect(sent).toEqual([
      { principal: 'care', authorization: 'Bearer care-token-0123456789' },
      { principal: 'patient', authorization: null },
      { principal: 'fk', authorization: 'Bearer fk-token-0123456789' },
      { principal: null, authorization: null },
    ]);
  });

  it('turns an error answer into an HttpError with its status, code and Swedish message', async () => {
    server.use(
      http.get('/api/session/status', () =>
        HttpResponse.json({ code: 'NOT_FOUND', message: 'Finns inte.' }, { status: 404 }),
      ),
    );
    const error: unknown = await getSessionStatus().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HttpError);
    expect(error).toMatchObject({ status: 404, code: 'NOT_FOUND', message: 'Finns inte.' });
  });

  it('gives a Swedish message of its own when the error body is not the contract', async () => {
    server.use(
      http.get(
        '/api/session/status',
        () => new HttpResponse('<html>Bad gateway</html>', { status: 502 }),
      ),
    );
    const error: unknown = await getSessionStatus().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HttpError);
    expect(error).toMatchObject({
      status: 502,
      message: 'Ett tekniskt fel uppstod. Försök igen om en stund.',
    });
  });

  it('turns a failed connection into a NetworkError', async () => {
    server.use(http.get('/api/session/status', () => HttpResponse.error()));
    const error: unknown = await getSessionStatus().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NetworkError);
    expect(error).toHaveProperty(
      'message',
      'Ingen anslutning till Intyga. Kontrollera din anslutning och försök igen.',
    );
  });

  it('turns an answer that breaks the contract into a ContractError', async () => {
    server.use(http.get('/api/session/status', () => HttpResponse.json({ secondsLeft: 'två' })));
    const error: unknown = await getSessionStatus().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ContractError);
    expect(error).toHaveProperty('path', '/api/session/status');
    expect(error).toHaveProperty(
      'message',
      'Svaret från tjänsten kunde inte tolkas. Försök igen eller kontakta support om felet består.',
    );
  });

  it('treats a body that is not JSON as a contract error', async () => {
    server.use(http.get('/api/session/status', () => new HttpResponse('ok', { status: 200 })));
    await expect(getSessionStatus()).rejects.toBeInstanceOf(ContractError);
  });

  it("reports the care session's refusal and counts its successful calls as activity", async () => {
    startSession('care', 'care-token-0123456789');
    startSession('fk', 'fk-token-0123456789');
    const onUnauthenticated = vi.fn();
    const onActivity = vi.fn();
    setApiClientEvents({ onUnauthenticated, onActivity });
    let refuse = false;
    server.use(
      http.get('/api/session/status', () =>
        refuse
          ? HttpResponse.json({ code: 'SESSION_EXPIRED', message: 'Utloggad.' }, { status: 401 })
          : HttpResponse.json({ secondsLeft: 60 }),
      ),
    );
    await getSessionStatus();
    expect(onActivity).toHaveBeenCalledTimes(1);
    await callEndpoint('getSessionStatus', {
      response: sessionPingResponseSchema,
      countsAsActivity: false,
    });
    await callEndpoint('getSessionStatus', { response: sessionPingResponseSchema, as: 'fk' });
    expect(onActivity).toHaveBeenCalledTimes(1);

    refuse = true;
    await expect(
      callEndpoint('getSessionStatus', { response: sessionPingResponseSchema, as: 'fk' }),
    ).rejects.toBeInstanceOf(HttpError);
    expect(onUnauthenticated).not.toHaveBeenCalled();
    await expect(getSessionStatus()).rejects.toBeInstanceOf(HttpError);
    expect(onUnauthenticated).toHaveBeenCalledWith(
      expect.objectContaining({ status: 401, code: 'SESSION_EXPIRED' }),
    );
  });

  it('says nothing of a refusal that answers a session ended meanwhile (a log-out, another tab)', async () => {
    startSession('care', 'care-token-0123456789');
    const onUnauthenticated = vi.fn();
    setApiClientEvents({ onUnauthenticated });
    let answer: (() => void) | undefined;
    server.use(
      http.get(
        '/api/session/status',
        () =>
          new Promise<Response>((resolve) => {
            answer = () =>
              resolve(
                HttpResponse.json(
                  { code: 'UNAUTHENTICATED', message: 'Inte inloggad.' },
                  { status: 401 },
                ),
              );
          }),
      ),
    );
    const pending = getSessionStatus().catch((error: unknown) => error);
    await vi.waitFor(() => expect(answer).toBeDefined());
    endSession('care', 'logged-out');
    answer?.();
    expect(await pending).toBeInstanceOf(HttpError);
    expect(onUnauthenticated).not.toHaveBeenCalled();
  });
});

describe('openEventStream', () => {
  it("opens the stream at the route's path with the principal's session", async () => {
    let headers: Record<string, string | null> | undefined;
    server.use(
      http.get('/api/changes', ({ request }) => {
        headers = {
          principal: request.headers.get('x-intyga-principal'),
          authorization: request.headers.get('authorization'),
          accept: request.headers.get('accept'),
        };
        return new HttpResponse(null, { status: 401 });
      }),
    );
    const response = await openEventStream('subscribeToChanges', {
      session: { kind: 'patient', id: 'login-1', token: 'patient-token-0123456789' },
      signal: new AbortController().signal,
    });
    expect(response.status).toBe(401);
    expect(headers).toEqual({
      principal: 'patient',
      authorization: 'Bearer patient-token-0123456789',
      accept: 'text/event-stream',
    });
  });
});
