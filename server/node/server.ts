import { join } from 'node:path';
import { serve } from '@hono/node-server';
import { configureSwedishZodMessages } from '../../src/contracts/swedish-messages';
import { diagnosisDataFromFolder } from '../domain/diagnoses/load-icd10-node';
import { createRoutes } from '../http';
import { ChangeHub, noticesOf, type FeedNotice } from '../http/change-feed';
import { createDispatcher } from '../http/dispatch';
import { runDueJobs, scheduleJobs } from '../jobs/run-jobs';
import { createServerApp } from './app';
import type { ServerConfig } from './config';
import { openStore, type OpenedStore } from './open-store';
import { openPostgresChangeRelay } from './postgres-changes';

export interface RunningServer {
  /** The port it listens on (the one asked for, or the one the system chose for 0). */
  port: number;
  store: OpenedStore;
  /** Stops taking connections, waits for the open ones, closes the store. */
  close: () => Promise<void>;
}

/**
 * Starts the Node server: the store, the backend's routes (the same as the embedded
 * backend's), the HTTP app over the built app in `staticRoot`, listening on the port.
 */
export async function startServer(
  config: ServerConfig,
  staticRoot: string,
): Promise<RunningServer> {
  // Every validation message the API returns is Swedish, also zod's own.
  configureSwedishZodMessages();
  // The change feed: this process's commits reach its open streams and, on PostgreSQL,
  // through LISTEN/NOTIFY every other process's too.
  const changes = new ChangeHub();
  const relay =
    'databaseUrl' in config.store
      ? await openPostgresChangeRelay(config.store.databaseUrl, changes)
      : {
          publish: (notices: readonly FeedNotice[]) => changes.publish(notices),
          close: async () => {},
        };
  let store: OpenedStore;
  try {
    store = await openStore(config.store, {
      onCommit: (log) => relay.publish(noticesOf(log)),
    });
  } catch (error) {
    await relay.close();
    throw error;
  }
  // The jobs (draft locking): once now, then on a timer; every process may run them, since
  // each job is idempotent.
  await runDueJobs(store.db);
  const stopJobs = scheduleJobs(store.db);
  const closeStore = async () => {
    stopJobs();
    await relay.close();
    await store.db.close();
  };
  const routes = createRoutes(store.db, diagnosisDataFromFolder(join(staticRoot, 'data')), {
    testability: config.testability,
    changes,
    ...(config.operatingMessages === undefined
      ? {}
      : { operatingMessages: config.operatingMessages }),
  });
  const app = createServerApp({ dispatch: createDispatcher(routes), staticRoot });
  const server = await new Promise<ReturnType<typeof serve>>((resolve, reject) => {
    const listening = serve(
      {
        fetch: app.fetch,
        port: config.port,
        ...(config.host === undefined ? {} : { hostname: config.host }),
      },
      () => resolve(listening),
    );
    listening.once('error', (error: NodeJS.ErrnoException) => {
      void closeStore();
      reject(
        error.code === 'EADDRINUSE'
          ? new Error(`porten ${String(config.port)} används redan. Välj en annan med PORT.`)
          : error,
      );
    });
  });
  const address = server.address();
  const port = typeof address === 'object' && address !== null ? address.port : config.port;
  return {
    port,
    store,
    close: () =>
      new Promise((resolve, reject) => {
        server.close((error) => {
          closeStore().then(
            () => (error === undefined ? resolve() : reject(error)),
            (closing: unknown) =>
              reject(error ?? (closing instanceof Error ? closing : new Error(String(closing)))),
          );
        });
        // Idle keep-alive connections would hold `close` open until they time out.
        if ('closeIdleConnections' in server) server.closeIdleConnections();
      }),
  };
}
