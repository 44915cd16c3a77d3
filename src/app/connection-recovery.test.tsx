import { QueryClient, useQuery } from '@tanstack/react-query';
import { act, renderHook, waitFor } from '@testing-library/react';
import { afterEach, expect, it, vi } from 'vitest';
import { NetworkError } from '../lib/api-client';
import { useRefetchWhenConnected } from './connection';

afterEach(() => vi.unstubAllGlobals());

it('data that failed for want of a connection is fetched again once the server answers', async () => {
  const queryClient = new QueryClient({
    // Only the recovery may fetch it again (not TanStack's own refetch on reconnect).
    defaultOptions: { queries: { retry: false, refetchOnReconnect: false } },
  });
  let serverUp = false;
  vi.stubGlobal(
    'fetch',
    vi.fn(() =>
      serverUp
        ? Promise.resolve(new Response(null, { status: 200 }))
        : Promise.reject(new TypeError('offline')),
    ),
  );
  const queryFn = vi.fn(() =>
    serverUp ? Promise.resolve('hämtat') : Promise.reject(new NetworkError()),
  );
  const { result: query } = renderHook(() => {
    useRefetchWhenConnected(queryClient);
    return useQuery({ queryKey: ['data'], queryFn }, queryClient);
  });
  await waitFor(() => expect(query.current.isError).toBe(true));

  // Still away: trying again changes nothing.
  act(() => window.dispatchEvent(new Event('online')));
  await waitFor(() => expect(fetch).toHaveBeenCalled());
  expect(query.current.isError).toBe(true);

  serverUp = true;
  act(() => window.dispatchEvent(new Event('online')));
  await waitFor(() => expect(query.current.data).toBe('hämtat'));
});
