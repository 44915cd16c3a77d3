import { sessionPingResponseSchema } from '../../../contracts/session';
import { callEndpoint } from '../../../lib/api-client';

/** Seconds the session has left on the server, without extending it. */
export async function getSecondsLeft(): Promise<number> {
  const { secondsLeft } = await callEndpoint('getSessionStatus', {
    response: sessionPingResponseSchema,
    countsAsActivity: false,
  });
  return secondsLeft;
}

/** Extends the session: the user is active. */
export async function keepAlive(): Promise<number> {
  const { secondsLeft } = await callEndpoint('keepSessionAlive', {
    response: sessionPingResponseSchema,
  });
  return secondsLeft;
}
