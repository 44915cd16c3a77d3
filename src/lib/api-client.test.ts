import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import {
  apiRequest,
  ContractError,
  HttpError,
  NetworkError,
  setApiClientEvents,
} from './api-client';
import { writeAuthToken } from './auth-token';

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => {
  server.resetHandlers();
  setApiClientEvents({});
});
afterAll(() => server.close());

const itemSchema = z.object({ id: z.string(), count: z.number() });

describe('apiRequest', () => {
  it('parses a good answer with the schema and sends the session token', async () => {
    writeAuthToken('token-123');
    let authorization: string | null = null;
    server.use(
      http.get('/api/item', ({ request }) => {
        authorization = request.headers.get('authorization');
        return HttpResponse.json({ id: 'a', count: 2, extra: true });
      }),
    );
    await expect(apiRequest('/api/item', itemSchema)).resolves.toEqual({ id: 'a', count: 2 });
    expect(authorization).toBe('Bearer token-123');
  });

  it('sends a JSON body', async () => {
    server.use(
      http.post('/api/echo', async ({ request }) =>
        HttpResponse.json({ id: 'x', count: (await request.json()) === null ? 0 : 1 }),
      ),
    );
    await expect(
      apiRequest('/api/echo', itemSchema, { method: 'POST', body: { a: 1 } }),
    ).resolves.toEqual({ id: 'x', count: 1 });
  });

  it('turns an error answer into an HttpError with its status, code and Swedish message', async () => {
    server.use(
      http.get('/api/item', () =>
        HttpResponse.json({ code: 'NOT_FOUND', message: 'Finns inte.' }, { status: 404 }),
      ),
    );
    const error: unknown = await apiRequest('/api/item', itemSchema).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HttpError);
    expect(error).toMatchObject({ status: 404, code: 'NOT_FOUND', message: 'Finns inte.' });
  });

  it('gives a Swedish message of its own when the error body is not the contract', async () => {
    server.use(
      http.get('/api/item', () => new HttpResponse('<html>Bad gateway</html>', { status: 502 })),
    );
    const error: unknown = await apiRequest('/api/item', itemSchema).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HttpError);
    expect(error).toMatchObject({
      status: 502,
      message: 'Ett tekniskt fel uppstod. Försök igen om en stund.',
    });
  });

  it('turns a failed connection into a NetworkError', async () => {
    server.use(http.get('/api/item', () => HttpResponse.error()));
    const error: unknown = await apiRequest('/api/item', itemSchema).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NetworkError);
    expect(error).toHaveProperty(
      'message',
      'Ingen anslutning till Intyga. Kontrollera din anslutning och försök igen.',
    );
  });

  it('turns an answer that breaks the contract into a ContractError', async () => {
    server.use(http.get('/api/item', () => HttpResponse.json({ id: 'a', count: 'två' })));
    const error: unknown = await apiRequest('/api/item', itemSchema).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ContractError);
    expect(error).toHaveProperty('path', '/api/item');
  });

  it('treats a body that is not JSON as a contract error', async () => {
    server.use(http.get('/api/item', () => new HttpResponse('ok', { status: 200 })));
    await expect(apiRequest('/api/item', itemSchema)).rejects.toBeInstanceOf(ContractError);
  });

  it('reports a refused session and counts successful calls as activity', async () => {
    writeAuthToken('token-123');
    const onUnauthenticated = vi.fn();
    const onActivity = vi.fn();
    setApiClientEvents({ onUnauthenticated, onActivity });
    server.use(
      http.get('/api/item', () => HttpResponse.json({ id: 'a', count: 1 })),
      http.get('/api/gone', () =>
        HttpResponse.json({ code: 'SESSION_EXPIRED', message: 'Utloggad.' }, { status: 401 }),
      ),
    );
    await apiRequest('/api/item', itemSchema);
    expect(onActivity).toHaveBeenCalledTimes(1);
    await apiRequest('/api/item', itemSchema, { countsAsActivity: false });
    expect(onActivity).toHaveBeenCalledTimes(1);
    await expect(apiRequest('/api/gone', itemSchema)).rejects.toBeInstanceOf(HttpError);
    expect(onUnauthenticated).toHaveBeenCalledWith(
      expect.objectContaining({ status: 401, code: 'SESSION_EXPIRED' }),
    );
  });
});
