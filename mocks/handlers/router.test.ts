import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { routeByPath } from './router';

const tried: string[] = [];
const server = setupServer(
  routeByPath([
    // Like the fault handlers: sees every API call first and may fall through.
    http.all('/api/*', ({ request }) => {
      tried.push('all');
      return new URL(request.url).pathname === '/api/broken'
        ? HttpResponse.json({ failed: true }, { status: 500 })
        : undefined;
    }),
    http.get('/api/certificates/:id', ({ params }) => {
      tried.push('get certificate');
      return HttpResponse.json({ id: params.id });
    }),
    http.post('/api/certificates/:id', () => {
      tried.push('post certificate');
      return HttpResponse.json({ posted: true });
    }),
    http.get('/api/session', () => {
      tried.push('session');
      return HttpResponse.json({ session: true });
    }),
    http.all('/api/*', () => {
      tried.push('fallback');
      return HttpResponse.json({ missing: true }, { status: 404 });
    }),
  ]),
);
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => server.close());

async function call(path: string, method = 'GET') {
  tried.length = 0;
  const response = await fetch(path, { method });
  return { status: response.status, body: await response.json(), tried: [...tried] };
}

describe('routeByPath', () => {
  it('hands a request to the handlers of its method and path, in order, the first answer winning', async () => {
    expect(await call('/api/certificates/c%201')).toEqual({
      status: 200,
      body: { id: 'c 1' },
      tried: ['all', 'get certificate'],
    });
    expect(await call('/api/certificates/c1', 'POST')).toEqual({
      status: 200,
      body: { posted: true },
      tried: ['all', 'post certificate'],
    });
    expect(await call('/api/session')).toEqual({
      status: 200,
      body: { session: true },
      tried: ['all', 'session'],
    });
  });

  it('lets an earlier handler answer first, and a later catch-all answer what nothing else did', async () => {
    expect(await call('/api/broken')).toEqual({
      status: 500,
      body: { failed: true },
      tried: ['all'],
    });
    expect(await call('/api/unknown', 'DELETE')).toEqual({
      status: 404,
      body: { missing: true },
      tried: ['all', 'fallback'],
    });
  });
});
