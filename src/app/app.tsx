import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { RouterProvider } from 'react-router';
import { apiErrorCodes } from '../contracts/common';
import { paths } from '../config/paths';
import { setApiClientEvents } from '../lib/api-client';
import { readAuthToken, writeAuthToken } from '../lib/auth-token';
import { recordSessionActivity } from '../features/session';
import { createQueryClient } from './query-client';
import { createRouter, type AppRouter } from './router';
import { ConnectionBanner } from './connection-banner';
import { useRefetchWhenConnected } from './connection';
import { TrainingNotice } from './training-notice';

export interface AppRuntime {
  queryClient: QueryClient;
  router: AppRouter;
}

/**
 * The composition root: the query cache, the API client's session handling, the routes.
 * Created before the embedded backend has started, so that the first page's code loads
 * meanwhile (no route loader calls the API).
 */
export function createApp(): AppRuntime {
  const queryClient = createQueryClient();
  const router = createRouter(queryClient);
  let ending = false;
  setApiClientEvents({
    onActivity: () => recordSessionActivity(),
    onUnauthenticated: (error) => {
      // Several requests may be refused at once; the first one decides where to go.
      if (ending || readAuthToken() === undefined) return;
      ending = true;
      const target =
        error.code === apiErrorCodes.sessionExpired ? paths.sessionExpired : paths.login;
      // Leave the logged-in pages first, then forget the session.
      void Promise.resolve(router.navigate(target, { replace: true })).finally(() => {
        writeAuthToken(undefined);
        queryClient.clear();
        ending = false;
      });
    },
  });
  return { queryClient, router };
}

export function App({ runtime }: { runtime: AppRuntime }) {
  useRefetchWhenConnected(runtime.queryClient);
  return (
    <QueryClientProvider client={runtime.queryClient}>
      {/* Above the router, so that every page has it: error pages, Mina intyg and /fk too. */}
      <TrainingNotice />
      <ConnectionBanner />
      <RouterProvider router={runtime.router} />
    </QueryClientProvider>
  );
}
