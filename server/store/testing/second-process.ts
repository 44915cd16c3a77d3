import { createInterface } from 'node:readline';
import { z } from 'zod';
import { seedUsers } from '../../seed/seed-data';
import { openSqlStore } from '../sql';
import { saveMany, signAndSend } from './contention';

/**
 * A second server process for the PostgreSQL concurrency test: it opens the store on the
 * database and schema it is given, says `{"ready":true}`, then runs each command it reads on
 * standard input (one JSON object a line): it says `{"started":true}`, runs it, and answers
 * with one JSON line: `{ result, retries }` (its transactions run again). Run with
 * `node --import tsx server/store/testing/second-process.ts DATABASE_URL SCHEMA`.
 */

const commandSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('sign'), certificateId: z.string(), count: z.number().int().min(1) }),
  z.object({
    kind: z.literal('save'),
    certificateId: z.string(),
    prefix: z.string().regex(/^[a-z]+$/),
    count: z.number().int().min(1),
    startVersion: z.number().int().min(1),
  }),
]);

const [databaseUrl, schema] = z
  .tuple([z.string().min(1), z.string().min(1)])
  .parse(process.argv.slice(2));
let retries = 0;
const db = await openSqlStore(
  { databaseUrl, poolSize: 10 },
  {
    schema,
    onRetry: () => {
      retries += 1;
    },
  },
);
const say = (value: unknown) => process.stdout.write(`${JSON.stringify(value)}\n`);
say({ ready: true });

for await (const line of createInterface({ input: process.stdin })) {
  const command = commandSchema.parse(JSON.parse(line));
  // The first process starts its own half on hearing this, so that both halves overlap.
  say({ started: true });
  retries = 0;
  const result =
    command.kind === 'sign'
      ? await Promise.all(
          Array.from({ length: command.count }, () =>
            signAndSend(db, command.certificateId, seedUsers.secondPhysician),
          ),
        )
      : await saveMany(
          db,
          command.certificateId,
          seedUsers.secondPhysician,
          command.prefix,
          command.count,
          command.startVersion,
        );
  say({ result, retries });
}
await db.close();
