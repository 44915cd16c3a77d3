// The floor of one save: one client, in-process (the same routes and store as the server, no
// HTTP), saves one after the other on an idle server. A driver around the store's PostgreSQL
// driver counts the transactions and statements each save issues and the time spent waiting
// for PostgreSQL, so that the rest is the server's own work (JavaScript) per save.
import { z } from 'zod';
import { configureSwedishZodMessages } from '../../src/contracts/swedish-messages';
import { createTestCertificateResponseSchema } from '../../src/contracts/testability';
import { diagnosisDataFromDisk } from '../../server/domain/diagnoses/load-icd10-node';
import { createRoutes } from '../../server/http';
import { ChangeHub } from '../../server/http/change-feed';
import { createDispatcher, type Dispatch } from '../../server/http/dispatch';
import { seedPatients } from '../../server/seed/seed-data';
import type { SqlDriver } from '../../server/store/sql-driver';
import { openSqlDatabase } from '../../server/store/sql';
import { openPostgresDriver } from '../../server/store/sql-postgres';
import { loginResponseSchema } from '../../src/contracts/session';
import { careUnit } from '../../server/seed/seed-data';

export interface SaveFloor {
  saves: number;
  totalMs: number[];
  databaseMs: number[];
  transactions: number;
  statements: number;
  /** The statements of the last save, shortened. */
  sample: string[];
}

/** The store's driver, counting transactions and statements and timing PostgreSQL's part. */
function countingDriver(inner: SqlDriver) {
  const log: string[] = [];
  const counts = { transactions: 0, statements: 0, databaseMs: 0, log };
  const driver: SqlDriver = {
    async transaction(spec, work) {
      counts.transactions += 1;
      counts.statements += 2; // BEGIN, COMMIT
      counts.log.push(`BEGIN ${spec.isolation}${spec.readOnly ? ' read only' : ''}`);
      const started = performance.now();
      let workMs = 0;
      let queryMs = 0;
      try {
        return await inner.transaction(spec, async (session) => {
          const workStarted = performance.now();
          try {
            return await work({
              async query(text, params) {
                counts.statements += 1;
                counts.log.push(text.replace(/\s+/g, ' ').slice(0, 110));
                const queryStarted = performance.now();
                try {
                  return await session.query(text, params);
                } finally {
                  queryMs += performance.now() - queryStarted;
                }
              },
            });
          } finally {
            workMs = performance.now() - workStarted;
          }
        });
      } finally {
        // BEGIN and COMMIT (and taking a pooled connection): the transaction less its work.
        counts.databaseMs += performance.now() - started - workMs + queryMs;
      }
    },
    close: () => inner.close(),
  };
  return { driver, counts };
}

async function call(
  dispatch: Dispatch,
  method: string,
  path: string,
  body: unknown,
  token?: string,
) {
  const response = await dispatch(
    new Request(`http://bench.local${path}`, {
      method,
      headers: {
        'content-type': 'application/json',
        ...(token === undefined ? {} : { authorization: `Bearer ${token}` }),
      },
      body: body === undefined ? null : JSON.stringify(body),
    }),
  );
  if (response === undefined) throw new Error(`no route answered ${path}`);
  return response;
}

const certificateSchema = z.object({
  certificate: z.object({ version: z.number().int(), answers: z.record(z.string(), z.unknown()) }),
});

/** `saves` sequential saves of one FK 7804 draft with complete answers by `userId`. */
export async function measureSaveFloor(
  databaseUrl: string,
  userId: string,
  saves: number,
): Promise<SaveFloor> {
  configureSwedishZodMessages();
  const { driver, counts } = countingDriver(openPostgresDriver({ databaseUrl }));
  const db = await openSqlDatabase(driver);
  try {
    const dispatch = createDispatcher(
      createRoutes(db, diagnosisDataFromDisk, { testability: true, changes: new ChangeHub() }),
    );
    const login = await call(dispatch, 'POST', '/api/auth/login', {
      userId,
      unitHsaId: careUnit.hsaId,
    });
    const { token } = loginResponseSchema.parse(await login.json());
    const created = await call(dispatch, 'POST', '/api/testability/certificates', {
      type: 'fk7804',
      patientId: seedPatients.adult.id,
      answers: 'complete',
      userId,
    });
    const { certificateId } = createTestCertificateResponseSchema.parse(await created.json());
    const read = await call(
      dispatch,
      'GET',
      `/api/certificates/${certificateId}`,
      undefined,
      token,
    );
    let { version, answers } = certificateSchema.parse(await read.json()).certificate;
    const totalMs: number[] = [];
    const databaseMs: number[] = [];
    const before = { ...counts };
    // Five saves to warm up (code lists, definitions), then the measured ones.
    for (let save = -5; save < saves; save += 1) {
      const atStart = counts.databaseMs;
      counts.log = [];
      const started = performance.now();
      const response = await call(
        dispatch,
        'PUT',
        `/api/certificates/${certificateId}/answers`,
        { version, answers: { ...answers, '19': `Golv ${String(save)}` } },
        token,
      );
      ({ version, answers } = certificateSchema.parse(await response.json()).certificate);
      if (save < 0) {
        Object.assign(before, counts);
        continue;
      }
      totalMs.push(performance.now() - started);
      databaseMs.push(counts.databaseMs - atStart);
    }
    return {
      saves,
      totalMs,
      databaseMs,
      transactions: (counts.transactions - before.transactions) / saves,
      statements: (counts.statements - before.statements) / saves,
      sample: counts.log,
    };
  } finally {
    await db.close();
  }
}
