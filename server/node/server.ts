import { join } from 'node:path';
import { serve } from '@hono/node-server';
import { configureSwedishZodMessages } from '../../src/contracts/swedish-messages';
import { loadIcd10IndexFromFile } from '../domain/diagnoses/load-icd10-node';
import { createRoutes } from '../http';
import { ChangeHub, noticesOf } from '../http/change-feed';
import { createDispatcher } from '../http/dispatch';
import { createServerApp } from './app';
import type { ServerConfig } from './config';
import { openStore, type OpenedStore } from './open-store';

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
  // The change feed: this process's commits reach its open streams.
  const changes = new ChangeHub();
  const store = await openStore(config.store, {
    onCommit: (log) => changes.publish(noticesOf(log)),
  });
  const icd10 = join(staticRoot, 'data', 'icd10se.tsv');
  const routes = createRoutes(store.db, () => loadIcd10IndexFromFile(icd10), {
    testability: config.testability,
    changes,
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
      store.db.close();
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
          store.db.close();
          if (error === undefined) resolve();
          else reject(error);
        });
        // Idle keep-alive connections would hold `close` open until they time out.
        if ('closeIdleConnections' in server) server.closeIdleConnections();
      }),
  };
}
