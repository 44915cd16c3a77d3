import { z } from 'zod';
import { answersSchema } from '../../../contracts/certificates';
import type { Answers } from '../../../form-engine';
import { parseStoredJson } from '../../../lib/stored-json';
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
  baseAnswers: answersSchema.optional(),
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
      return parseStoredJson(entrySchema, raw);
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

const KEPT_PREFIX = 'intyga:kept-changes:';

/**
 * Answers the user typed that could not be saved because someone else saved the draft
 * first: kept in this browser and shown beside the form until the user uses or removes
 * each one, so a conflict never loses typing silently.
 */
export function keptChanges(userId: string, certificateId: string) {
  const storageKey = `${KEPT_PREFIX}${userId}:${certificateId}`;
  return {
    read(): Answers {
      try {
        const raw = window.localStorage.getItem(storageKey);
        if (raw === null) return {};
        const parsed = answersSchema.safeParse(JSON.parse(raw));
        return parsed.success ? parsed.data : {};
      } catch {
        return {};
      }
    },
    write(answers: Answers): void {
      try {
        if (Object.keys(answers).length === 0) window.localStorage.removeItem(storageKey);
        else window.localStorage.setItem(storageKey, JSON.stringify(answers));
      } catch {
        // Storage full or disabled: the changes stay on screen for this visit.
      }
    },
  };
}

/** Stable JSON (keys sorted), to compare answers by value. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, inner: unknown) =>
    inner !== null && typeof inner === 'object' && !Array.isArray(inner)
      ? Object.fromEntries(Object.entries(inner).sort(([a], [b]) => a.localeCompare(b)))
      : inner,
  );
}

/** Whether two answers are the same (an unanswered question is undefined or null). */
export function sameAnswer(a: unknown, b: unknown): boolean {
  return canonical(a ?? null) === canonical(b ?? null);
}

/** The answers in `mine` that differ from `base` (a cleared one as null). */
export function changedAnswers(mine: Answers, base: Answers): Answers {
  const changed: Answers = {};
  for (const key of new Set([...Object.keys(mine), ...Object.keys(base)])) {
    if (!sameAnswer(mine[key], base[key])) changed[key] = mine[key] ?? null;
  }
  return changed;
}
