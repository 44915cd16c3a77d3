import { resolve } from 'node:path';
import { z } from 'zod';
import type { StoreLocation } from './open-store';
import type { OperatingMessage } from '../../src/contracts/operating-messages';

/**
 * The server's settings, from the environment and the command line:
 * `PORT` (default 8080; 0 lets the system choose a free one), `HOST` (default: every interface), `DATABASE_URL` (PostgreSQL;
 * without it an embedded database in `INTYGA_DATA_DIR`, default `./data`), and `--demo` or
 * `INTYGA_DEMO=1`, which switches the testability API on.
 */
export interface ServerConfig {
  port: number;
  host: string | undefined;
  store: StoreLocation;
  testability: boolean;
  /** The operator's messages (./operating-messages-config.ts), read by main.ts at start. */
  operatingMessages?: readonly OperatingMessage[];
}

const environmentSchema = z.object({
  PORT: z.coerce
    .number({ error: 'PORT ska vara ett portnummer.' })
    .int('PORT ska vara ett heltal.')
    .min(0, 'PORT ska vara mellan 0 och 65535.')
    .max(65535, 'PORT ska vara mellan 0 och 65535.')
    .default(8080),
  HOST: z.string().min(1).optional(),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'DATABASE_URL ska börja med postgres:// eller postgresql://.')
    .optional(),
  INTYGA_DATA_DIR: z.string().min(1).default('./data'),
  INTYGA_DEMO: z.enum(['0', '1', 'true', 'false', '']).default(''),
});

/** The settings, or a Swedish message naming what is wrong. */
export function readConfig(
  environment: Readonly<Record<string, string | undefined>>,
  argv: readonly string[],
  cwd: string,
): { ok: true; config: ServerConfig } | { ok: false; message: string } {
  const unknown = argv.filter((argument) => argument !== '--demo');
  if (unknown.length > 0) {
    return {
      ok: false,
      message: `Okänt argument: ${unknown.join(' ')}. Det enda argumentet är --demo.`,
    };
  }
  // An empty variable counts as unset (`PORT= npm run serve`).
  const present = Object.fromEntries(
    Object.entries(environment).filter(([, value]) => value !== undefined && value !== ''),
  );
  const parsed = environmentSchema.safeParse(present);
  if (!parsed.success) {
    return { ok: false, message: parsed.error.issues[0]?.message ?? 'Ogiltig inställning.' };
  }
  const { PORT, HOST, DATABASE_URL, INTYGA_DATA_DIR, INTYGA_DEMO } = parsed.data;
  return {
    ok: true,
    config: {
      port: PORT,
      host: HOST,
      store:
        DATABASE_URL === undefined
          ? { dataDirectory: resolve(cwd, INTYGA_DATA_DIR) }
          : { databaseUrl: DATABASE_URL },
      testability: argv.includes('--demo') || INTYGA_DEMO === '1' || INTYGA_DEMO === 'true',
    },
  };
}
