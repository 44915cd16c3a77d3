import { z } from 'zod';

/**
 * What changed, as every tab of this origin hears of it on one BroadcastChannel: the app
 * tells the other tabs of what its user changed, and the embedded backend tells every tab
 * (its own too) when the dialogue with FK changed, whoever wrote it (another user's tab, the
 * FK simulator, the testers' API).
 */
export const CHANGE_CHANNEL = 'intyga-changes';

export const changeNoticeSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('certificate'), certificateId: z.string(), patientId: z.string() }),
  z.object({ kind: z.literal('work-counts') }),
  z.object({ kind: z.literal('threads') }),
]);
export type ChangeNotice = z.infer<typeof changeNoticeSchema>;
