import type { Transaction } from '../store/store';
import { isoInstant, swedishDay } from '../domain/clock';
import { isOverdueForLocking, locked } from '../domain/locking';
import type { Job } from './job';

/**
 * Webcert's nightly lock job (`job.utkastlock`): drafts created 14 or more days before the
 * backend's today become locked drafts. It runs once per backend day (the settings remember
 * the day, `draftsLockedOn`); a tester who moves the clock starts a new day, and the runner
 * runs it then.
 *
 * Idempotent by construction: a draft is locked only if, read inside this transaction, it is
 * still a draft and overdue, and locking makes it not a draft. Running it again, at once or
 * later on the same day, finds nothing more to lock; two processes that run it at the same
 * time both read and write in a store transaction (IndexedDB serializes them; the SQL store
 * takes row locks or writes conditionally on the version read, as every handler's version
 * check needs), so the second sees the first one's locks. The day marker is written in the
 * same transaction as the locks, so a run that fails leaves neither, and the next run redoes it.
 */
export const lockOverdueDrafts: Job = {
  name: 'lock-overdue-drafts',
  async run(tx: Transaction, now: number) {
    const today = swedishDay(now);
    const settings = await tx.settings.get('settings');
    if (settings === undefined || settings.draftsLockedOn === today) return { changed: 0 };
    const at = isoInstant(now);
    let changed = 0;
    for (const unit of await tx.careUnits.getAll()) {
      // The list rows (no answers) find the candidates; each is read whole, and checked again.
      const rows = await tx.certificateRows.getAllByIndex('by-unit-status', {
        equals: [unit.hsaId, 'draft'],
      });
      for (const row of rows) {
        if (!isOverdueForLocking(row, today)) continue;
        // A damaged draft is left as it is (and logged): one record never stops the job.
        const draft = await tx.certificates.getIfReadable(row.id);
        if (draft === undefined || !isOverdueForLocking(draft, today)) continue;
        await tx.certificates.put(locked(draft, at));
        changed += 1;
      }
    }
    await tx.settings.put({ ...settings, draftsLockedOn: today });
    return { changed };
  },
};
