/** Dates and times as a Swedish reader expects them, in Swedish time. */

const dateFormat = new Intl.DateTimeFormat('sv-SE', {
  timeZone: 'Europe/Stockholm',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
});
const timeFormat = new Intl.DateTimeFormat('sv-SE', {
  timeZone: 'Europe/Stockholm',
  hour: '2-digit',
  minute: '2-digit',
});

/** "2 december 2026" */
export function formatDate(iso: string): string {
  // A bare date is a calendar day: read it at noon so no time zone moves it.
  const instant = /^\d{4}-\d{2}-\d{2}$/.test(iso) ? `${iso}T12:00:00Z` : iso;
  return dateFormat.format(new Date(instant));
}

/** "2 december 2026 kl. 10:42" */
export function formatDateTime(iso: string): string {
  const date = new Date(iso);
  return `${dateFormat.format(date)} kl. ${timeFormat.format(date)}`;
}

/** "10:42" */
export function formatTime(iso: string): string {
  return timeFormat.format(new Date(iso));
}
