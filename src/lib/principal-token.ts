/**
 * The session token of a principal other than the care user (the FK simulator's case
 * officer, the patient in Mina intyg): its own key in this tab's sessionStorage, apart from
 * the care session's, and sent only in the Authorization header of that principal's calls.
 */
export interface PrincipalToken {
  read(): string | undefined;
  write(token: string | undefined): void;
}

export function principalToken(key: string): PrincipalToken {
  return {
    read() {
      try {
        return window.sessionStorage.getItem(key) ?? undefined;
      } catch {
        return undefined;
      }
    },
    write(token) {
      try {
        if (token === undefined) window.sessionStorage.removeItem(key);
        else window.sessionStorage.setItem(key, token);
      } catch {
        // Storage unavailable: the session lasts until the tab reloads.
      }
    },
  };
}
