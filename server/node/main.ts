// The Node server's entry: `npm run serve` builds it (vite.server.config.ts) to
// dist-server/main.js beside the built app in dist-server/app, and runs it with plain `node`.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { configureSwedishZodMessages } from '../../src/contracts/swedish-messages';
import { readConfig } from './config';
import { readOperatingMessages } from './operating-messages-config';
import { startServer } from './server';
import { countText } from '../../src/language/swedish';

const staticRoot = join(dirname(fileURLToPath(import.meta.url)), 'app');

function fail(message: string): never {
  console.error(`Intyga kunde inte starta: ${message}`);
  process.exit(1);
}

const read = readConfig(process.env, process.argv.slice(2), process.cwd());
if (!read.ok) fail(read.message);
// Swedish messages for what the configuration file's check finds (startServer sets them too).
configureSwedishZodMessages();
const messages = await readOperatingMessages(process.env, process.cwd());
if (!messages.ok) fail(messages.message);
const config = { ...read.config, operatingMessages: messages.messages };
if (!existsSync(join(staticRoot, 'index.html'))) {
  fail(`den byggda appen saknas i ${staticRoot}. Bygg och starta med npm run serve.`);
}

let running: Awaited<ReturnType<typeof startServer>>;
try {
  running = await startServer(config, staticRoot);
} catch (error) {
  fail(error instanceof Error ? error.message : String(error));
}

const host = config.host ?? 'localhost';
console.log(`Intyga svarar på http://${host}:${String(running.port)}`);
console.log(
  'Övningsmiljö: inloggningen är simulerad och uppgifterna är påhittade. Använd inte riktiga patientuppgifter.',
);
console.log(`Lagring: ${running.store.description}`);
console.log(
  config.testability
    ? 'Testbarhets-API:t (/api/testability) är PÅ (--demo): vem som helst kan återställa och ändra uppgifterna.'
    : 'Testbarhets-API:t (/api/testability) är av.',
);

if (config.operatingMessages.length > 0) {
  console.log(
    `${countText(config.operatingMessages.length, 'driftmeddelande', 'driftmeddelanden')} från ${process.env.INTYGA_OPERATING_MESSAGES ?? ''}.`,
  );
}

let stopping = false;
function stop(): void {
  if (stopping) return;
  stopping = true;
  console.log('Intyga stannar …');
  running.close().then(
    () => process.exit(0),
    (error: unknown) => fail(error instanceof Error ? error.message : String(error)),
  );
}
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
