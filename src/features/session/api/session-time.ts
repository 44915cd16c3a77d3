import { sessionPingResponseSchema } from '../../../contracts/session';
import { apiRequest } from '../../../lib/api-client';
import { apiPath, routes } from '../../../contracts/routes';

/** Seconds the session has left on the server, without extending it. */
export async function getSecondsLeft(): Promise<number> {
  const { secondsLeft } = await apiRequest(
    apiPath(routes.getSessionStatus),
    sessionPingResponseSchema,
    {
      countsAsActivity: false,
    },
  );
  return secondsLeft;
}

/** Extends the session: the user is active. */
export async function keepAlive(): Promise<number> {
  const { secondsLeft } = await apiRequest(
    apiPath(routes.keepSessionAlive),
    sessionPingResponseSchema,
    {
      method: 'POST',
    },
  );
  return secondsLeft;
}
