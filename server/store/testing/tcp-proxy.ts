import { createConnection, createServer, type Socket } from 'node:net';

/**
 * A TCP proxy on a free port of 127.0.0.1 to a database, for tests of a database lost in
 * the middle of things: `cut` ends every open connection (new ones still reach the database).
 */
export interface TcpProxy {
  port: number;
  /** The database URL `databaseUrl` names, through the proxy. */
  url: (databaseUrl: string) => string;
  cut: () => void;
  close: () => Promise<void>;
}

export async function openTcpProxy(databaseUrl: string): Promise<TcpProxy> {
  const target = new URL(databaseUrl);
  const host = target.hostname;
  const port = Number(target.port === '' ? '5432' : target.port);
  const sockets = new Set<Socket>();
  const server = createServer((client) => {
    const database = createConnection({ host, port });
    for (const socket of [client, database]) {
      sockets.add(socket);
      socket.on('error', () => socket.destroy());
      socket.on('close', () => {
        sockets.delete(socket);
        client.destroy();
        database.destroy();
      });
    }
    client.pipe(database);
    database.pipe(client);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('The proxy has no port');
  const cut = () => {
    for (const socket of sockets) socket.destroy();
  };
  return {
    port: address.port,
    url: (url) => {
      const through = new URL(url);
      through.hostname = '127.0.0.1';
      through.port = String(address.port);
      return through.toString();
    },
    cut,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        cut();
      }),
  };
}
