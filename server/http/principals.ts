import type { SessionRecord, SettingsRecord } from '../store/schema';
import type { Transaction } from '../store/store';
import { audit, MAX_SESSIONS_PER_USER, sessionEndReason } from './support';

/**
 * The one session stack of every principal — a care user, an FK case officer in the
 * simulator, a patient in Mina intyg: the same token, the same per-person bound on live
 * sessions, the same audit entries at log-in and log-out. What differs (who may log in, what
 * the session answers with) stays in each log-in handler; authentication is `liveSession` and
 * the principal's resolver in ./support.ts, the guard order in ./guard.ts.
 */

export type Principal = SessionRecord['principal'];

export interface Person {
  principal: Principal;
  /** The user's, the officer's or the patient's record id. */
  userId: string;
  /** The care unit (care) or FK's office (fk); a patient's session has none. */
  unitHsaId?: string;
}

/** What the audit log says of a session: who, as which principal, where. */
function auditDetails(person: Person) {
  return {
    ...(person.principal === 'care' ? {} : { principal: person.principal }),
    userId: person.userId,
    ...(person.unitHsaId === undefined ? {} : { unitHsaId: person.unitHsaId }),
    ...(person.principal === 'patient' ? { patientId: person.userId } : {}),
  };
}

/** A bearer token: 256 random bits, never derived from anything about the person. */
function newToken(): string {
  return `${crypto.randomUUID()}${crypto.randomUUID()}`.replaceAll('-', '');
}

/**
 * Makes room for one more session of the person: ends their sessions that are no longer live,
 * then their oldest live ones until fewer than the per-person bound remain.
 */
async function makeRoomForSession(
  tx: Transaction,
  person: Person,
  settings: SettingsRecord,
  now: number,
): Promise<void> {
  const sessions = (await tx.sessions.getAll()).filter(
    (session) => session.principal === person.principal && session.userId === person.userId,
  );
  const live: SessionRecord[] = [];
  for (const session of sessions) {
    if (sessionEndReason(session, settings, now) === undefined) {
      live.push(session);
    } else {
      await tx.sessions.delete(session.id);
      await audit(tx, now, 'session-expired', auditDetails({ ...person, ...unitOf(session) }));
    }
  }
  live.sort((a, b) => a.createdAt - b.createdAt);
  for (const session of live.slice(0, Math.max(0, live.length - (MAX_SESSIONS_PER_USER - 1)))) {
    await tx.sessions.delete(session.id);
    await audit(tx, now, 'session-evicted', auditDetails({ ...person, ...unitOf(session) }));
  }
}

function unitOf(session: SessionRecord): { unitHsaId?: string } {
  return session.unitHsaId === undefined ? {} : { unitHsaId: session.unitHsaId };
}

/** Logs a person in: a new session (within the bound), audited; answers its token. */
export async function openSession(
  tx: Transaction,
  person: Person,
  settings: SettingsRecord,
  now: number,
): Promise<string> {
  await makeRoomForSession(tx, person, settings, now);
  const token = newToken();
  await tx.sessions.put({
    id: token,
    principal: person.principal,
    userId: person.userId,
    ...(person.unitHsaId === undefined ? {} : { unitHsaId: person.unitHsaId }),
    createdAt: now,
    lastSeenAt: now,
  });
  await audit(tx, now, 'login', auditDetails(person));
  return token;
}

/** Logs the session's person out: the session ends, audited. */
export async function closeSession(
  tx: Transaction,
  session: SessionRecord,
  now: number,
): Promise<void> {
  await tx.sessions.delete(session.id);
  await audit(
    tx,
    now,
    'logout',
    auditDetails({ principal: session.principal, userId: session.userId, ...unitOf(session) }),
  );
}
