import { named } from './named';
import { z } from 'zod';

/**
 * What changed, as the backend's change feed (`GET /api/changes`, server-sent events) tells
 * every client that may hear of it, whoever made the change (a colleague on another
 * computer, another tab, the FK simulator, the testers' API). A notice names what changed,
 * never its content: the client reads again what it shows.
 */
export const changeNoticeSchema = named(
  'ChangeNotice',
  z.discriminatedUnion('kind', [
    z.object({
      kind: z.literal('certificate'),
      certificateId: z.string(),
      patientId: z.string(),
      /** The version the change stored; a client that already has it need not read it again. */
      version: z.number().int().optional(),
    }),
    z.object({ kind: z.literal('work-counts') }),
    z.object({ kind: z.literal('threads'), certificateId: z.string().optional() }),
  ]),
);
export type ChangeNotice = z.infer<typeof changeNoticeSchema>;

/** The event name of a notice in the feed, and of the feed's first event once it listens. */
export const CHANGE_EVENT = 'change';
export const FEED_READY_EVENT = 'ready';
