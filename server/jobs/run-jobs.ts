import type { Database } from '../store/store';
import { describeError, serverLog } from '../logging';
import type { Job } from './job';
import { lockOverdueDrafts } from './lock-overdue-drafts';

/**
 * The backend's jobs and their runner. Every home runs them on its own schedule: the embedded
 * backend on start-up, every minute and whenever the testability API moves the clock; the
 * Node server on start-up and on a timer (`runDueJobs(db)`), as many processes as it likes,
 * since every job is idempotent (see `Job`). Authentication and the other request paths never
 * run a job.
 */

export const jobs: readonly Job[] = [lockOverdueDrafts];

/** How often a home runs the due jobs. */
export const JOB_INTERVAL_MS = 60_000;

export interface JobRun {
  job: string;
  ok: boolean;
  changed: number;
}

/**
 * Runs each job once, each in a write transaction of its own, at the backend's clock: the
 * wall clock `wallClock` plus the clock offset stored in the settings (the testability API's).
 * It never throws: a job that fails (a full store, a bug) is logged, its transaction leaves
 * nothing behind, and the other jobs still run; the next run tries again.
 */
export async function runDueJobs(
  db: Database,
  wallClock: number = Date.now(),
  list: readonly Job[] = jobs,
): Promise<JobRun[]> {
  const runs: JobRun[] = [];
  for (const job of list) {
    try {
      const { changed } = await db.write(async (tx) => {
        const settings = await tx.settings.get('settings');
        if (settings === undefined) return { changed: 0 };
        return job.run(tx, wallClock + settings.clockOffsetMs);
      });
      runs.push({ job: job.name, ok: true, changed });
    } catch (error) {
      serverLog.error('job-failed', { job: job.name, ...describeError(error) });
      runs.push({ job: job.name, ok: false, changed: 0 });
    }
  }
  return runs;
}

/** Runs the due jobs every `intervalMs` until the returned function is called. */
export function scheduleJobs(db: Database, intervalMs: number = JOB_INTERVAL_MS): () => void {
  const timer = setInterval(() => {
    void runDueJobs(db);
  }, intervalMs);
  return () => clearInterval(timer);
}
