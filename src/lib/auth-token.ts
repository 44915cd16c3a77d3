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

export function writeAuthToken(token: string | undefined): void {
  try {
    if (token === undefined) window.sessionStorage.removeItem(KEY);
    else window.sessionStorage.setItem(KEY, token);
  } catch {
    // Storage unavailable (private mode quota): the session lasts until the tab reloads.
  }
}
