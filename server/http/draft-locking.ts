import type { Transaction } from '../store/store';
import type { SettingsRecord } from '../store/schema';
import { isoInstant, swedishDay } from '../domain/clock';
import { isOverdueForLocking, locked } from '../domain/locking';

/**
 * The nightly lock job, run on the first authenticated call of each of the backend's days
 * (the backend's clock decides, so a tester who moves the date locks drafts). It reads only
 * drafts, by the unit × status index.
 */
export async function lockOverdueDrafts(
  tx: Transaction,
  settings: SettingsRecord,
  now: number,
): Promise<SettingsRecord> {
  const today = swedishDay(now);
  if (settings.draftsLockedOn === today) return settings;
  const at = isoInstant(now);
  for (const unit of await tx.careUnits.getAll()) {
    const drafts = await tx.certificates.getAllByIndex('by-unit-status', {
      equals: [unit.hsaId, 'draft'],
    });
    for (const draft of drafts) {
      if (isOverdueForLocking(draft, today)) await tx.certificates.put(locked(draft, at));
    }
  }
  const next = { ...settings, draftsLockedOn: today };
  await tx.settings.put(next);
  return next;
}
