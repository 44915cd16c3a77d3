import { z } from 'zod';
import { answersSchema } from '../../../contracts/certificates';
import type { BackupEntry } from './autosave';

/**
 * Unsaved answers kept in this browser, apart from the backend's store, so a reload, a
 * crash or an outage never loses them. One entry per user and draft; removed as soon as
 * the backend has stored the answers. Read back through a schema like any boundary.
 */

const PREFIX = 'intyga:unsaved-draft:';

const entrySchema = z.object({
  baseVersion: z.number().int().min(1),
  answers: answersSchema,
  changedAt: z.iso.datetime(),
});

function key(userId: string, certificateId: string): string {
  return `${PREFIX}${userId}:${certificateId}`;
}

export function localBackup(userId: string, certificateId: string) {
  const storageKey = key(userId, certificateId);
  return {
    read(): BackupEntry | undefined {
      let raw: string | null;
      try {
        raw = window.localStorage.getItem(storageKey);
      } catch {
        return undefined;
      }
      if (raw === null) return undefined;
      try {
        const parsed = entrySchema.safeParse(JSON.parse(raw));
        return parsed.success ? parsed.data : undefined;
      } catch {
        return undefined;
      }
    },
    write(entry: BackupEntry): void {
      try {
        window.localStorage.setItem(storageKey, JSON.stringify(entry));
      } catch {
        // Storage full or disabled: the backend's copy and the screen remain.
      }
    },
    clear(): void {
      try {
        window.localStorage.removeItem(storageKey);
      } catch {
        // Nothing to clear.
      }
    },
  };
}
