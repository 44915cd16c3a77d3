import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  callApi,
  createTestCertificate,
  loginOverApi,
  startTestBackend,
} from '../../../testing/test-backend';
import { storedCertificateResponseSchema } from '../../../contracts/testability';
import type { Answers } from '../../../form-engine';
import { seedPatients } from '../../../../mocks/builders/seed-data';
import { saveAnswers } from '../api/save-answers';
import { setServerLogger } from '../../../../server/logging';
import { Autosave, type BackupEntry, type SavedBase } from './autosave';

/**
 * Issue 21's fault test, through the real API client and the embedded backend: the store
 * fails (a full disk or quota) while the physician types; autosave says it retries, keeps
 * every edit in the browser's backup, and once the store is back the stored draft equals
 * everything typed. Timers are the test's: it decides when the debounce and each retry fire.
 */

startTestBackend();

/** What the backend logged (its storage failures), instead of the console. */
let logged: string[] = [];
let restoreLogger: () => void = () => undefined;
beforeEach(async () => {
  expect((await callApi('/api/testability/reset', { method: 'POST', body: {} })).status).toBe(200);
  logged = [];
  restoreLogger = setServerLogger({ error: (event) => logged.push(event) });
});
afterEach(() => restoreLogger());

const OTHER_INFO = '25';

async function stored(id: string) {
  return storedCertificateResponseSchema.parse(
    (await callApi(`/api/testability/certificates/${id}`)).body,
  );
}

async function setFault(fault: 'none' | 'storage-error') {
  const answer = await callApi('/api/testability/fault', { method: 'POST', body: { fault } });
  expect(answer.status).toBe(200);
}

/** Timers that fire only when the test says so. */
function manualTimers() {
  const queue = new Map<ReturnType<typeof setTimeout>, () => void>();
  return {
    setTimer: (run: () => void) => {
      const handle = setTimeout(() => undefined, 0);
      clearTimeout(handle);
      queue.set(handle, run);
      return handle;
    },
    clearTimer: (handle: ReturnType<typeof setTimeout>) => {
      queue.delete(handle);
    },
    /** Fires every timer that is set now. */
    fire: () => {
      const due = [...queue.values()];
      queue.clear();
      for (const run of due) run();
    },
  };
}

describe('autosave when the backend cannot store', () => {
  it('retries, keeps the edit in the backup, and stores everything typed once the store is back', async () => {
    const id = await createTestCertificate({ type: 'fk7804', patientId: seedPatients.adult.id });
    const opened = await stored(id);
    await loginOverApi('physician');
    const timers = manualTimers();
    let screen: Answers = { ...opened.answers, [OTHER_INFO]: '' };
    let backup: BackupEntry | undefined;
    // The certificate's cache entry, as the editor's write queue keeps it: each save's answer.
    let base: SavedBase = { version: opened.version, answers: screen };
    const autosave = new Autosave(
      {
        save: async (answers) => {
          const { certificate } = await saveAnswers(id, base.version, answers);
          base = { version: certificate.version, answers: certificate.answers };
          return { savedAt: certificate.savedAt };
        },
        read: () => screen,
        base: () => base,
        backup: {
          write: (entry) => {
            backup = entry;
          },
          clear: () => {
            backup = undefined;
          },
        },
        onState: () => undefined,
        setTimer: timers.setTimer,
        clearTimer: timers.clearTimer,
      },
      {},
    );
    const type = (text: string) => {
      screen = { ...screen, [OTHER_INFO]: `${String(screen[OTHER_INFO])}${text}` };
      autosave.change();
    };
    const [first, second, third] = [
      'Patienten är informerad om sjukanmälan. ',
      'Återbesök om två veckor; kontakt med arbetsgivaren önskas. ',
      'Åter i arbete på heltid efter sjukskrivningen.',
    ];

    type(first);
    timers.fire();
    await vi.waitFor(() => expect(autosave.currentState.kind).toBe('saved'));

    // The disk fills up while the physician types.
    await setFault('storage-error');
    type(second);
    timers.fire();
    await vi.waitFor(() => expect(autosave.currentState).toMatchObject({ kind: 'retrying' }));
    expect(backup?.answers[OTHER_INFO]).toBe(first + second);
    type(third);
    // What is typed meanwhile waits in the backup too; the store still has the first part.
    autosave.writeBackup();
    expect(backup?.answers[OTHER_INFO]).toBe(first + second + third);
    timers.fire();
    await vi.waitFor(() => expect(autosave.currentState).toMatchObject({ attempt: 2 }));
    expect((await stored(id)).answers[OTHER_INFO]).toBe(first);
    expect(logged).toEqual(['storage-unavailable', 'storage-unavailable']);

    // The store is back: the next retry saves everything.
    await setFault('none');
    timers.fire();
    await vi.waitFor(() => expect(autosave.currentState.kind).toBe('saved'));
    expect(autosave.hasUnsaved).toBe(false);
    expect(backup).toBeUndefined();
    const after = await stored(id);
    expect(after.answers).toEqual(screen);
    expect(after.answers[OTHER_INFO]).toBe(first + second + third);
  });
});
