import { QueryClientProvider } from '@tanstack/react-query';
import { useState } from 'react';
import { RouterProvider } from 'react-router';
import { apiErrorCodes } from '../contracts/common';
import { paths } from '../config/paths';
import { setApiClientEvents } from '../lib/api-client';
import { readAuthToken, writeAuthToken } from '../lib/auth-token';
import { recordSessionActivity } from '../features/session';
import { createQueryClient } from './query-client';
import { createRouter } from './router';

function createApp() {
  const queryClient = createQueryClient();
  const router = createRouter();
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

/** The composition root: the query cache, the API client's session handling, the routes. */
export function App() {
  const [{ queryClient, router }] = useState(createApp);
  return (
    <QueryClientProvider client={queryClient}>
      <RouterProvider router={router} />
    </QueryClientProvider>
  );
}
