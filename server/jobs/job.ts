import type { Transaction } from '../store/store';

/**
 * A job: time-based work of the backend (Webcert's nightly jobs), run by `runDueJobs` on the
 * backend's clock, never as a side effect of a request. It does all its work in the store
 * transaction it is given, at `now` (the backend's clock, testability offset included), and
 * decides there whether anything is due.
 *
 * Every job is idempotent: running it twice, or in two processes at once, leaves the store as
 * running it once does. So it changes only records that, read in its own transaction, still
 * need the change (a conditional update: "lock this draft if it is still an unlocked, overdue
 * draft"), never on what an earlier read outside the transaction said.
 */
export interface Job {
  readonly name: string;
  run(tx: Transaction, now: number): Promise<JobOutcome>;
}

export interface JobOutcome {
  /** How many records the run changed (0 when nothing was due). */
  changed: number;
}
