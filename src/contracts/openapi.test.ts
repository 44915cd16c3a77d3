import { readFileSync } from 'node:fs';
import { Validator } from '@seriousme/openapi-schema-validator';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { declaredErrors, endpointList } from './endpoints';
import { buildOpenApiDocument, OPENAPI_DOCUMENT_PATH, serializeOpenApiDocument } from './openapi';

function committed(): string {
  try {
    return readFileSync(OPENAPI_DOCUMENT_PATH, 'utf8');
  } catch {
    return '';
  }
}

const operationSchema = z.object({ responses: z.record(z.string(), z.unknown()) });

/** Every `$ref` in a JSON value. */
function refsIn(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(refsIn);
  if (typeof value !== 'object' || value === null) return [];
  return Object.entries(value).flatMap(([key, inner]) =>
    key === '$ref' && typeof inner === 'string' ? [inner] : refsIn(inner),
  );
}

describe('the OpenAPI document', () => {
  it('is committed as the contracts give it', () => {
    // On failure: run `npm run openapi` and commit openapi/openapi.json.
    expect(
      committed() === serializeOpenApiDocument(),
      `${OPENAPI_DOCUMENT_PATH} does not match the contracts: run \`npm run openapi\` and commit it`,
    ).toBe(true);
  });

  it('is valid OpenAPI 3.1', async () => {
    const validator = new Validator();
    const result = await validator.validate(buildOpenApiDocument());
    expect(result.errors).toBeUndefined();
    expect(result.valid).toBe(true);
    expect(validator.version).toBe('3.1');
  });

  it('has every endpoint of the registry, with its success and error statuses', () => {
    const { paths } = buildOpenApiDocument();
    const operations = Object.values(paths).flatMap((item) => Object.keys(item));
    expect(operations).toHaveLength(endpointList.length);
    for (const endpoint of endpointList) {
      const item = paths[endpoint.path];
      const operation: unknown = item?.[endpoint.method];
      expect(operation, endpoint.id).toMatchObject({ operationId: endpoint.id });
      const statuses = [endpoint.success.status, ...declaredErrors(endpoint)].map(String).sort();
      const { responses } = operationSchema.parse(operation);
      expect(Object.keys(responses).sort(), endpoint.id).toEqual(statuses);
    }
  });

  it('resolves every $ref to a component', () => {
    const document = buildOpenApiDocument();
    const names = new Set(Object.keys(document.components.schemas));
    const missing = refsIn(document)
      .map((ref) => ref.replace('#/components/schemas/', ''))
      .filter((name) => !names.has(name));
    expect(missing).toEqual([]);
  });

  it('asks for the session token everywhere but at log-in and the testability controls', () => {
    const { paths } = buildOpenApiDocument();
    for (const endpoint of endpointList) {
      const operation: unknown = paths[endpoint.path]?.[endpoint.method];
      if (endpoint.auth === 'none') {
        expect(operation, endpoint.id).toMatchObject({ security: [] });
      } else {
        expect(operation, endpoint.id).not.toHaveProperty('security');
      }
    }
  });
});
