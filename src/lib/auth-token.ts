/**
 * The session token lives in sessionStorage: it survives a reload of the tab but not the
 * tab itself, and it is sent only in the Authorization header, never in a URL.
 */
const KEY = 'intyga.session-token';

export function readAuthToken(): string | undefined {
  try {
    return window.sessionStorage.getItem(KEY) ?? undefined;
  } catch {
    return undefined;
  }
}

/** The token of a session this tab is ending on purpose (logging out), if any. */
let endingToken: string | undefined;

/**
 * Marks the current session as being ended by this tab. From now on a refusal (401) of a
 * request that carried it is the expected end of that session, not a lost session.
 */
export function markAuthTokenEnding(): void {
  endingToken = readAuthToken();
}

/** True while `token` is this tab's session and the tab is not ending it. */
export function isLiveAuthToken(token: string | undefined): boolean {
  return token !== undefined && token !== endingToken && token === readAuthToken();
}

export function writeAuthToken(token: string | undefined): void {
  endingToken = undefined;
  try {
    if (token === undefined) window.sessionStorage.removeItem(KEY);
    else window.sessionStorage.setItem(KEY, token);
  } catch {
    // Storage unavailable (private mode quota): the session lasts until the tab reloads.
  }
}
