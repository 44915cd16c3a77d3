import { QueryClient } from '@tanstack/react-query';
import { NetworkError } from '../lib/api-client';

/** A network failure is retried once; an answer from the server is final. */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        retry: (failureCount, error) => error instanceof NetworkError && failureCount < 1,
        refetchOnWindowFocus: false,
      },
      mutations: { retry: false },
    },
  });
}
