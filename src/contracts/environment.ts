import { named } from './named';
import { z } from 'zod';

/**
 * What kind of environment the backend is (GET /api/environment, public).
 * `training`: the simulated log-ins are offered (today everywhere: they are the only log-in
 * there is), so the app says on every page that this is a training environment with made-up
 * data. `testability`: the testers' API (/api/testability/*) is switched on.
 */
export const environmentSchema = named(
  'Environment',
  z.object({
    training: z.boolean(),
    testability: z.boolean(),
  }),
);
export type Environment = z.infer<typeof environmentSchema>;
