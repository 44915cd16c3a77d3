import { endpoints } from '../../src/contracts/endpoints';
import {
  loginOptionsResponseSchema,
  loginResponseSchema,
  sessionPingResponseSchema,
  sessionSchema,
  type Session,
} from '../../src/contracts/session';
import { apiErrorCodes } from '../../src/contracts/common';
import type { Database } from '../store/store';
import { swedishDay } from '../domain/clock';
import type { CareUnitRecord, SettingsRecord, UserRecord } from '../store/schema';
import { serve, servePublic } from './guard';
import {
  errorResponse,
  jsonResponse,
  loadSettings,
  nowFor,
  SESSION_MAX_LIFETIME_MS,
  type Auth,
} from './support';
import { closeSession, openSession } from './principals';

function toUser({ id, hsaId, name, role, title }: UserRecord): Session['user'] {
  return { id, hsaId, name, role, title };
}

export function toUnit({
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

export function toSession(
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
function secondsLeft(auth: Pick<Auth, 'session' | 'settings' | 'now'>): number {
  const end = Math.min(
    auth.session.lastSeenAt + auth.settings.sessionIdleSeconds * 1000,
    auth.session.createdAt + SESSION_MAX_LIFETIME_MS,
  );
  return Math.max(0, Math.floor((end - auth.now) / 1000));
}

export const careUnitMessages = {
  notAssigned: 'Användaren saknar uppdrag på den valda vårdenheten.',
} as const;

export function sessionHandlers(db: Database) {
  return [
    /** The test identity provider's list: everyone who may log in, once, and where. */
    servePublic(endpoints.listLoginOptions, async () => {
      const options = await db.read(async (tx) => {
        const [users, units] = await Promise.all([tx.users.getAll(), tx.careUnits.getAll()]);
        return users.flatMap((user) => {
          const theirs = units.filter((unit) => user.unitHsaIds.includes(unit.hsaId));
          return theirs.length === 0 ? [] : [{ user: toUser(user), units: theirs.map(toUnit) }];
        });
      });
      return jsonResponse(loginOptionsResponseSchema, { options });
    }),

    servePublic(endpoints.login, async ({ body }) =>
      db.write(async (tx) => {
        const settings = await loadSettings(tx);
        const user = await tx.users.get(body.userId);
        // The unit named, or the user's only one; with several and none named, chosen next.
        const [only, ...others] = user?.unitHsaIds ?? [];
        const unitHsaId = body.unitHsaId ?? (others.length === 0 ? only : undefined);
        const unit = unitHsaId === undefined ? undefined : await tx.careUnits.get(unitHsaId);
        const assigned = unit !== undefined && user?.unitHsaIds.includes(unit.hsaId) === true;
        if (user === undefined || only === undefined || (unitHsaId !== undefined && !assigned)) {
          return errorResponse(403, apiErrorCodes.forbidden, careUnitMessages.notAssigned);
        }
        const now = nowFor(settings);
        const token = await openSession(
          tx,
          {
            principal: 'care',
            userId: user.id,
            ...(unit === undefined ? {} : { unitHsaId: unit.hsaId }),
          },
          settings,
          now,
        );
        return jsonResponse(loginResponseSchema, {
          token,
          ...(unit === undefined ? {} : { session: toSession(user, unit, settings, now) }),
        });
      }),
    ),

    serve(db, endpoints.logout, { touch: false }, async ({ auth }) => {
      await db.write((tx) => closeSession(tx, auth.session, auth.now));
      return new Response(null, { status: 204 });
    }),

    serve(db, endpoints.getSession, ({ auth }) =>
      Promise.resolve(
        jsonResponse(sessionSchema, toSession(auth.user, auth.unit, auth.settings, auth.now)),
      ),
    ),

    /** How long the session has left, without counting as activity. */
    serve(db, endpoints.getSessionStatus, { touch: false }, ({ auth }) =>
      Promise.resolve(jsonResponse(sessionPingResponseSchema, { secondsLeft: secondsLeft(auth) })),
    ),

    /** The user is active: extend the session. */
    serve(db, endpoints.keepSessionAlive, ({ auth }) =>
      Promise.resolve(jsonResponse(sessionPingResponseSchema, { secondsLeft: secondsLeft(auth) })),
    ),
  ];
}
