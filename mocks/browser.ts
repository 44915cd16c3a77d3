import { setupWorker } from 'msw/browser';
import { DATABASE_NAME, openIndexedDbStore } from '../server/store/indexeddb';
import { ensureSeeded } from '../server/seed/seed';
import { runDueJobs, scheduleJobs } from '../server/jobs/run-jobs';
import { diagnosisData } from '../server/domain/diagnoses/load-icd10';
import { createRoutes } from '../server/http';
import { mswHandlerFor } from './msw-router';
import { configureSwedishZodMessages } from '../src/contracts/swedish-messages';
import { z } from 'zod';
import { ChangeHub, feedNoticeSchema, noticesOf } from '../server/http/change-feed';

/** The embedded backends of this origin's tabs tell each other of their commits here. */
const CHANGE_CHANNEL = 'intyga-backend-changes';

/**
 * Starts the embedded backend in the browser: the store in IndexedDB and MSW's service
 * worker answering /api. The app awaits this before it renders.
 *
 * The worker is registered while the store opens and checks its seed (both take a while
 * in a fresh browser); it gets its handlers once the store is ready, before this returns,
 * so no request of the app's ever meets a worker without them.
 */
export async function startMockBackend(): Promise<void> {
  // Every validation message the API returns is Swedish, also zod's own.
  configureSwedishZodMessages();
  const base = import.meta.env.BASE_URL;
  const worker = setupWorker();
  const started = worker.start({
    onUnhandledRequest: 'bypass',
    quiet: true,
    serviceWorker: { url: `${base}mockServiceWorker.js` },
  });
  // The change feed: this tab's commits and, through a BroadcastChannel, every other tab's
  // reach this tab's open streams (each tab's backend answers only its own tab's requests).
  const changes = new ChangeHub();
  const channel = new BroadcastChannel(CHANGE_CHANNEL);
  channel.addEventListener('message', (event: MessageEvent<unknown>) => {
    const notices = z.array(feedNoticeSchema).safeParse(event.data);
    if (notices.success) changes.publish(notices.data);
  });
  const store = openIndexedDbStore(DATABASE_NAME, {
    onCommit: (log) => {
      const notices = noticesOf(log);
      if (notices.length === 0) return;
      changes.publish(notices);
      channel.postMessage(notices);
    },
    simulatedFaults: true,
  }).then(async (db) => {
    await ensureSeeded(db);
    // The backend's jobs (the draft lock) run before the first request, then every minute.
    await runDueJobs(db);
    scheduleJobs(db);
    return db;
  });
  const [db] = await Promise.all([store, started]);
  // The diagnosis data are static files, fetched on first use (the search's on the first search).
  const fetchData = async (file: string) => {
    const response = await fetch(`${base}data/${file}`);
    if (!response.ok) throw new Error(`${file}: HTTP ${response.status}`);
    return response.text();
  };
  const diagnoses = diagnosisData({
    codeList: () => fetchData('icd10se.tsv'),
    synonyms: () => fetchData('ksh97p-synonyms.tsv'),
  });
  worker.use(mswHandlerFor(createRoutes(db, diagnoses, { changes, testability: true })));
}
