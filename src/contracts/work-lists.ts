import { named } from './named';
import { z } from 'zod';

/**
 * Counts for the navigation badges. The lists themselves are defined with the
 * certificate lifecycle and the inbox.
 */
export const workCountsSchema = named(
  'WorkCounts',
  z.object({
    unhandledThreads: z.number().int().min(0),
    unsignedDrafts: z.number().int().min(0),
  }),
);
export type WorkCounts = z.infer<typeof workCountsSchema>;
