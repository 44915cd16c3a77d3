import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Answers } from '../../../form-engine';
import { HttpError, NetworkError } from '../../../lib/api-client';
import {
  Autosave,
  DEBOUNCE_MS,
  saveMessages,
  type BackupEntry,
  type SavedBase,
  type SaveState,
} from './autosave';

/** One save: the answers, and the version in the cache entry it was based on. */
type Call = { version: number; answers: Answers };

/** A save the test settles by hand, to control what is in flight. */
type Pending = { call: Call; resolve: (version: number) => void; reject: (error: unknown) => void };

const SAVED_AT = '2026-12-02T10:00:00.000Z';

/**
 * An Autosave over fakes: the screen's answers, a backup, a recorded state history, and the
 * certificate's cache entry, which the write queue reads each save's version from and puts
 * each save's answer in (autosave itself keeps no version).
 */
function setup(options: { manual?: boolean; results?: (call: Call) => Promise<number> } = {}) {
  let screen: Answers = { '25': '' };
  const cache: { entry: SavedBase | undefined } = { entry: { version: 1, answers: { '25': '' } } };
  const calls: Call[] = [];
  const pending: Pending[] = [];
  const states: SaveState[] = [];
  const backup: { entry: BackupEntry | undefined; writes: number; clears: number } = {
    entry: undefined,
    writes: 0,
    clears: 0,
  };
  const stored = (call: Call, version: number) => {
    cache.entry = { version, answers: call.answers };
    return { savedAt: SAVED_AT };
  };
  const save = (answers: Answers): Promise<{ savedAt: string }> => {
    const call = { version: cache.entry?.version ?? 0, answers: { ...answers } };
    calls.push(call);
    if (options.manual === true) {
      return new Promise((resolve, reject) => {
        pending.push({ call, resolve: (next) => resolve(stored(call, next)), reject });
      });
    }
    const result = options.results?.(call) ?? Promise.resolve(call.version + 1);
    return result.then((version) => stored(call, version));
  };
  const autosave = new Autosave(
    {
      save,
      read: () => screen,
      base: () => cache.entry,
      backup: {
        write: (entry) => {
          backup.entry = entry;
          backup.writes += 1;
        },
        clear: () => {
          backup.entry = undefined;
          backup.clears += 1;
        },
      },
      onState: (state) => states.push(state),
      now: () => new Date(SAVED_AT),
    },
    {},
  );
  const type = (text: string) => {
    screen = { ...screen, '25': `${String(screen['25'])}${text}` };
    autosave.change();
  };
  return {
    autosave,
    cache,
    calls,
    pending,
    states,
    backup,
    type,
    screen: () => screen,
    kinds: () => states.map((state) => state.kind),
  };
}

/** Lets promise callbacks run (fake timers do not advance microtasks by themselves). */
async function settle() {
  await vi.advanceTimersByTimeAsync(0);
}

beforeEach(() => {
  vi.useFakeTimers();
});

afterEach(() => {
  vi.useRealTimers();
});

describe('Autosave: debounce', () => {
  it('saves once, a second after the last change, with the version and what is on screen', async () => {
    const { autosave, cache, calls, type, kinds } = setup();
    type('a');
    await vi.advanceTimersByTimeAsync(DEBOUNCE_MS - 100);
    type('b');
    await vi.advanceTimersByTimeAsync(DEBOUNCE_MS - 100);
    type('c');
    expect(calls).toHaveLength(0);
    expect(autosave.hasUnsaved).toBe(true);
    // The page hears of the change once, not on every keystroke.
    expect(kinds()).toEqual(['unsaved']);

    await vi.advanceTimersByTimeAsync(DEBOUNCE_MS);
    expect(calls).toEqual([{ version: 1, answers: { '25': 'abc' } }]);
    expect(cache.entry?.version).toBe(2);
    expect(autosave.currentState).toEqual({ kind: 'saved', savedAt: SAVED_AT });
    expect(autosave.hasUnsaved).toBe(false);
  });

  it('does not save when nothing changed', async () => {
    const { calls } = setup();
    await vi.advanceTimersByTimeAsync(10 * DEBOUNCE_MS);
    expect(calls).toHaveLength(0);
  });
});

describe('Autosave: an edit while a save is in flight', () => {
  it('is saved right after it, on top of the version that save produced', async () => {
    const { autosave, cache, calls, pending, type } = setup({ manual: true });
    type('first');
    await vi.advanceTimersByTimeAsync(DEBOUNCE_MS);
    expect(calls).toHaveLength(1);
    expect(autosave.currentState.kind).toBe('saving');

    type(' second');
    await vi.advanceTimersByTimeAsync(DEBOUNCE_MS);
    // Never two saves at once over the same version.
    expect(calls).toHaveLength(1);

    pending[0]?.resolve(2);
    await settle();
    expect(calls).toHaveLength(2);
    expect(calls[1]).toEqual({ version: 2, answers: { '25': 'first second' } });
    expect(autosave.hasUnsaved).toBe(true);

    pending[1]?.resolve(3);
    await settle();
    expect(cache.entry?.version).toBe(3);
    expect(autosave.currentState.kind).toBe('saved');
    expect(autosave.hasUnsaved).toBe(false);
  });
});

describe('Autosave: network failures and server errors', () => {
  it.each([
    ['a network failure', () => new NetworkError()],
    ['a 500', () => new HttpError(500, 'SERVER_ERROR', 'Ett tekniskt fel uppstod på servern.')],
    [
      'a 503 (the store is full or down; nothing was written)',
      () =>
        new HttpError(
          503,
          'STORAGE_UNAVAILABLE',
          'Tjänsten kan inte läsa eller spara uppgifter just nu. Ingenting har ändrats. Försök igen om en stund.',
        ),
    ],
  ])(
    'are retried with backoff after %s, and everything is saved when it recovers',
    async (_, failure) => {
      let failing = true;
      const { autosave, cache, calls, backup, type, states } = setup({
        results: () => (failing ? Promise.reject(failure()) : Promise.resolve(2)),
      });
      type('abc');
      await vi.advanceTimersByTimeAsync(DEBOUNCE_MS);
      expect(calls).toHaveLength(1);
      expect(autosave.currentState).toEqual({
        kind: 'retrying',
        attempt: 1,
        message: saveMessages.retrying,
      });
      // Never reported as a conflict.
      expect(states.some((state) => state.kind === 'conflict')).toBe(false);
      // What was typed waits in the browser, on top of the version it was edited from.
      expect(backup.entry).toEqual({
        baseVersion: 1,
        answers: { '25': 'abc' },
        changedAt: SAVED_AT,
        baseAnswers: { '25': '' },
      });

      // Backoff: 1 s, then 2 s, then 4 s.
      await vi.advanceTimersByTimeAsync(999);
      expect(calls).toHaveLength(1);
      await vi.advanceTimersByTimeAsync(1);
      expect(calls).toHaveLength(2);
      await vi.advanceTimersByTimeAsync(1999);
      expect(calls).toHaveLength(2);
      await vi.advanceTimersByTimeAsync(1);
      expect(calls).toHaveLength(3);
      expect(autosave.currentState).toMatchObject({ kind: 'retrying', attempt: 3 });

      // Typing goes on meanwhile; the next retry takes it along.
      type('def');
      expect(autosave.currentState.kind).toBe('retrying');
      failing = false;
      await vi.advanceTimersByTimeAsync(4000);
      expect(calls).toHaveLength(4);
      // Everything typed, before and during the outage, in one save.
      expect(calls[3]).toEqual({ version: 1, answers: { '25': 'abcdef' } });
      expect(autosave.currentState.kind).toBe('saved');
      expect(cache.entry).toEqual({ version: 2, answers: { '25': 'abcdef' } });
      expect(backup.entry).toBeUndefined();
    },
  );

  it('waits at most 10 s between retries however long the outage', async () => {
    const { calls, type } = setup({ results: () => Promise.reject(new NetworkError()) });
    type('x');
    await vi.advanceTimersByTimeAsync(DEBOUNCE_MS);
    // 1 + 2 + 4 + 8 + 10 s, then every 10 s.
    await vi.advanceTimersByTimeAsync(25_000);
    expect(calls).toHaveLength(6);
    await vi.advanceTimersByTimeAsync(9_999);
    expect(calls).toHaveLength(6);
    await vi.advanceTimersByTimeAsync(1);
    expect(calls).toHaveLength(7);
  });

  it('tries again at once when asked to while retrying, and only then', async () => {
    let failing = true;
    const { autosave, calls, type } = setup({
      results: () => (failing ? Promise.reject(new NetworkError()) : Promise.resolve(2)),
    });
    // Nothing to retry: asking does nothing.
    autosave.retryNow();
    expect(calls).toHaveLength(0);
    type('abc');
    await vi.advanceTimersByTimeAsync(DEBOUNCE_MS + 1000 + 2000 + 4000);
    expect(calls).toHaveLength(4);
    failing = false;
    autosave.retryNow();
    await vi.advanceTimersByTimeAsync(0);
    expect(calls).toHaveLength(5);
    expect(autosave.currentState.kind).toBe('saved');
    // The pending retry timer was cancelled: no save of the same edit again.
    await vi.advanceTimersByTimeAsync(20_000);
    expect(calls).toHaveLength(5);
  });

  it('starts the backoff over after a save gets through', async () => {
    let fail = true;
    const { calls, type } = setup({
      results: (call) =>
        fail ? Promise.reject(new NetworkError()) : Promise.resolve(call.version + 1),
    });
    type('a');
    await vi.advanceTimersByTimeAsync(DEBOUNCE_MS + 1000 + 2000);
    expect(calls).toHaveLength(3);
    fail = false;
    await vi.advanceTimersByTimeAsync(4000);
    expect(calls).toHaveLength(4);
    fail = true;
    type('b');
    await vi.advanceTimersByTimeAsync(DEBOUNCE_MS);
    expect(calls).toHaveLength(5);
    // The first retry again after 1 s, not 8 s.
    await vi.advanceTimersByTimeAsync(1000);
    expect(calls).toHaveLength(6);
  });
});

describe('Autosave: a conflict', () => {
  const conflict = () =>
    new HttpError(409, 'CONFLICT', 'Utkastet har sparats av Erik Berg.', {
      code: 'CONFLICT',
      message: 'Utkastet har sparats av Erik Berg.',
      savedBy: 'Erik Berg',
      savedByUserId: 'user-erik',
      savedAt: '2026-12-02T09:59:00.000Z',
    });

  it('is reported with who saved, never retried, and nothing more is saved', async () => {
    const { autosave, calls, backup, type } = setup({ results: () => Promise.reject(conflict()) });
    type('mine');
    await vi.advanceTimersByTimeAsync(DEBOUNCE_MS);
    expect(autosave.currentState).toEqual({
      kind: 'conflict',
      message: 'Utkastet har sparats av Erik Berg.',
      savedBy: 'Erik Berg',
      savedByUserId: 'user-erik',
      savedAt: '2026-12-02T09:59:00.000Z',
    });
    await vi.advanceTimersByTimeAsync(120_000);
    type(' more');
    await vi.advanceTimersByTimeAsync(120_000);
    expect(calls).toHaveLength(1);
    // The user's text is kept in the browser, and still counts as unsaved.
    expect(backup.entry?.answers).toEqual({ '25': 'mine' });
    expect(autosave.hasUnsaved).toBe(true);
    autosave.writeBackup();
    expect(backup.entry?.answers).toEqual({ '25': 'mine more' });
  });

  it('a flush during a conflict does not wait forever and saves nothing', async () => {
    const { autosave, calls, type } = setup({ results: () => Promise.reject(conflict()) });
    type('mine');
    await vi.advanceTimersByTimeAsync(DEBOUNCE_MS);
    await autosave.flush();
    expect(calls).toHaveLength(1);
    // What was typed is still unsaved: an action that needs it saved is refused.
    expect(autosave.hasUnsaved).toBe(true);
  });

  it('a 409 without the saver is not a conflict the dialog could name: it fails', async () => {
    const { autosave } = setup({
      results: () => Promise.reject(new HttpError(409, 'CONFLICT', 'Uppgifterna har ändrats.')),
    });
    autosave.change();
    await vi.advanceTimersByTimeAsync(DEBOUNCE_MS);
    expect(autosave.currentState).toEqual({ kind: 'failed', message: 'Uppgifterna har ändrats.' });
  });
});

describe('Autosave: other refusals (4xx)', () => {
  it.each([400, 401, 403, 404])(
    'a %i fails at once with its message, keeps the text, no retry',
    async (status) => {
      const { autosave, calls, backup, type } = setup({
        results: () =>
          Promise.reject(new HttpError(status, 'REFUSED', 'Uppgifterna togs inte emot.')),
      });
      type('kvar');
      await vi.advanceTimersByTimeAsync(DEBOUNCE_MS);
      expect(autosave.currentState).toEqual({
        kind: 'failed',
        message: 'Uppgifterna togs inte emot.',
      });
      type(' ännu');
      await vi.advanceTimersByTimeAsync(60_000);
      expect(calls).toHaveLength(1);
      expect(backup.entry?.answers).toEqual({ '25': 'kvar' });
      expect(autosave.hasUnsaved).toBe(true);
    },
  );
});

describe('Autosave: flush', () => {
  it('saves at once, without waiting for the debounce', async () => {
    const { autosave, calls, type } = setup();
    type('now');
    await autosave.flush();
    expect(calls).toEqual([{ version: 1, answers: { '25': 'now' } }]);
    expect(autosave.hasUnsaved).toBe(false);
    // The debounce timer was cancelled: no second save.
    await vi.advanceTimersByTimeAsync(DEBOUNCE_MS * 2);
    expect(calls).toHaveLength(1);
  });

  it('waits for the save in flight, then saves what was typed during it', async () => {
    const { autosave, cache, calls, pending, type } = setup({ manual: true });
    type('a');
    await vi.advanceTimersByTimeAsync(DEBOUNCE_MS);
    type('b');
    let done = false;
    const flushed = autosave.flush().then(() => {
      done = true;
    });
    pending[0]?.resolve(2);
    await settle();
    expect(calls[1]).toEqual({ version: 2, answers: { '25': 'ab' } });
    expect(done).toBe(false);
    pending[1]?.resolve(3);
    await flushed;
    expect(autosave.hasUnsaved).toBe(false);
    expect(cache.entry?.version).toBe(3);
  });

  it('while retrying, resolves only once the save has got through', async () => {
    let failing = true;
    const { autosave, calls, type } = setup({
      results: () => (failing ? Promise.reject(new NetworkError()) : Promise.resolve(2)),
    });
    type('a');
    await vi.advanceTimersByTimeAsync(DEBOUNCE_MS);
    let done = false;
    const flushed = autosave.flush().then(() => {
      done = true;
    });
    await vi.advanceTimersByTimeAsync(500);
    expect(done).toBe(false);
    failing = false;
    await vi.advanceTimersByTimeAsync(4000);
    await flushed;
    expect(calls.at(-1)).toEqual({ version: 1, answers: { '25': 'a' } });
    expect(autosave.hasUnsaved).toBe(false);
  });

  it('bases each save on the version in the cache entry when it is sent', async () => {
    const { cache, calls, type } = setup();
    type('a');
    await vi.advanceTimersByTimeAsync(DEBOUNCE_MS);
    // Another write of this tab (the consent) moved the entry on between two saves.
    cache.entry = { version: 7, answers: { '25': 'a' } };
    type('b');
    await vi.advanceTimersByTimeAsync(DEBOUNCE_MS);
    expect(calls.map((call) => call.version)).toEqual([1, 7]);
  });
});

describe('Autosave: the local backup', () => {
  it('is written while something is unsaved and cleared once the backend has it', async () => {
    const { autosave, backup, type } = setup({ manual: true });
    autosave.writeBackup();
    expect(backup.writes).toBe(0);
    type('abc');
    autosave.writeBackup();
    expect(backup.entry).toEqual({
      baseVersion: 1,
      answers: { '25': 'abc' },
      changedAt: SAVED_AT,
      baseAnswers: { '25': '' },
    });
    // While the save is in flight the backup stays.
    await vi.advanceTimersByTimeAsync(DEBOUNCE_MS);
    expect(backup.clears).toBe(0);
    expect(backup.entry?.answers).toEqual({ '25': 'abc' });
  });

  it('is kept when a save lands while newer typing is unsaved, and cleared after the next', async () => {
    const { pending, backup, type, autosave } = setup({ manual: true });
    type('abc');
    await vi.advanceTimersByTimeAsync(DEBOUNCE_MS);
    type('d');
    autosave.writeBackup();
    pending[0]?.resolve(2);
    await settle();
    // Rewritten on what the backend has now, the base the user's change is measured from.
    expect(backup.entry).toEqual({
      baseVersion: 2,
      answers: { '25': 'abcd' },
      changedAt: SAVED_AT,
      baseAnswers: { '25': 'abc' },
    });
    pending[1]?.resolve(3);
    await settle();
    expect(backup.entry).toBeUndefined();
  });

  it('without the certificate in the cache, the backup written earlier stays as it is', async () => {
    const { autosave, cache, backup, type } = setup({
      results: () => Promise.reject(new NetworkError()),
    });
    type('abc');
    autosave.writeBackup();
    const written = backup.entry;
    cache.entry = undefined;
    type('d');
    autosave.writeBackup();
    await vi.advanceTimersByTimeAsync(DEBOUNCE_MS);
    expect(backup.entry).toBe(written);
    expect(backup.clears).toBe(0);
  });

  it('stop() ends saving and backing up: nothing typed afterwards is sent or kept', async () => {
    const { autosave, calls, backup, type } = setup();
    autosave.stop();
    type('late');
    autosave.writeBackup();
    await vi.advanceTimersByTimeAsync(DEBOUNCE_MS * 5);
    expect(calls).toHaveLength(0);
    expect(backup.writes).toBe(0);
  });
});
