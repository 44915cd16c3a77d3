// Writes the OpenAPI 3.1 document of the API, generated from the endpoint registry and the
// zod contracts, to openapi/openapi.json. With --check it writes nothing and fails when the
// committed file differs (the same check runs in the unit tests).
// Run: npm run openapi   (or: npm run openapi:check)
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { OPENAPI_DOCUMENT_PATH, serializeOpenApiDocument } from '../src/contracts/openapi';

const document = serializeOpenApiDocument();

if (process.argv.includes('--check')) {
  let committed = '';
  try {
    committed = readFileSync(OPENAPI_DOCUMENT_PATH, 'utf8');
  } catch {
    committed = '';
  }
  if (committed !== document) {
    console.error(
      `${OPENAPI_DOCUMENT_PATH} does not match the contracts: run \`npm run openapi\` and commit it.`,
    );
    process.exit(1);
  }
  console.log(`${OPENAPI_DOCUMENT_PATH} matches the contracts.`);
} else {
  mkdirSync(dirname(OPENAPI_DOCUMENT_PATH), { recursive: true });
  writeFileSync(OPENAPI_DOCUMENT_PATH, document);
  console.log(`Wrote ${OPENAPI_DOCUMENT_PATH}.`);
}
