import type { z } from 'zod';
import { apiErrorCodes, type ApiError } from '../../src/contracts/common';
import { fkOfficers, type FkOfficer } from '../seed/seed-data';
import type { Transaction } from '../store/store';
import type {
  AuditRecord,
  CareUnitRecord,
  PatientRecord,
  SessionRecord,
  SettingsRecord,
  UserRecord,
} from '../store/schema';

export function errorResponse(status: number, code: string, message: string): Response {
  const body: ApiError = { code, message };
  return Response.json(body, { status });
}

/** Answers with a body that is checked against the contract first: the mock never lies. */
export function jsonResponse<T>(schema: z.ZodType<T>, body: T, status = 200): Response {
  return new Response(JSON.stringify(schema.parse(body)), {
    status,
    headers: { 'content-type': 'application/json' },
  });
}

export type Parsed<T> = { ok: true; data: T } | { ok: false; response: Response };

/**
 * The largest request body the API reads, in bytes. The largest thing a request carries is a
 * draft's answers, at most 400,000 characters of JSON (./certificates.ts), which UTF-8 makes at
 * most 1.2 MB; every other body is far smaller. Larger bodies are refused while they are read,
 * before any parsing (the Node server also refuses them by their Content-Length before routing).
 */
export const MAX_BODY_BYTES = 2 * 1024 * 1024;

/**
 * The deepest nesting of arrays and objects a JSON body may have. The API's deepest body (a
 * draft's answers) nests about six levels; a body nested thousands of levels deep is refused
 * before it is parsed, instead of exhausting the stack of whatever walks it.
 */
export const MAX_JSON_DEPTH = 64;

export const bodyMessages = {
  tooLarge: `Begäran är för stor. Den får vara högst ${String(MAX_BODY_BYTES / 1024 / 1024)} MB.`,
  tooDeep: 'Begärans innehåll är för djupt nästlat.',
  notJson: 'Begäran saknar en giltig JSON-kropp.',
} as const;

/** 413 in the API's error shape: the body is larger than `MAX_BODY_BYTES`. */
export function bodyTooLargeResponse(): Response {
  return errorResponse(413, apiErrorCodes.payloadTooLarge, bodyMessages.tooLarge);
}

/**
 * The body as text, or undefined when it is larger than `limit` bytes: a declared length
 * over the limit is refused unread, and a body without one is read only up to the limit.
 */
export async function readBodyText(
  request: Request,
  limit = MAX_BODY_BYTES,
): Promise<string | undefined> {
  const declared = Number(request.headers.get('content-length') ?? '0');
  if (declared > limit) return undefined;
  const { body } = request;
  if (body === null) return '';
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      // Not awaited: cancelling one branch of a teed body (a cloned request) settles only
      // once the other branch is cancelled too.
      void reader.cancel().catch(() => undefined);
      return undefined;
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return new TextDecoder().decode(bytes);
}

/** True when JSON text nests arrays and objects deeper than `max` (strings are skipped). */
export function nestsDeeperThan(text: string, max: number): boolean {
  let depth = 0;
  let inString = false;
  for (let index = 0; index < text.length; index += 1) {
    const char = text.charCodeAt(index);
    if (inString) {
      if (char === 0x5c)
        index += 1; // a backslash: the next character is escaped
      else if (char === 0x22) inString = false;
    } else if (char === 0x22) {
      inString = true;
    } else if (char === 0x7b || char === 0x5b) {
      depth += 1;
      if (depth > max) return true;
    } else if (char === 0x7d || char === 0x5d) {
      depth -= 1;
    }
  }
  return false;
}

/**
 * Reads and checks a JSON body: too large is 413 (refused while reading, before parsing),
 * nested deeper than `MAX_JSON_DEPTH` or not JSON is 400, and off the schema is 400 with the
 * schema's first (Swedish) message.
 */
export async function parseJsonBody<T>(request: Request, schema: z.ZodType<T>): Promise<Parsed<T>> {
  const text = await readBodyText(request);
  if (text === undefined) return { ok: false, response: bodyTooLargeResponse() };
  if (nestsDeeperThan(text, MAX_JSON_DEPTH)) {
    return {
      ok: false,
      response: errorResponse(400, apiErrorCodes.badRequest, bodyMessages.tooDeep),
    };
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return {
      ok: false,
      response: errorResponse(400, apiErrorCodes.badRequest, bodyMessages.notJson),
    };
  }
  const result = schema.safeParse(raw);
  if (!result.success) return { ok: false, response: badRequestFrom(result.error) };
  return { ok: true, data: result.data };
}

/** 400 with the first (Swedish) message of what the schema refused. */
function badRequestFrom(error: z.ZodError): Response {
  const first = error.issues[0];
  return errorResponse(
    400,
    apiErrorCodes.badRequest,
    first === undefined ? 'Begäran har fel format.' : first.message,
  );
}

/**
 * Checks the path's parameters (decoded by the dispatcher) with their schemas, one by one:
 * off its schema is 400 with the schema's first (Swedish) message.
 */
export function parsePathParams(
  raw: Readonly<Record<string, string>>,
  schemas: Readonly<Record<string, z.ZodType>>,
): Parsed<Readonly<Record<string, unknown>>> {
  const parsed: Record<string, unknown> = {};
  for (const [name, schema] of Object.entries(schemas)) {
    const result = schema.safeParse(raw[name]);
    if (!result.success) return { ok: false, response: badRequestFrom(result.error) };
    parsed[name] = result.data;
  }
  return { ok: true, data: parsed };
}

export async function loadSettings(tx: Transaction): Promise<SettingsRecord> {
  const settings = await tx.settings.get('settings');
  if (settings === undefined) throw new Error('The store has not been seeded');
  return settings;
}

export function nowFor(settings: SettingsRecord): number {
  return Date.now() + settings.clockOffsetMs;
}

/** Writes one audit entry (PDL-style: who, where, when, what, which patient by opaque id). */
export async function audit(
  tx: Transaction,
  at: number,
  action: AuditRecord['action'],
  who: Omit<AuditRecord, 'id' | 'at' | 'action'>,
): Promise<void> {
  auditSequence += 1;
  // Ids sort in the order the entries were written, also within one millisecond.
  const id = `${String(auditSequence).padStart(9, '0')}-${crypto.randomUUID()}`;
  await tx.audit.put({ id, at, action, ...who });
}
let auditSequence = 0;

/**
 * Logs a care user's access to a patient's data (PDL): who, with which role and for which
 * purpose, on which unit, which patient (by opaque id) and certificate. Test persons are not
 * logged, as Webcert does.
 */
export async function auditAccess(
  tx: Transaction,
  auth: Pick<Auth, 'user' | 'unit' | 'now'>,
  action: AuditRecord['action'],
  patient: Pick<PatientRecord, 'id' | 'testIndicated'>,
  certificateId?: string,
): Promise<void> {
  if (patient.testIndicated) return;
  await audit(tx, auth.now, action, {
    userId: auth.user.id,
    unitHsaId: auth.unit.hsaId,
    patientId: patient.id,
    ...(certificateId === undefined ? {} : { certificateId }),
    role: auth.user.role,
    purpose: 'Vård och behandling',
  });
}

/** A session ends this long after its log-in, however active the user has been. */
export const SESSION_MAX_LIFETIME_MS = 12 * 60 * 60 * 1000;
/** At most this many live sessions per user; a new log-in ends the oldest. */
export const MAX_SESSIONS_PER_USER = 5;

export const sessionMessages = {
  unauthenticated: 'Du är inte inloggad. Logga in för att fortsätta.',
  expired:
    'Du har loggats ut eftersom du varit inaktiv en längre tid. Logga in igen för att fortsätta.',
  unitNotChosen: 'Välj vårdenhet innan du fortsätter.',
  lifetimeOver:
    'Du har loggats ut eftersom det har gått 12 timmar sedan du loggade in. Logga in igen för att fortsätta.',
} as const;

/** Why a session may no longer be used at `now`, or undefined while it is live. */
export function sessionEndReason(
  session: SessionRecord,
  settings: SettingsRecord,
  now: number,
): 'lifetime' | 'idle' | undefined {
  if (now - session.createdAt >= SESSION_MAX_LIFETIME_MS) return 'lifetime';
  if (now - session.lastSeenAt >= settings.sessionIdleSeconds * 1000) return 'idle';
  return undefined;
}

function bearerToken(request: Request): string | undefined {
  const header = request.headers.get('authorization') ?? '';
  const match = /^Bearer\s+(\S+)$/.exec(header);
  return match?.[1];
}

export type Authenticated<A> = { ok: true; auth: A } | { ok: false; response: Response };

/** The live session of the request, of any principal, with the settings and the clock. */
export async function liveSession(
  tx: Transaction,
  request: Request,
  touch: boolean,
): Promise<Authenticated<{ session: SessionRecord; settings: SettingsRecord; now: number }>> {
  const settings = await loadSettings(tx);
  const now = nowFor(settings);
  const token = bearerToken(request);
  const session = token === undefined ? undefined : await tx.sessions.get(token);
  if (session === undefined) {
    return {
      ok: false,
      response: errorResponse(401, apiErrorCodes.unauthenticated, sessionMessages.unauthenticated),
    };
  }
  const endReason = sessionEndReason(session, settings, now);
  if (endReason !== undefined) {
    await tx.sessions.delete(session.id);
    await audit(tx, now, 'session-expired', {
      userId: session.userId,
      unitHsaId: session.unitHsaId,
    });
    const message =
      endReason === 'lifetime' ? sessionMessages.lifetimeOver : sessionMessages.expired;
    return {
      ok: false,
      response: errorResponse(401, apiErrorCodes.sessionExpired, message),
    };
  }
  const current = touch ? { ...session, lastSeenAt: now } : session;
  if (touch) await tx.sessions.put(current);
  // Nothing else happens here: time-based work runs as jobs (server/jobs), never on log-in.
  return { ok: true, auth: { session: current, settings, now } };
}

export const principalMessages = {
  wrongPrincipal: 'Du har inte tillgång till den här delen av tjänsten.',
} as const;

interface LiveSession {
  session: SessionRecord;
  settings: SettingsRecord;
  now: number;
}

/** A care user's session: the user, the care unit they logged in at. */
export interface Auth extends LiveSession {
  principal: 'care';
  user: UserRecord;
  unit: CareUnitRecord;
}

/**
 * A care user's session whose care unit is still to be chosen (a user with several units):
 * only the endpoints that answer before the choice (`beforeUnitChoice`) take it.
 */
export interface UnitlessAuth extends LiveSession {
  principal: 'care';
  user: UserRecord;
  unit?: undefined;
}

/** An FK case officer's session, in the FK simulator. */
export interface FkAuth extends LiveSession {
  principal: 'fk';
  officer: FkOfficer;
}

/** A patient's session, in Mina intyg. */
export interface PatientAuth extends LiveSession {
  principal: 'patient';
  patient: PatientRecord;
}

/** An authenticated session of any principal. */
export type AnyAuth = Auth | FkAuth | PatientAuth;

/**
 * The person a live session belongs to, read afresh: the care user and unit, the case officer,
 * or the patient (a deceased one no longer). Undefined when they are gone.
 */
async function personOf(
  tx: Transaction,
  live: LiveSession,
): Promise<AnyAuth | UnitlessAuth | undefined> {
  const { session } = live;
  switch (session.principal) {
    case 'care': {
      const user = await tx.users.get(session.userId);
      if (user === undefined) return undefined;
      if (session.unitHsaId === undefined) return { ...live, principal: 'care', user };
      const unit = await tx.careUnits.get(session.unitHsaId);
      // A unit gone, or no longer the user's: the session ends.
      return unit === undefined || !user.unitHsaIds.includes(unit.hsaId)
        ? undefined
        : { ...live, principal: 'care', user, unit };
    }
    case 'fk': {
      const officer = fkOfficers.find((candidate) => candidate.id === session.userId);
      return officer === undefined ? undefined : { ...live, principal: 'fk', officer };
    }
    case 'patient': {
      const patient = await tx.patients.get(session.userId);
      return patient === undefined || patient.deceased
        ? undefined
        : { ...live, principal: 'patient', patient };
    }
  }
}

/**
 * The one authentication of every principal: the request's live session (401 without one,
 * or when it has ended: idle too long, or past its absolute lifetime), a principal the caller
 * admits (403 for the others': a care session in Mina intyg, say), and the person it belongs
 * to (401, and the session ended, when they are gone). `touch` records the request as the
 * person's activity (a status check or a poll does not). A care session whose unit is still to
 * be chosen is refused (403 UNIT_NOT_CHOSEN) unless `beforeUnitChoice` admits it.
 */
export async function authenticateSession(
  tx: Transaction,
  request: Request,
  principals: readonly SessionRecord['principal'][],
  { touch, beforeUnitChoice = false }: { touch: boolean; beforeUnitChoice?: boolean },
): Promise<Authenticated<AnyAuth | UnitlessAuth>> {
  const live = await liveSession(tx, request, touch);
  if (!live.ok) return live;
  if (!principals.includes(live.auth.session.principal)) {
    return {
      ok: false,
      response: errorResponse(403, apiErrorCodes.forbidden, principalMessages.wrongPrincipal),
    };
  }
  const auth = await personOf(tx, live.auth);
  if (auth === undefined) {
    await tx.sessions.delete(live.auth.session.id);
    return {
      ok: false,
      response: errorResponse(401, apiErrorCodes.unauthenticated, sessionMessages.unauthenticated),
    };
  }
  if (auth.principal === 'care' && auth.unit === undefined && !beforeUnitChoice) {
    return {
      ok: false,
      response: errorResponse(403, apiErrorCodes.unitNotChosen, sessionMessages.unitNotChosen),
    };
  }
  return { ok: true, auth };
}
