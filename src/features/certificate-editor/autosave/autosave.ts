import { conflictDetailsSchema } from '../../../contracts/certificates';
import type { Answers } from '../../../form-engine';
import { HttpError, NetworkError } from '../../../lib/api-client';

/**
 * Autosave that never loses an edit: debounce, retry and the browser backup, nothing more. It
 * saves about a second after the last change; an edit made while a save is in flight is
 * saved right after it; network failures and server errors are retried with backoff while
 * the answers wait in a local backup; a stale version is a conflict, reported as such and
 * never overwritten; a network failure is never reported as a conflict.
 *
 * It keeps no copy of the certificate and no version: `save` goes through the certificate's
 * write queue, which bases it on the version in the certificate's cache entry and puts the
 * answer there, and `base` reads that entry for the backup.
 */

export type SaveState =
  | { kind: 'saved'; savedAt: string | undefined }
  | { kind: 'unsaved' }
  | { kind: 'saving' }
  | { kind: 'retrying'; attempt: number; message: string }
  | { kind: 'conflict'; message: string; savedBy: string; savedByUserId: string; savedAt: string }
  | { kind: 'failed'; message: string };

export interface BackupEntry {
  baseVersion: number;
  answers: Answers;
  changedAt: string;
  /** The answers as stored at `baseVersion`: what the user changed is the difference. */
  baseAnswers?: Answers;
}

/** The certificate as the backend has it, as far as this tab knows (its cache entry). */
export interface SavedBase {
  version: number;
  answers: Answers;
}

export interface AutosaveDeps {
  /** Saves the answers; resolves with when they were stored, rejects with the API client's errors. */
  save: (answers: Answers) => Promise<{ savedAt: string }>;
  /** The answers as they are on screen now (pruned of hidden questions). */
  read: () => Answers;
  /** The draft as this tab last had it from the backend (the cache entry); the backup's base. */
  base: () => SavedBase | undefined;
  backup: {
    write: (entry: BackupEntry) => void;
    clear: () => void;
  };
  onState: (state: SaveState) => void;
  now?: () => Date;
  setTimer?: (run: () => void, ms: number) => TimerHandle;
  clearTimer?: (handle: TimerHandle) => void;
}

type TimerHandle = ReturnType<typeof setTimeout>;

export const DEBOUNCE_MS = 1000;
/**
 * Waits between retries. Capped at 10 s: once the connection is back, a physician should not
 * wait half a minute to see the draft saved, and one small request per 10 s from a client that
 * cannot save is no burden on the backend.
 */
const RETRY_DELAYS_MS = [1000, 2000, 4000, 8000, 10000];

export const saveMessages = {
  retrying: 'Kunde inte spara – försöker igen',
} as const;

/**
 * Network failures and server errors are retried: 503 (the backend's store is full or down;
 * nothing was written) as much as a 500 or a dropped connection. The answers wait in the
 * browser's backup meanwhile.
 */
function isRetryable(error: unknown): boolean {
  if (error instanceof NetworkError) return true;
  return error instanceof HttpError && error.status >= 500;
}

export class Autosave {
  private state: SaveState;
  /** Incremented on every change; a save is clean when nothing changed after its read. */
  private changeSeq = 0;
  private savedSeq = 0;
  private timer: TimerHandle | undefined = undefined;
  private inFlight: Promise<void> | undefined = undefined;
  private attempt = 0;
  private stopped = false;
  private readonly waiters: (() => void)[] = [];
  private readonly setTimer: (run: () => void, ms: number) => TimerHandle;
  private readonly clearTimer: (handle: TimerHandle) => void;

  constructor(
    private readonly deps: AutosaveDeps,
    initial: { savedAt?: string },
  ) {
    this.state = { kind: 'saved', savedAt: initial.savedAt };
    // Whatever handle the timers give (a number in browsers), it is the one cleared: a
    // debounce or retry timer that is not cleared would save the same edit twice.
    this.setTimer = deps.setTimer ?? ((run, ms) => setTimeout(run, ms));
    this.clearTimer = deps.clearTimer ?? ((handle) => clearTimeout(handle));
  }

  get currentState(): SaveState {
    return this.state;
  }

  /** True while something typed is not yet stored by the backend. */
  get hasUnsaved(): boolean {
    return this.changeSeq !== this.savedSeq || this.inFlight !== undefined;
  }

  /** The user changed something: save once typing pauses. */
  change(delayMs = DEBOUNCE_MS): void {
    if (this.stopped) return;
    this.changeSeq += 1;
    if (this.state.kind === 'conflict' || this.state.kind === 'failed') return;
    if (this.state.kind !== 'retrying' && this.state.kind !== 'saving') {
      this.setState({ kind: 'unsaved' });
    }
    if (this.state.kind === 'retrying') return; // the retry timer will pick it up
    this.schedule(delayMs);
  }

  /** Keeps the answers on screen in the browser (a reload or crash restores them). */
  writeBackup(): void {
    if (this.stopped || !this.hasUnsaved) return;
    this.backUp(this.deps.read());
  }

  /** Saves now whatever is unsaved; resolves when the backend has it (or saving has failed). */
  async flush(): Promise<void> {
    this.cancelTimer();
    if (this.inFlight !== undefined) await this.inFlight;
    if (this.changeSeq !== this.savedSeq && this.canSave()) await this.saveNow();
    if (this.state.kind === 'retrying') {
      await new Promise<void>((resolve) => this.waiters.push(resolve));
    }
  }

  /**
   * While retrying, tries again at once instead of waiting for the next retry: the browser is
   * back online, or the user asked to ("Försök spara nu").
   */
  retryNow(): void {
    if (this.stopped || this.state.kind !== 'retrying') return;
    this.cancelTimer();
    this.setState({ kind: 'unsaved' });
    void this.saveNow();
  }

  /** Stops saving and backing up (the draft was signed or deleted, or the user reloads it). */
  stop(): void {
    this.stopped = true;
    this.cancelTimer();
  }

  private backUp(answers: Answers): void {
    const base = this.deps.base();
    // Without the certificate there is no version to name as the base: the backup written
    // while the page was open stays as it is.
    if (base === undefined) return;
    this.deps.backup.write({
      baseVersion: base.version,
      answers,
      changedAt: (this.deps.now?.() ?? new Date()).toISOString(),
      baseAnswers: base.answers,
    });
  }

  private canSave(): boolean {
    return !this.stopped && this.state.kind !== 'conflict' && this.state.kind !== 'failed';
  }

  private schedule(delayMs: number): void {
    this.cancelTimer();
    this.timer = this.setTimer(() => {
      this.timer = undefined;
      void this.saveNow();
    }, delayMs);
  }

  private cancelTimer(): void {
    if (this.timer !== undefined) this.clearTimer(this.timer);
    this.timer = undefined;
  }

  private setState(state: SaveState): void {
    // Every keystroke reports "unsaved": only a change of state reaches the page.
    if (state.kind === 'unsaved' && this.state.kind === 'unsaved') return;
    this.state = state;
    this.deps.onState(state);
  }

  private async saveNow(): Promise<void> {
    if (this.inFlight !== undefined) {
      // Saved right after the save in flight (see run()).
      return this.inFlight;
    }
    if (!this.canSave() || this.changeSeq === this.savedSeq) return;
    const run = this.run();
    this.inFlight = run;
    try {
      await run;
    } finally {
      this.inFlight = undefined;
    }
    // Changes made while that save was in flight.
    if (this.canSave() && this.state.kind !== 'retrying' && this.changeSeq !== this.savedSeq) {
      await this.saveNow();
    }
  }

  private async run(): Promise<void> {
    const seq = this.changeSeq;
    const answers = this.deps.read();
    this.setState({ kind: 'saving' });
    try {
      const { savedAt } = await this.deps.save(answers);
      this.savedSeq = seq;
      this.attempt = 0;
      if (this.changeSeq === this.savedSeq) {
        this.deps.backup.clear();
        this.setState({ kind: 'saved', savedAt });
        this.release();
      } else {
        // Typed during the save: the backup now builds on what that save stored.
        this.writeBackup();
        this.setState({ kind: 'unsaved' });
      }
    } catch (error) {
      this.fail(error, answers);
    }
  }

  private fail(error: unknown, answers: Answers): void {
    // Whatever happens, what was typed stays in the browser.
    this.backUp(this.changeSeq === this.savedSeq ? answers : this.deps.read());
    if (isRetryable(error)) {
      const delay = RETRY_DELAYS_MS[Math.min(this.attempt, RETRY_DELAYS_MS.length - 1)] ?? 10000;
      this.attempt += 1;
      this.setState({ kind: 'retrying', attempt: this.attempt, message: saveMessages.retrying });
      this.cancelTimer();
      this.timer = this.setTimer(() => {
        this.timer = undefined;
        this.setState({ kind: 'unsaved' });
        void this.saveNow();
      }, delay);
      return;
    }
    if (error instanceof HttpError && error.status === 409) {
      const details = conflictDetailsSchema.safeParse(error.body);
      if (details.success) {
        this.setState({
          kind: 'conflict',
          message: details.data.message,
          savedBy: details.data.savedBy,
          savedByUserId: details.data.savedByUserId,
          savedAt: details.data.savedAt,
        });
        this.release();
        return;
      }
    }
    this.setState({
      kind: 'failed',
      message: error instanceof Error ? error.message : 'Utkastet kunde inte sparas.',
    });
    this.release();
  }

  private release(): void {
    for (const resolve of this.waiters.splice(0)) resolve();
  }
}
