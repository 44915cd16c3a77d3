import { errorBodySchema, type EndpointDefinition } from '../../src/contracts/endpoints';
import { routePattern } from '../../src/contracts/routes';
import type { ApiRoute, HttpMethod, PathParams } from './route';
import { contain } from './failures';

/**
 * The route of one endpoint of the registry (src/contracts/endpoints.ts): its
 * method and path come from there, so a handler cannot answer at a path the registry (and
 * so the OpenAPI document) does not have.
 *
 * With contract checks on (every Vitest run switches them on in src/testing/setup-tests.ts),
 * each answer is also compared with the registry: a status it does not declare, a body that
 * does not match the declared schema, or a request body that was accepted although the
 * registry's request schema refuses it, is recorded as a violation, and the test fails.
 * The checks never change an answer.
 */

export type EndpointResolver = (info: {
  request: Request;
  params: PathParams;
}) => Promise<Response>;

export interface ContractViolation {
  endpoint: string;
  status: number;
  problem: string;
}

let checking = false;
const violations: ContractViolation[] = [];

export function checkContracts(on: boolean): void {
  checking = on;
}

/** The violations recorded since the last call. */
export function takeContractViolations(): ContractViolation[] {
  return violations.splice(0);
}

async function readJson(
  message: Request | Response,
): Promise<{ ok: true; value: unknown } | { ok: false }> {
  const text = await message.text();
  if (text === '') return { ok: false };
  try {
    const value: unknown = JSON.parse(text);
    return { ok: true, value };
  } catch {
    return { ok: false };
  }
}

async function problemWith(
  endpoint: EndpointDefinition,
  request: Request,
  response: Response,
): Promise<string | undefined> {
  const { status } = response;
  if (status === endpoint.success.status) {
    if (endpoint.request !== undefined) {
      const body = await readJson(request);
      if (!body.ok || !endpoint.request.safeParse(body.value).success) {
        return 'succeeded with a request body that the registry request schema refuses';
      }
    }
    const { schema } = endpoint.success;
    if (schema === undefined) {
      return (await response.text()) === '' ? undefined : 'has a body where none is declared';
    }
    const body = await readJson(response);
    if (!body.ok) return 'answered without a JSON body';
    const parsed = schema.safeParse(body.value);
    return parsed.success
      ? undefined
      : `answered a body off the registry response schema: ${parsed.error.message}`;
  }
  const declared = endpoint.errors.find((candidate) => candidate === status);
  if (declared === undefined) return 'answered with a status the registry does not declare';
  const body = await readJson(response);
  if (!body.ok) return 'answered an error without a JSON body';
  const parsed = errorBodySchema(endpoint, declared).safeParse(body.value);
  return parsed.success
    ? undefined
    : `answered an error body off the registry: ${parsed.error.message}`;
}

const methods: Record<EndpointDefinition['method'], HttpMethod> = {
  get: 'GET',
  post: 'POST',
  put: 'PUT',
  delete: 'DELETE',
};

export function handle(endpoint: EndpointDefinition, resolve: EndpointResolver): ApiRoute {
  const name = `${endpoint.method.toUpperCase()} ${endpoint.path}`;
  return {
    method: methods[endpoint.method],
    path: routePattern(endpoint.path),
    endpoint,
    resolve: async ({ request, params }) => {
      // Whatever the handler throws is answered in the error shape (./failures.ts).
      const answer = () => contain(request, () => resolve({ request, params }));
      if (!checking) return answer();
      const sent = request.clone();
      const response = await answer();
      const problem = await problemWith(endpoint, sent, response.clone());
      if (problem !== undefined)
        violations.push({ endpoint: name, status: response.status, problem });
      return response;
    },
  };
}
