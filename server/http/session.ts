import { endpoints } from '../../src/contracts/endpoints';
import { handle } from './endpoint';
import {
  loginOptionsResponseSchema,
  loginRequestSchema,
  loginResponseSchema,
  sessionPingResponseSchema,
  sessionSchema,
  type Session,
} from '../../src/contracts/session';
import { apiErrorCodes } from '../../src/contracts/common';
import type { Database, Transaction } from '../store/store';
import { swedishDay } from '../domain/clock';
import type { CareUnitRecord, SettingsRecord, UserRecord } from '../store/schema';
import {
  audit,
  authenticate,
  errorResponse,
  jsonResponse,
  loadSettings,
  MAX_SESSIONS_PER_USER,
  nowFor,
  parseJsonBody,
  sessionEndReason,
  SESSION_MAX_LIFETIME_MS,
  type Auth,
} from './support';

function toUser({ id, hsaId, name, role, title }: UserRecord): Session['user'] {
  return { id, hsaId, name, role, title };
}

function toUnit({
  hsaId,
  name,
  postalAddress,
  postcode,
  city,
  phone,
  careProvider,
}: CareUnitRecord) {
  return { hsaId, name, postalAddress, postcode, city, phone, careProvider };
}

function toSession(
  user: UserRecord,
  unit: CareUnitRecord,
  settings: SettingsRecord,
  now: number,
): Session {
  return {
    user: toUser(user),
    unit: toUnit(unit),
    settings: {
      idleTimeoutSeconds: settings.sessionIdleSeconds,
      warningSeconds: settings.sessionWarningSeconds,
    },
    today: swedishDay(now),
  };
}

/** Until the session ends: when idle for the configured time, or at its absolute lifetime. */
function secondsLeft(auth: Auth): number {
  const end = Math.min(
    auth.session.lastSeenAt + auth.settings.sessionIdleSeconds * 1000,
    auth.session.createdAt + SESSION_MAX_LIFETIME_MS,
  );
  return Math.max(0, Math.floor((end - auth.now) / 1000));
}

/**
 * Makes room for one more session of the user: ends the user's sessions that are no longer
 * live, then the oldest live ones until fewer than the per-user bound remain.
 */
async function makeRoomForSession(
  tx: Transaction,
  userId: string,
  settings: SettingsRecord,
  now: number,
): Promise<void> {
  const sessions = (await tx.sessions.getAll()).filter(
    (session) => session.principal === 'care' && session.userId === userId,
  );
  const live = [];
  for (const session of sessions) {
    if (sessionEndReason(session, settings, now) === undefined) {
      live.push(session);
    } else {
      await tx.sessions.delete(session.id);
      await audit(tx, now, 'session-expired', { userId, unitHsaId: session.unitHsaId });
    }
  }
  live.sort((a, b) => a.createdAt - b.createdAt);
  for (const session of live.slice(0, Math.max(0, live.length - (MAX_SESSIONS_PER_USER - 1)))) {
    await tx.sessions.delete(session.id);
    await audit(tx, now, 'session-evicted', { userId, unitHsaId: session.unitHsaId });
  }
}

export function sessionHandlers(db: Database) {
  return [
    /** The test identity provider's list: everyone who may log in, and where. */
    handle(endpoints.listLoginOptions, async () => {
      const options = await db.read(async (tx) => {
        const [users, units] = await Promise.all([tx.users.getAll(), tx.careUnits.getAll()]);
        return users.flatMap((user) =>
          units
            .filter((unit) => user.unitHsaIds.includes(unit.hsaId))
            .map((unit) => ({ user: toUser(user), unit: toUnit(unit) })),
        );
      });
      return jsonResponse(loginOptionsResponseSchema, { options });
    }),

    handle(endpoints.login, async ({ request }) => {
      const body = await parseJsonBody(request, loginRequestSchema);
      if (!body.ok) return body.response;
      return db.write(async (tx) => {
        const settings = await loadSettings(tx);
        const user = await tx.users.get(body.data.userId);
        const unit = await tx.careUnits.get(body.data.unitHsaId);
        if (user === undefined || unit === undefined || !user.unitHsaIds.includes(unit.hsaId)) {
          return errorResponse(
            403,
            apiErrorCodes.forbidden,
            'Användaren saknar uppdrag på den valda vårdenheten.',
          );
        }
        const now = nowFor(settings);
        await makeRoomForSession(tx, user.id, settings, now);
        const token = `${crypto.randomUUID()}${crypto.randomUUID()}`.replaceAll('-', '');
        await tx.sessions.put({
          id: token,
          principal: 'care',
          userId: user.id,
          unitHsaId: unit.hsaId,
          createdAt: now,
          lastSeenAt: now,
        });
        await audit(tx, now, 'login', { userId: user.id, unitHsaId: unit.hsaId });
        return jsonResponse(loginResponseSchema, {
          token,
          session: toSession(user, unit, settings, now),
        });
      });
    }),

    handle(endpoints.logout, async ({ request }) =>
      db.write(async (tx) => {
        const result = await authenticate(tx, request, { touch: false });
        if (!result.ok) return result.response;
        const { session, now } = result.auth;
        await tx.sessions.delete(session.id);
        await audit(tx, now, 'logout', { userId: session.userId, unitHsaId: session.unitHsaId });
        return new Response(null, { status: 204 });
      }),
    ),

    handle(endpoints.getSession, async ({ request }) =>
      db.write(async (tx) => {
        const result = await authenticate(tx, request);
        if (!result.ok) return result.response;
        const { user, unit, settings, now } = result.auth;
        return jsonResponse(sessionSchema, toSession(user, unit, settings, now));
      }),
    ),

    /** How long the session has left, without counting as activity. */
    handle(endpoints.getSessionStatus, async ({ request }) =>
      db.write(async (tx) => {
        const result = await authenticate(tx, request, { touch: false });
        if (!result.ok) return result.response;
        return jsonResponse(sessionPingResponseSchema, { secondsLeft: secondsLeft(result.auth) });
      }),
    ),

    /** The user is active: extend the session. */
    handle(endpoints.keepSessionAlive, async ({ request }) =>
      db.write(async (tx) => {
        const result = await authenticate(tx, request);
        if (!result.ok) return result.response;
        return jsonResponse(sessionPingResponseSchema, { secondsLeft: secondsLeft(result.auth) });
      }),
    ),
  ];
}
