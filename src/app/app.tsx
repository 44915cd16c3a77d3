import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { RouterProvider } from 'react-router';
import { apiErrorCodes } from '../contracts/common';
import { setApiClientEvents } from '../lib/api-client';
import { endSession } from '../lib/session-store';
import { recordSessionActivity } from '../features/session';
import { createQueryClient } from './query-client';
import { createRouter, type AppRouter } from './router';
import { ConnectionBanner } from './connection-banner';
import { useRefetchWhenConnected } from './connection';
import { leaveEndedSession } from './session-end';
import { TrainingNotice } from './training-notice';
import { OperatingMessages } from './operating-messages';

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
  setApiClientEvents({
    onActivity: () => recordSessionActivity(),
    onUnauthenticated: (error) => {
      const reason = error.code === apiErrorCodes.sessionExpired ? 'expired' : 'unauthenticated';
      // Several requests may be refused at once: the first ends the session, in every tab of
      // the browser (the others follow it), and decides where this tab goes.
      if (endSession('care', reason) === undefined) return;
      leaveEndedSession(
        (to, options) => router.navigate(to, options),
        queryClient,
        reason,
        router.state.location,
      );
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
      <OperatingMessages />
      <RouterProvider router={runtime.router} />
    </QueryClientProvider>
  );
}
