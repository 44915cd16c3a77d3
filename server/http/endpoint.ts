import {
  declaredErrors,
  errorBodySchema,
  type EndpointDefinition,
} from '../../src/contracts/endpoints';
import { routePattern } from '../../src/contracts/routes';
import { checkingContracts, recordContractViolation } from './contract-checks';
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
    const { schema, events } = endpoint.success;
    if (events !== undefined) {
      return response.headers.get('content-type')?.startsWith('text/event-stream') === true
        ? undefined
        : 'answered without an event stream';
    }
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
  const declared = declaredErrors(endpoint).find((candidate) => candidate === status);
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
      if (!checkingContracts()) return answer();
      const sent = request.clone();
      const response = await answer();
      // An event stream is judged by its headers only: a clone would hold the stream open.
      const stream =
        endpoint.success.events !== undefined && response.status === endpoint.success.status;
      const problem = await problemWith(endpoint, sent, stream ? response : response.clone());
      if (problem !== undefined) {
        recordContractViolation({ endpoint: name, status: response.status, problem });
      }
      return response;
    },
  };
}
