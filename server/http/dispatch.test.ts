import { describe, expect, it } from 'vitest';
import { createDispatcher } from './dispatch';
import type { ApiRoute } from './route';

const tried: string[] = [];
const json = (body: unknown, status = 200) => Response.json(body, { status });

const routes: ApiRoute[] = [
  {
    // Like the fault routes: sees every API call first and may fall through.
    path: '/api/*',
    resolve: ({ request }) => {
      tried.push('all');
      return new URL(request.url).pathname === '/api/broken'
        ? json({ failed: true }, 500)
        : undefined;
    },
  },
  {
    method: 'GET',
    path: '/api/certificates/:id',
    resolve: ({ params }) => {
      tried.push('get certificate');
      return json({ id: params.id });
    },
  },
  {
    method: 'POST',
    path: '/api/certificates/:id',
    resolve: () => {
      tried.push('post certificate');
      return json({ posted: true });
    },
  },
  {
    method: 'GET',
    path: '/api/session',
    resolve: () => {
      tried.push('session');
      return json({ session: true });
    },
  },
  {
    path: '/api/*',
    resolve: () => {
      tried.push('fallback');
      return json({ missing: true }, 404);
    },
  },
];
const dispatch = createDispatcher(routes);

async function call(path: string, method = 'GET') {
  tried.length = 0;
  const response = await dispatch(new Request(`http://localhost${path}`, { method }));
  if (response === undefined) return { status: undefined, tried: [...tried] };
  return { status: response.status, body: await response.json(), tried: [...tried] };
}

describe('the dispatcher', () => {
  it('hands a request to the routes of its method and path, in order, the first answer winning', async () => {
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
    expect(await call('/api/session/')).toEqual({
      status: 200,
      body: { session: true },
      tried: ['all', 'session'],
    });
  });

  it('lets an earlier route answer first, and a later catch-all answer what nothing else did', async () => {
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
    // A parameter must be one whole segment.
    expect(await call('/api/certificates/c1/x')).toEqual({
      status: 404,
      body: { missing: true },
      tried: ['all', 'fallback'],
    });
  });

  it('answers nothing for a path no route has', async () => {
    expect(await call('/other')).toEqual({ status: undefined, tried: [] });
  });
});
