// The work lists at 1,000,000 certificates over 1,000 care units (issue 21, acceptance b):
// the first page of "Ej signerade utkast", "Signerade intyg" and "Ej hanterade ärenden" for
// one unit, server time: each request goes in-process through the same routes and dispatcher
// as the Node server (server/http createRoutes + createDispatcher) on the SQL store on
// PostgreSQL, from the request to the answer's last byte, session check included.
//
// The data go straight into PostgreSQL in the store's own layout: a few template records made
// by the backend itself (the testability API, and the "dialogue" scenario's threads), varied
// in SQL (id, unit, patient, times) with INSERT … SELECT generate_series: certificates, their
// list rows (certificateRows) and, for every sent certificate, a thread with FK (a third of
// them unhandled). Per unit: 300 drafts (100 locked), 700 signed (200 sent, 100 revoked), 200
// threads (68 unhandled). Patients: 200,000 (bench-patient-…; names vary, and every one
// carries the seeded adult's official test personnummer).
//
// Where the median misses the target (20 ms), it prints where the time goes: the queries the
// store issues with EXPLAIN ANALYZE, their bare time over pg (the floor of that design), and a
// CPU profile of the handlers.
//
// Run: npm run bench:server-lists [-- --certificates 1000000 --units 1000 --patients 200000
//        --runs 50 --keep]
//   --keep: leave the database (intyga_bench_lists) in place, and use it again next time when
//   it holds the same amounts.
import { Session } from 'node:inspector/promises';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { z } from 'zod';
import { certificateTypes } from '../../src/definitions';
import {
  draftListResponseSchema,
  signedListResponseSchema,
} from '../../src/contracts/certificates';
import { loginResponseSchema } from '../../src/contracts/session';
import { configureSwedishZodMessages } from '../../src/contracts/swedish-messages';
import { createTestCertificateResponseSchema } from '../../src/contracts/testability';
import { inboxResponseSchema } from '../../src/contracts/threads';
import { diagnosisDataFromDisk } from '../../server/domain/diagnoses/load-icd10-node';
import { createRoutes } from '../../server/http';
import { ChangeHub } from '../../server/http/change-feed';
import { createDispatcher, type Dispatch } from '../../server/http/dispatch';
import { ensureSeeded } from '../../server/seed/seed';
import { careUnit, seedPatients, seedUsers } from '../../server/seed/seed-data';
import { openSqlStore } from '../../server/store/sql';
import type { Database } from '../../server/store/store';
import { cpuProfileSchema, summarizeProfile } from './profile';
import {
  adminQuery,
  databaseUrl,
  dropDatabase,
  ensurePostgres,
  figure,
  freshDatabase,
  machineNote,
  quantile,
  runBenchmark,
  table,
  type Cleanup,
} from './support';

const { values: options } = parseArgs({
  options: {
    certificates: { type: 'string', default: '1000000' },
    units: { type: 'string', default: '1000' },
    patients: { type: 'string', default: '200000' },
    runs: { type: 'string', default: '50' },
    keep: { type: 'boolean', default: false },
  },
});
const count = (text: string) => z.coerce.number().int().min(1).parse(text);
const CERTIFICATES = count(options.certificates);
const UNITS = count(options.units);
const PATIENTS = count(options.patients);
const RUNS = count(options.runs);
const TARGET_MS = 20;
const DATABASE = 'intyga_bench_lists';
/** Changes whenever the generated data change, so that a kept database is filled again. */
const LAYOUT = 2;

/** Status by certificate number modulo 10: 3 drafts (1 locked), 7 signed (2 sent, 1 revoked). */
const statusSlots = [
  'draft',
  'draft',
  'locked-draft',
  'signed',
  'signed',
  'signed',
  'sent',
  'sent',
  'revoked',
  'signed',
] as const;
const SENT_SLOTS = [6, 7];

const rawRecordSchema = z.record(z.string(), z.unknown());
const dataRowsSchema = z.array(z.object({ data: rawRecordSchema }));
const metaRowsSchema = z.array(
  z.object({
    certificates: z.number(),
    units: z.number(),
    patients: z.number(),
    layout: z.number().optional(),
  }),
);

async function call(dispatch: Dispatch, path: string, body: unknown, token?: string) {
  const response = await dispatch(
    new Request(`http://bench.local${path}`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(token === undefined ? {} : { authorization: `Bearer ${token}` }),
      },
      body: JSON.stringify(body),
    }),
  );
  if (response === undefined) throw new Error(`no route answered ${path}`);
  return response;
}

async function templateCertificate(
  dispatch: Dispatch,
  type: string,
  status: (typeof statusSlots)[number],
): Promise<string | undefined> {
  for (const answers of ['minimal', 'complete']) {
    const response = await call(dispatch, '/api/testability/certificates', {
      type,
      patientId: seedPatients.adult.id,
      answers,
      status,
    });
    if (response.status === 201) {
      return createTestCertificateResponseSchema.parse(await response.json()).certificateId;
    }
  }
  return undefined;
}

/** The SQL of one certificate's varied fields, as a function of its number g. */
function fieldsFunction(baseEpochSeconds: number): string {
  // Certificate g has status slot g % 10 and is at unit (g / 10) % UNITS, so that every unit
  // has every status; unit 0 is the seeded unit.
  const unitIndex = `((g / 10) % ${String(UNITS)})`;
  const unit = `CASE WHEN ${unitIndex} = 0 THEN '${careUnit.hsaId}'
    ELSE 'SE5568891234-BE' || lpad(${unitIndex}::text, 5, '0') END`;
  // Locked drafts were made 14 or more days ago; everything else within the last 13 days.
  const at = `to_char(to_timestamp(${String(baseEpochSeconds)} - g * 1.1
      - CASE WHEN g % 10 = 2 THEN 15 * 86400 ELSE 0 END) AT TIME ZONE 'UTC',
    'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
  return `CREATE FUNCTION bench_fields(g int) RETURNS jsonb LANGUAGE sql IMMUTABLE AS $f$
    SELECT jsonb_build_object(
      'id', 'bench-c-' || lpad(g::text, 8, '0'),
      'unitHsaId', ${unit},
      'patientId', 'bench-patient-' || lpad((abs(hashint4(g)::bigint) % ${String(PATIENTS)})::text, 6, '0'),
      'createdAt', ${at},
      'savedAt', ${at})
  $f$`;
}

/** A template varied by its number: its fields, and the signing time where it is signed. */
const varied = (template: string) => `CASE WHEN ${template} ? 'signed'
  THEN jsonb_set(${template} || bench_fields(g), '{signed,at}', bench_fields(g)->'savedAt')
  ELSE ${template} || bench_fields(g) END`;

async function timed<T>(label: string, work: () => Promise<T>): Promise<T> {
  const started = performance.now();
  const result = await work();
  console.log(`  ${label}: ${figure((performance.now() - started) / 1000, 1)} s`);
  return result;
}

/** Fills the database: the store's schema and seed, the templates, then the bulk in SQL. */
async function fill(url: string, db: Database, dispatch: Dispatch): Promise<void> {
  console.log(
    `Filling ${DATABASE}: ${figure(CERTIFICATES)} certificates over ${figure(UNITS)} units, ${figure(PATIENTS)} patients`,
  );
  // Threads in every state, made by the backend's own scenario (it resets the store first).
  const reset = await call(dispatch, '/api/testability/reset', { scenario: 'dialogue' });
  if (!reset.ok) throw new Error(`reset: ${String(reset.status)}`);
  const templates: { slot: number; typeIndex: number; id: string }[] = [];
  const fallback = new Map<number, string>();
  for (const [slot, status] of statusSlots.entries()) {
    for (const [typeIndex, type] of certificateTypes.entries()) {
      const id = await templateCertificate(dispatch, type, status);
      if (id !== undefined) {
        templates.push({ slot, typeIndex, id });
        if (type === 'fk7804') fallback.set(slot, id);
      }
    }
  }
  const client = new pg.Client({ connectionString: url });
  const second = new pg.Client({ connectionString: url });
  await client.connect();
  await second.connect();
  try {
    const read = async (table: string, id: string) => {
      const rows = dataRowsSchema.parse(
        (await client.query(`SELECT data FROM ${table} WHERE id = $1`, [id])).rows,
      );
      const data = rows[0]?.data;
      if (data === undefined) throw new Error(`${table} ${id} is missing`);
      return data;
    };
    await client.query(
      'CREATE TABLE bench_tpl (slot int, type_index int, cert jsonb, row jsonb, PRIMARY KEY (slot, type_index))',
    );
    for (const [slot] of statusSlots.entries()) {
      for (const [typeIndex] of certificateTypes.entries()) {
        const id =
          templates.find((t) => t.slot === slot && t.typeIndex === typeIndex)?.id ??
          fallback.get(slot);
        if (id === undefined) throw new Error(`no template for ${statusSlots[slot] ?? slot}`);
        await client.query('INSERT INTO bench_tpl VALUES ($1, $2, $3, $4)', [
          slot,
          typeIndex,
          await read('certificates', id),
          await read('certificate_rows', id),
        ]);
      }
    }
    console.log(
      `  templates: ${String(templates.length)} certificates from the testability API (${String(statusSlots.length * certificateTypes.length - templates.length)} slots fall back to FK 7804)`,
    );
    const threads = dataRowsSchema
      .parse((await client.query("SELECT data FROM threads WHERE data->>'topic' <> 'KOMPLT'")).rows)
      .map((row) => row.data);
    const openThread = threads.find((t) => t.state === 'open' && t.complementedBy === undefined);
    const handledThread = threads.find((t) => t.state === 'handled');
    if (openThread === undefined || handledThread === undefined) {
      throw new Error('the dialogue scenario has no open and handled question to copy');
    }
    await client.query(fieldsFunction(Math.floor(Date.now() / 1000)));
    await client.query('SET synchronous_commit = off');
    await second.query('SET synchronous_commit = off');
    const types = String(certificateTypes.length);
    const join = `JOIN bench_tpl t ON t.slot = g % 10 AND t.type_index = (g / ${String(10 * UNITS)}) % ${types}`;
    const series = `generate_series(1, ${String(CERTIFICATES)}) AS g`;
    await Promise.all([
      timed('certificates', () =>
        client.query(
          `INSERT INTO certificates (id, data) SELECT 'bench-c-' || lpad(g::text, 8, '0'), ${varied('t.cert')} FROM ${series} ${join}`,
        ),
      ),
      (async () => {
        await timed('certificate rows', () =>
          second.query(
            `INSERT INTO certificate_rows (id, data) SELECT 'bench-c-' || lpad(g::text, 8, '0'), ${varied('t.row')} FROM ${series} ${join}`,
          ),
        );
        await timed('threads', () =>
          second.query(
            `INSERT INTO threads (id, data)
             SELECT 'bench-t-' || lpad(g::text, 8, '0'),
               (CASE WHEN (g / ${String(10 * UNITS)}) % 3 = 0 THEN $1::jsonb ELSE $2::jsonb END) || jsonb_build_object(
                 'id', 'bench-t-' || lpad(g::text, 8, '0'),
                 'certificateId', bench_fields(g)->'id',
                 'unitHsaId', bench_fields(g)->'unitHsaId',
                 'patientId', bench_fields(g)->'patientId',
                 'certificateType', t.cert->'type',
                 'signedBy', t.cert->'signed'->'by',
                 'messageId', 'bench-m-' || g::text,
                 'messageIds', jsonb_build_array('bench-m-' || g::text),
                 'sentAt', bench_fields(g)->'savedAt',
                 'lastMessageAt', bench_fields(g)->'savedAt')
             FROM ${series} ${join} WHERE g % 10 IN (${SENT_SLOTS.join(', ')})`,
            [JSON.stringify(openThread), JSON.stringify(handledThread)],
          ),
        );
        await timed('patients and units', async () => {
          const firstNames = ['Anna', 'Erik', 'Maria', 'Karl', 'Sara', 'Johan', 'Lena', 'Per'];
          const lastNames = ['Andersson', 'Berg', 'Holm', 'Lindqvist', 'Nyström', 'Ek', 'Sjöberg'];
          await second.query(
            `INSERT INTO patients (id, data)
             SELECT 'bench-patient-' || lpad(p::text, 6, '0'), $1::jsonb || jsonb_build_object(
               'id', 'bench-patient-' || lpad(p::text, 6, '0'),
               'firstName', ($2::text[])[1 + p % 8],
               'lastName', ($3::text[])[1 + (p / 8) % 7] || '-' || p::text)
             FROM generate_series(0, ${String(PATIENTS - 1)}) AS p`,
            [JSON.stringify(seedPatients.adult), firstNames, lastNames],
          );
          await second.query(
            `INSERT INTO care_units (id, data)
             SELECT 'SE5568891234-BE' || lpad(u::text, 5, '0'), $1::jsonb || jsonb_build_object(
               'id', 'SE5568891234-BE' || lpad(u::text, 5, '0'),
               'hsaId', 'SE5568891234-BE' || lpad(u::text, 5, '0'),
               'name', 'Mottagning ' || u::text)
             FROM generate_series(1, ${String(UNITS - 1)}) AS u`,
            [JSON.stringify(careUnit)],
          );
        });
      })(),
    ]);
    await timed('VACUUM ANALYZE', async () => {
      for (const table of [
        'certificates',
        'certificate_rows',
        'threads',
        'patients',
        'care_units',
      ]) {
        await (table === 'certificates' ? client : second).query(`VACUUM (ANALYZE) ${table}`);
      }
    });
    await client.query(
      'CREATE TABLE bench_meta AS SELECT $1::int AS certificates, $2::int AS units, $3::int AS patients, $4::int AS layout',
      [CERTIFICATES, UNITS, PATIENTS, LAYOUT],
    );
  } finally {
    await client.end();
    await second.end();
  }
}

/** One statement on the bench database, on a connection of its own. */
async function adminQueryOn(url: string, sql: string, params: unknown[]): Promise<pg.QueryResult> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await client.query(sql, params);
  } finally {
    await client.end();
  }
}

/** Whether the kept database holds these amounts already. */
async function alreadyFilled(url: string): Promise<boolean> {
  const exists = await adminQuery(`SELECT 1 FROM pg_database WHERE datname = '${DATABASE}'`);
  if (exists.rowCount === 0) return false;
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const rows = metaRowsSchema.parse(
      (await client.query('SELECT * FROM bench_meta').catch(() => ({ rows: [] }))).rows,
    );
    const meta = rows[0];
    return (
      meta?.certificates === CERTIFICATES &&
      meta.units === UNITS &&
      meta.patients === PATIENTS &&
      meta.layout === LAYOUT
    );
  } finally {
    await client.end();
  }
}

interface ListSpec {
  name: string;
  path: string;
  body: unknown;
  token: string;
  check: (json: unknown) => { total: number; items: number };
}

async function request(dispatch: Dispatch, list: ListSpec): Promise<{ ms: number; json: unknown }> {
  const started = performance.now();
  const response = await call(dispatch, list.path, list.body, list.token);
  const text = await response.text();
  const ms = performance.now() - started;
  if (response.status !== 200) throw new Error(`${list.name}: ${String(response.status)} ${text}`);
  return { ms, json: JSON.parse(text) };
}

/** A plan line with its long literals (a getMany's id list) cut short. */
function shorten(line: string, max: number): string {
  return line.length <= max ? line : `${line.slice(0, max)} …`;
}

/** The statements the store issues for one list, timed bare over pg, and their plans. */
async function floor(url: string, statements: { label: string; sql: string; params: string[] }[]) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const rows: string[][] = [];
  const plans: string[] = [];
  const medians = new Map<string, number>();
  try {
    for (const { label, sql, params } of statements) {
      const times: number[] = [];
      let returned = 0;
      const runs = label.startsWith('every patient') ? 5 : 20;
      for (let run = 0; run < runs; run += 1) {
        const started = performance.now();
        const result = await client.query(sql, params);
        times.push(performance.now() - started);
        returned = result.rowCount ?? 0;
      }
      medians.set(label, quantile(times, 0.5));
      rows.push([
        label,
        figure(returned),
        figure(quantile(times, 0.5), 1),
        figure(quantile(times, 0.95), 1),
      ]);
      const plan = await client.query(`EXPLAIN (ANALYZE, BUFFERS) ${sql}`, params);
      plans.push(
        `${label}:\n${z
          .array(z.object({ 'QUERY PLAN': z.string() }))
          .parse(plan.rows)
          .map((row) => `    ${shorten(row['QUERY PLAN'], 150)}`)
          .join('\n')}`,
      );
    }
  } finally {
    await client.end();
  }
  return { rows, plans, medians };
}

await runBenchmark(async (cleanup: Cleanup) => {
  console.log(`Work lists at scale · ${machineNote()}`);
  configureSwedishZodMessages();
  await ensurePostgres(cleanup);
  const url = databaseUrl(DATABASE);
  const reuse = options.keep && (await alreadyFilled(url));
  if (!reuse) await freshDatabase(cleanup, DATABASE, { keep: true });
  if (!options.keep) cleanup.add(`database ${DATABASE}`, () => dropDatabase(DATABASE));
  const db = await openSqlStore({ databaseUrl: url });
  cleanup.add('store', () => db.close());
  await ensureSeeded(db);
  const dispatch = createDispatcher(
    createRoutes(db, diagnosisDataFromDisk, { testability: true, changes: new ChangeHub() }),
  );
  if (reuse) console.log(`Using the kept ${DATABASE} (same amounts).`);
  else await timed('fill, in all', () => fill(url, db, dispatch));

  const loginAs = async (userId: string) => {
    const response = await call(dispatch, '/api/auth/login', {
      userId,
      unitHsaId: careUnit.hsaId,
    });
    return loginResponseSchema.required().parse(await response.json()).token;
  };
  const physician = await loginAs(seedUsers.physician.id);
  const careAdmin = await loginAs(seedUsers.careAdmin.id);
  const lists: ListSpec[] = [
    {
      name: 'Ej signerade utkast (drafts)',
      path: '/api/certificates/drafts/query',
      body: { filter: {} },
      token: physician,
      check: (json) => {
        const page = draftListResponseSchema.parse(json);
        return { total: page.total, items: page.items.length };
      },
    },
    {
      name: 'Signerade intyg (signed)',
      path: '/api/certificates/signed/query',
      body: { filter: {} },
      token: physician,
      check: (json) => {
        const page = signedListResponseSchema.parse(json);
        return { total: page.total, items: page.items.length };
      },
    },
    {
      name: 'Ej hanterade ärenden (inbox)',
      path: '/api/threads/query',
      body: { filter: {} },
      token: careAdmin,
      check: (json) => {
        const page = inboxResponseSchema.parse(json);
        return { total: page.total, items: page.items.length };
      },
    },
  ];

  const measured: { list: ListSpec; times: number[]; total: number; items: number }[] = [];
  for (const list of lists) {
    for (let warm = 0; warm < 5; warm += 1) await request(dispatch, list);
    const times: number[] = [];
    let shape = { total: 0, items: 0 };
    for (let run = 0; run < RUNS; run += 1) {
      const { ms, json } = await request(dispatch, list);
      times.push(ms);
      if (run === 0) shape = list.check(json);
    }
    measured.push({ list, times, ...shape });
  }

  // The floor: the statements the store issues for each list, bare over pg.
  const key = (path: string) => `((${path}) COLLATE "C")`;
  const unitStatus = (table: string, field: string, value: string) => ({
    label: `${table} of the unit, ${value}`,
    sql: `SELECT data FROM ${table} WHERE ${key(`data->>'unitHsaId'`)} = $1 AND ${key(`data->>'${field}'`)} = $2 ORDER BY ${key(`data->>'unitHsaId'`)}, ${key(`data->>'${field}'`)}, id`,
    params: [careUnit.hsaId, value],
  });
  // The patients a list reads (Collection.getMany): those its rows name.
  const patientsOf = async (table: string, field: string, values: string[]) => {
    const found = z
      .array(z.object({ id: z.string() }))
      .parse(
        (
          await adminQueryOn(
            url,
            `SELECT DISTINCT data->>'patientId' AS id FROM ${table} WHERE ${key(`data->>'unitHsaId'`)} = $1 AND ${key(`data->>'${field}'`)} = ANY($2)`,
            [careUnit.hsaId, values],
          )
        ).rows,
      );
    return {
      label: `patients of the ${table} (getMany, ${String(found.length)} ids)`,
      sql: `SELECT data FROM patients WHERE id IN (SELECT jsonb_array_elements_text($1::jsonb)) ORDER BY id`,
      params: [JSON.stringify(found.map((row) => row.id))],
    };
  };
  const statementsOf = [
    [
      unitStatus('certificate_rows', 'status', 'draft'),
      unitStatus('certificate_rows', 'status', 'locked-draft'),
      await patientsOf('certificate_rows', 'status', ['draft', 'locked-draft']),
    ],
    [
      unitStatus('certificate_rows', 'status', 'signed'),
      unitStatus('certificate_rows', 'status', 'revoked'),
      await patientsOf('certificate_rows', 'status', ['signed', 'revoked']),
    ],
    [unitStatus('threads', 'state', 'open'), await patientsOf('threads', 'state', ['open'])],
  ];
  const everyPatient = {
    label: 'every patient (getAll: what each list read before getMany)',
    sql: 'SELECT data FROM patients ORDER BY id',
    params: [],
  };
  const { rows, plans, medians } = await floor(url, [...statementsOf.flat(), everyPatient]);

  console.log(`\nResults · ${machineNote()}`);
  console.log(
    `${figure(CERTIFICATES)} certificates over ${figure(UNITS)} units, ${figure(PATIENTS)} patients; first page (25 rows, default sort) for the seeded unit, ${String(RUNS)} requests each after 5 warm-up, in-process, ms. SQL floor: the medians of the list's statements, bare over pg, added up.\n`,
  );
  const missed: ListSpec[] = [];
  console.log(
    table(
      ['list', 'total', 'rows', 'median', 'p95', 'min', 'SQL floor', `≤ ${String(TARGET_MS)} ms`],
      measured.map(({ list, times, total, items }, index) => {
        const median = quantile(times, 0.5);
        if (median > TARGET_MS) missed.push(list);
        const sqlFloor = (statementsOf[index] ?? []).reduce(
          (sum, statement) => sum + (medians.get(statement.label) ?? Number.NaN),
          0,
        );
        return [
          list.name,
          figure(total),
          figure(items),
          figure(median, 1),
          figure(quantile(times, 0.95), 1),
          figure(Math.min(...times), 1),
          figure(sqlFloor, 1),
          median <= TARGET_MS ? 'met' : 'missed',
        ];
      }),
    ),
  );
  console.log('\nThe statements the store issues, bare over pg (20 runs each; getAll 5), ms:\n');
  console.log(table(['statement', 'rows', 'median', 'p95'], rows));
  if (missed.length === 0) return;
  console.log('\nTheir plans:\n');
  console.log(plans.join('\n\n'));

  const session = new Session();
  session.connect();
  for (const list of missed) {
    await session.post('Profiler.enable');
    await session.post('Profiler.setSamplingInterval', { interval: 200 });
    await session.post('Profiler.start');
    for (let run = 0; run < 20; run += 1) await request(dispatch, list);
    const { profile } = await session.post('Profiler.stop');
    console.log(`\nCPU profile of 20 requests, ${list.name}:\n`);
    console.log(summarizeProfile(cpuProfileSchema.parse(profile), 15));
  }
  session.disconnect();
});
