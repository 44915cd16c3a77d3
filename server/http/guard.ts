import type { PathParams } from './route';
import type { z } from 'zod';
import { apiErrorCodes } from '../../src/contracts/common';
import type { Role } from '../../src/form-engine';
import type { Database, Transaction } from '../store/store';
import {
  authenticate,
  authenticateFk,
  authenticatePatient,
  errorResponse,
  parseJsonBody,
  principalMessages,
  type Auth,
  type Authenticated,
  type FkAuth,
  type PatientAuth,
} from './support';
import type { EndpointResolver } from './endpoint';

/**
 * The one guard in front of every handler that needs a session: first the session (401),
 * then the principal's kind and role (403), then the resource the path names (`access`: the
 * unit's, the patient's own; its refusal is the same whether the resource exists or not), and
 * only then the body (400). So a refusal never depends on the body, a caller without a session
 * or without access never learns anything from validation, and its body is never read.
 * `guard` and `guardWithBody` admit care users; `guardFk` and `guardFkWithBody` admit
 * FK's case officers (the simulator); `guardPatient` admits patients (Mina intyg). Each
 * refuses the others' sessions with 403. A failure inside a handler (or in the session's
 * own transaction) is answered where every route's is, in `handle` (./failures.ts): a Swedish
 * 500, or 503 when the store is unavailable, never a stack trace.
 */

interface GuardSpec {
  roles?: readonly Role[];
  /** False for calls that are not the user's activity (polling). */
  touch?: boolean;
  /**
   * The resource check, after the role and before the body: a refusal, or undefined to go on.
   * It may read the store, never the body.
   */
  access?: (input: AccessInput) => Promise<Response | undefined>;
}

export interface AccessInput {
  db: Database;
  params: PathParams;
  auth: Auth;
}

export interface Guarded {
  request: Request;
  params: PathParams;
  auth: Auth;
}

export const guardMessages = {
  wrongPrincipal: principalMessages.wrongPrincipal,
  wrongRole: 'Din roll har inte behörighet till detta.',
} as const;

async function authorize(
  db: Database,
  request: Request,
  spec: GuardSpec,
): Promise<{ ok: true; auth: Auth } | { ok: false; response: Response }> {
  const result = await db.write((tx) => authenticate(tx, request, { touch: spec.touch ?? true }));
  if (!result.ok) return result;
  const { auth } = result;
  if (spec.roles !== undefined && !spec.roles.includes(auth.user.role)) {
    return {
      ok: false,
      response: errorResponse(403, apiErrorCodes.forbidden, guardMessages.wrongRole),
    };
  }
  return { ok: true, auth };
}

/** A handler without a request body. */
export function guard(
  db: Database,
  spec: GuardSpec,
  handle: (guarded: Guarded) => Promise<Response>,
): EndpointResolver {
  return async ({ request, params }) => {
    const allowed = await authorize(db, request, spec);
    if (!allowed.ok) return allowed.response;
    const refused = await spec.access?.({ db, params, auth: allowed.auth });
    if (refused !== undefined) return refused;
    return handle({ request, params, auth: allowed.auth });
  };
}

/** A handler whose JSON body is parsed with `body`, after the session and the role. */
export function guardWithBody<B>(
  db: Database,
  spec: GuardSpec & { body: z.ZodType<B> },
  handle: (guarded: Guarded & { body: B }) => Promise<Response>,
): EndpointResolver {
  return async ({ request, params }) => {
    const allowed = await authorize(db, request, spec);
    if (!allowed.ok) return allowed.response;
    const refused = await spec.access?.({ db, params, auth: allowed.auth });
    if (refused !== undefined) return refused;
    const body = await parseJsonBody(request, spec.body);
    if (!body.ok) return body.response;
    return handle({ request, params, auth: allowed.auth, body: body.data });
  };
}

/** A guard for one of the other principals: its authenticator, then the handler. */
type Authenticator<A> = (tx: Transaction, request: Request) => Promise<Authenticated<A>>;
type PrincipalHandler<A> = (guarded: {
  request: Request;
  params: PathParams;
  auth: A;
}) => Promise<Response>;

function guardAs<A>(
  db: Database,
  authenticator: Authenticator<A>,
  handle: PrincipalHandler<A>,
): EndpointResolver {
  return async ({ request, params }) => {
    const result = await db.write((tx) => authenticator(tx, request));
    if (!result.ok) return result.response;
    const { auth } = result;
    return handle({ request, params, auth });
  };
}

function guardAsWithBody<A, B>(
  db: Database,
  authenticator: Authenticator<A>,
  body: z.ZodType<B>,
  handle: (guarded: Parameters<PrincipalHandler<A>>[0] & { body: B }) => Promise<Response>,
): EndpointResolver {
  return async ({ request, params }) => {
    const result = await db.write((tx) => authenticator(tx, request));
    if (!result.ok) return result.response;
    const { auth } = result;
    const parsed = await parseJsonBody(request, body);
    if (!parsed.ok) return parsed.response;
    return handle({ request, params, auth, body: parsed.data });
  };
}

/** Like `guard`, for FK's case officers (the FK simulator). */
export function guardFk(db: Database, handle: PrincipalHandler<FkAuth>): EndpointResolver {
  return guardAs(db, authenticateFk, handle);
}

/** Like `guardWithBody`, for FK's case officers. */
export function guardFkWithBody<B>(
  db: Database,
  spec: { body: z.ZodType<B> },
  handle: (guarded: Parameters<PrincipalHandler<FkAuth>>[0] & { body: B }) => Promise<Response>,
): EndpointResolver {
  return guardAsWithBody(db, authenticateFk, spec.body, handle);
}

/** Like `guard`, for a patient in Mina intyg. */
export function guardPatient(
  db: Database,
  handle: PrincipalHandler<PatientAuth>,
): EndpointResolver {
  return guardAs(db, authenticatePatient, handle);
}
