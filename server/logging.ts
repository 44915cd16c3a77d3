/**
 * The backend's log: what went wrong on the server, for whoever runs it. Never in a response.
 * Entries carry an event name and a few plain facts (a collection, an opaque record id, an
 * error's kind); never an identity number, a session token or a record's content.
 * In the browser and in Node (MSW, the Node server) it goes to `console.error`; a home may
 * put its own logger in its place, and tests put one that collects the entries.
 */

export type LogDetails = Readonly<Record<string, string | number | boolean | undefined>>;

export interface ServerLogger {
  error(event: string, details?: LogDetails): void;
}

export const consoleLogger: ServerLogger = {
  error: (event, details = {}) => {
    console.error(`[intyga-backend] ${event}`, details);
  },
};

let current: ServerLogger = consoleLogger;

/** The logger every backend module writes to. */
export const serverLog: ServerLogger = {
  error: (event, details) => current.error(event, details),
};

/** Puts `logger` in place of the current one; returns a function that puts the old one back. */
export function setServerLogger(logger: ServerLogger): () => void {
  const previous = current;
  current = logger;
  return () => {
    current = previous;
  };
}

/** Anything shaped like a Swedish identity number (personnummer, samordningsnummer). */
const IDENTITY_NUMBER = /(?<!\d)(\d{2})?\d{6}[-+]?\d{4}(?!\d)/g;

/** Whether the whole text is shaped like an identity number (an id or a path segment). */
export function isIdentityNumberShaped(text: string): boolean {
  return /^(\d{2})?\d{6}[-+]?\d{4}$/.test(text);
}

/** A text for the log with anything shaped like an identity number blotted out. */
export function withoutIdentityNumbers(text: string): string {
  return text.replace(IDENTITY_NUMBER, '[identitetsnummer]');
}

/** What the log may say about an error: its kind, and its message without identity numbers. */
export function describeError(error: unknown): { kind: string; detail: string } {
  if (error instanceof Error) {
    return { kind: error.name, detail: withoutIdentityNumbers(error.message).slice(0, 500) };
  }
  return { kind: typeof error, detail: '' };
}
