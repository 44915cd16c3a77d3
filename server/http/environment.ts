import { endpoints } from '../../src/contracts/endpoints';
import { environmentSchema } from '../../src/contracts/environment';
import { servePublic } from './guard';
import { jsonResponse } from './support';

/**
 * GET /api/environment: what kind of environment this is, for the app's training notice.
 * Every home offers the simulated log-ins (care, Mina intyg, the FK simulator), the only
 * log-in there is, so every home is a training environment with made-up data. A real
 * deployment would log in through the region's identity provider (SITHS, BankID) and answer
 * `training: false`.
 */
export function environmentHandlers({ testability }: { testability: boolean }) {
  return [
    servePublic(endpoints.getEnvironment, () =>
      Promise.resolve(jsonResponse(environmentSchema, { training: true, testability })),
    ),
  ];
}
