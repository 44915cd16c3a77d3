/**
 * The backend's clock, read through the settings' offset (testers move it). Dates are the
 * care unit's calendar day in Sweden, whatever time zone the browser or CI runs in.
 */

const swedishDate = new Intl.DateTimeFormat('sv-SE', {
  timeZone: 'Europe/Stockholm',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** 'YYYY-MM-DD' in Sweden at the instant `now` (ms since the epoch). */
export function swedishDay(now: number): string {
  return swedishDate.format(new Date(now));
}

export function isoInstant(now: number): string {
  return new Date(now).toISOString();
}

/** Whole calendar days from Swedish day `from` to Swedish day `to` (both 'YYYY-MM-DD'). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T12:00:00Z`) - Date.parse(`${from}T12:00:00Z`)) / 86_400_000);
}
