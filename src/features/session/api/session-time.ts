import { sessionPingResponseSchema } from '../../../contracts/session';
import { apiRequest } from '../../../lib/api-client';

/** Seconds the session has left on the server, without extending it. */
export async function getSecondsLeft(): Promise<number> {
  const { secondsLeft } = await apiRequest('/api/session/status', sessionPingResponseSchema, {
    countsAsActivity: false,
  });
  return secondsLeft;
}

/** Extends the session: the user is active. */
export async function keepAlive(): Promise<number> {
  const { secondsLeft } = await apiRequest('/api/session/keep-alive', sessionPingResponseSchema, {
    method: 'POST',
  });
  return secondsLeft;
}
