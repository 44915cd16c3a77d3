/**
 * When the server last saw this tab's user active: every successful authenticated request
 * counts. The idle guard reads it to know when to warn.
 */
let lastActivity = Date.now();
const listeners = new Set<() => void>();

export function recordSessionActivity(at: number = Date.now()): void {
  lastActivity = at;
  for (const listener of listeners) listener();
}

export function getLastSessionActivity(): number {
  return lastActivity;
}

export function subscribeToSessionActivity(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
