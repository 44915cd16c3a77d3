import { afterEach, describe, expect, it, vi } from 'vitest';
import { asAnotherTab } from '../testing/other-tab';
import {
  endSession,
  forgetAllSessions,
  isCurrentSession,
  readSession,
  startSession,
  subscribeToSessionChanges,
  type SessionChange,
} from './session-store';

afterEach(() => forgetAllSessions());

const careToken = 'care-token-0123456789';

describe('the session store', () => {
  it('keeps a log-in where every tab of the browser reads it, and nowhere tab-bound', () => {
    const started = startSession('care', careToken);
    expect(readSession('care')).toEqual(started);
    expect(started.token).toBe(careToken);
    expect(window.sessionStorage.length).toBe(0);
    // What a new tab finds: the same session, read from localStorage.
    expect(Object.keys(window.localStorage)).toEqual(['intyga.session.care']);
  });

  it("keeps each principal's session apart, so care and FK can be logged in side by side", () => {
    const care = startSession('care', careToken);
    const fk = startSession('fk', 'fk-token-0123456789');
    expect(readSession('care')).toEqual(care);
    expect(readSession('fk')).toEqual(fk);
    expect(readSession('patient')).toBeUndefined();
    endSession('fk', 'logged-out');
    expect(readSession('care')).toEqual(care);
    expect(readSession('fk')).toBeUndefined();
  });

  it('keeps only a marker when the session travels in an HttpOnly cookie', () => {
    const started = startSession('care', undefined);
    expect(readSession('care')).toEqual({ kind: 'care', id: started.id, token: undefined });
    expect(window.localStorage.getItem('intyga.session.care')).not.toContain('token');
  });

  it('ends a session with its reason, and answers the session that ended', () => {
    const started = startSession('care', careToken);
    expect(isCurrentSession(started)).toBe(true);
    expect(endSession('care', 'expired')).toEqual(started);
    expect(readSession('care')).toBeUndefined();
    expect(isCurrentSession(started)).toBe(false);
    // Ending what has already ended changes nothing: the first reason stays.
    expect(endSession('care', 'unauthenticated')).toBeUndefined();
    expect(window.localStorage.getItem('intyga.session.care')).toContain('expired');
  });

  it('tells a new log-in from the one before it', () => {
    const first = startSession('care', careToken);
    const second = startSession('care', careToken);
    expect(second.id).not.toBe(first.id);
    expect(isCurrentSession(first)).toBe(false);
    expect(isCurrentSession(second)).toBe(true);
  });

  it('takes nothing it did not write for a session', () => {
    window.localStorage.setItem('intyga.session.care', '{"state":"live","token":"x"}');
    expect(readSession('care')).toBeUndefined();
    window.localStorage.setItem('intyga.session.fk', 'not json');
    expect(readSession('fk')).toBeUndefined();
  });
});

describe("another tab's log-in and log-out", () => {
  it('reach this tab, with the reason a session ended', async () => {
    startSession('care', careToken);
    const changes: SessionChange[] = [];
    const unsubscribe = subscribeToSessionChanges((change) => changes.push(change));

    await asAnotherTab(() => endSession('care', 'logged-out'));
    expect(changes).toEqual([{ kind: 'care', session: undefined, reason: 'logged-out' }]);

    let fk: ReturnType<typeof startSession> | undefined;
    await asAnotherTab(() => {
      fk = startSession('fk', undefined);
    });
    expect(changes.at(-1)).toEqual({ kind: 'fk', session: fk, reason: undefined });

    // The other tab cleared the storage (one event, without a key): every session is gone.
    window.localStorage.clear();
    window.dispatchEvent(
      new StorageEvent('storage', { key: null, storageArea: window.localStorage }),
    );
    expect(changes.slice(-3)).toEqual([
      { kind: 'care', session: undefined, reason: 'unauthenticated' },
      { kind: 'fk', session: undefined, reason: 'unauthenticated' },
      { kind: 'patient', session: undefined, reason: 'unauthenticated' },
    ]);
    unsubscribe();
  });

  it("are not this tab's own changes, and other keys are not sessions", async () => {
    const listener = vi.fn();
    const unsubscribe = subscribeToSessionChanges(listener);
    startSession('care', careToken);
    endSession('care', 'logged-out');
    await asAnotherTab(() => window.localStorage.setItem('intyga.draft-backup', '{}'));
    expect(listener).not.toHaveBeenCalled();
    unsubscribe();
    await asAnotherTab(() => startSession('care', careToken));
    expect(listener).not.toHaveBeenCalled();
  });
});
