/**
 * Calendar-date maths on ISO strings ('YYYY-MM-DD').
 *
 * Everything works on plain calendar dates in UTC arithmetic, so there are no time zones
 * or daylight-saving surprises, and nothing reads the clock: `today` is always passed in.
 * Valid ISO dates compare correctly as strings, which the engine relies on.
 */

/** A calendar date as 'YYYY-MM-DD'. */
export type IsoDate = string;

/** An offset relative to a date (applied as years, then months, then days). */
export interface DateOffset {
  days?: number | undefined;
  months?: number | undefined;
  years?: number | undefined;
}

const MS_PER_DAY = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Dates the engine accepts at all (Webcert's sanity range). */
export const EARLIEST_ALLOWED_DATE: IsoDate = '1900-01-02';
export const LATEST_ALLOWED_DATE: IsoDate = '2099-12-12';

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

interface DateParts {
  year: number;
  month: number;
  day: number;
}

function partsOf(value: string): DateParts | null {
  const match = ISO_DATE.exec(value);
  if (!match) return null;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (year < 1000 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
    return null;
  }
  return { year, month, day };
}

function pad(value: number, length: number): string {
  return String(value).padStart(length, '0');
}

function fromParts({ year, month, day }: DateParts): IsoDate {
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
}

/** True when `value` is a real calendar date written as 'YYYY-MM-DD'. */
export function isIsoDate(value: unknown): value is IsoDate {
  return typeof value === 'string' && partsOf(value) !== null;
}

/** Days since 1970-01-01 for a valid ISO date, otherwise null. */
export function toEpochDay(value: string): number | null {
  const parts = partsOf(value);
  if (!parts) return null;
  return Math.round(Date.UTC(parts.year, parts.month - 1, parts.day) / MS_PER_DAY);
}

export function fromEpochDay(epochDay: number): IsoDate {
  const date = new Date(epochDay * MS_PER_DAY);
  return fromParts({
    year: date.getUTCFullYear(),
    month: date.getUTCMonth() + 1,
    day: date.getUTCDate(),
  });
}

function requireParts(value: IsoDate): DateParts {
  const parts = partsOf(value);
  if (!parts) throw new RangeError(`Not an ISO date: "${value}"`);
  return parts;
}

export function addDays(value: IsoDate, days: number): IsoDate {
  const epochDay = toEpochDay(value);
  if (epochDay === null) throw new RangeError(`Not an ISO date: "${value}"`);
  return fromEpochDay(epochDay + days);
}

/** Adds calendar months; the day is clamped to the end of a shorter month (Jan 31 + 1 → Feb 28/29). */
export function addMonths(value: IsoDate, months: number): IsoDate {
  const { year, month, day } = requireParts(value);
  const monthIndex = year * 12 + (month - 1) + months;
  const newYear = Math.floor(monthIndex / 12);
  const newMonth = monthIndex - newYear * 12 + 1;
  return fromParts({
    year: newYear,
    month: newMonth,
    day: Math.min(day, daysInMonth(newYear, newMonth)),
  });
}

export function addYears(value: IsoDate, years: number): IsoDate {
  return addMonths(value, years * 12);
}

/** Applies an offset: years, then months, then days. */
export function applyOffset(value: IsoDate, offset: DateOffset | undefined): IsoDate {
  if (!offset) return value;
  const months = (offset.years ?? 0) * 12 + (offset.months ?? 0);
  const shifted = months === 0 ? value : addMonths(value, months);
  return offset.days ? addDays(shifted, offset.days) : shifted;
}

/** Number of days from `from` to `to` (negative when `to` is earlier). */
export function differenceInDays(to: IsoDate, from: IsoDate): number {
  const a = toEpochDay(to);
  const b = toEpochDay(from);
  if (a === null || b === null) throw new RangeError('Not ISO dates');
  return a - b;
}

/** Whole years from `birthDate` to `today` (the birthday itself counts). Null if a date is invalid. */
export function ageInYears(birthDate: string, today: IsoDate): number | null {
  const birth = partsOf(birthDate);
  const now = partsOf(today);
  if (!birth || !now) return null;
  let age = now.year - birth.year;
  if (now.month < birth.month || (now.month === birth.month && now.day < birth.day)) age -= 1;
  return age;
}

/** Inside Webcert's sanity range 1900-01-02 … 2099-12-12. */
export function isWithinAllowedRange(value: IsoDate): boolean {
  return value >= EARLIEST_ALLOWED_DATE && value <= LATEST_ALLOWED_DATE;
}

export interface ParseDateInputOptions {
  /** Today's date; 'idag', 'igår' and 'imorgon' resolve against it. */
  today: IsoDate;
  /** Date that shortcuts such as '7d' count from; defaults to `today`. */
  base?: IsoDate | undefined;
  /**
   * 'date' (default): '7d' means base + 7 days, '-2v' base − 14 days.
   * 'periodEnd': the input is the end of a period starting on `base` and the shortcut is the
   * period's length, so '1d' is the base itself, '7d' and '1v' are base + 6 days and '1m'
   * is one calendar month minus a day. Negative or zero lengths are rejected.
   */
  mode?: 'date' | 'periodEnd' | undefined;
}

const SEPARATED_DATE = /^(\d{4})[-/. ](\d{1,2})[-/. ](\d{1,2})$/;
const COMPACT_DATE = /^(\d{4})(\d{2})(\d{2})$/;
const SHORT_COMPACT_DATE = /^(\d{2})(\d{2})(\d{2})$/;
const SUFFIX_SHORTCUT = /^([+-]?)(\d{1,3})\s*([dvwm])$/;
const PREFIX_SHORTCUT = /^([+-]?)([dvwm])(\d{1,3})$/;

function buildDate(year: number, month: number, day: number): IsoDate | null {
  const candidate = fromParts({ year, month, day });
  return isIsoDate(candidate) ? candidate : null;
}

function parseShortcut(input: string): { sign: number; amount: number; unit: string } | null {
  const suffix = SUFFIX_SHORTCUT.exec(input);
  if (suffix) {
    return { sign: suffix[1] === '-' ? -1 : 1, amount: Number(suffix[2]), unit: suffix[3] ?? '' };
  }
  const prefix = PREFIX_SHORTCUT.exec(input);
  if (prefix) {
    return { sign: prefix[1] === '-' ? -1 : 1, amount: Number(prefix[3]), unit: prefix[2] ?? '' };
  }
  return null;
}

/**
 * Turns what a user typed into a date field into an ISO date, or null when it is not a date.
 *
 * Accepted: 'YYYY-MM-DD', 'YYYYMMDD', 'YYYY/MM/DD', 'YYYY.MM.DD', 'YYYY M D' (one- or two-digit
 * month/day with a separator), 'YYMMDD' (read as 20YY), 'idag'/'i dag', 'igår', 'imorgon',
 * and shortcuts relative to `base`: 'Nd' / '+Nd' / 'dN' (days), 'Nv' or 'Nw' (weeks),
 * 'Nm' (calendar months), with an optional '-' for going back (not in 'periodEnd' mode).
 */
export function parseDateInput(input: string, options: ParseDateInputOptions): IsoDate | null {
  const text = input.trim().toLowerCase();
  if (text === '') return null;
  const { today } = options;
  if (!isIsoDate(today)) throw new RangeError(`today is not an ISO date: "${String(today)}"`);
  const base = options.base ?? today;
  const mode = options.mode ?? 'date';

  if (text === 'idag' || text === 'i dag') return today;
  if (text === 'igår' || text === 'i går') return addDays(today, -1);
  if (text === 'imorgon' || text === 'i morgon') return addDays(today, 1);

  const separated = SEPARATED_DATE.exec(text) ?? COMPACT_DATE.exec(text);
  if (separated) {
    return buildDate(Number(separated[1]), Number(separated[2]), Number(separated[3]));
  }
  const short = SHORT_COMPACT_DATE.exec(text);
  if (short) {
    return buildDate(2000 + Number(short[1]), Number(short[2]), Number(short[3]));
  }

  const shortcut = parseShortcut(text);
  if (!shortcut || !isIsoDate(base)) return null;
  const { sign, amount, unit } = shortcut;
  if (mode === 'periodEnd') {
    if (sign < 0 || amount === 0) return null;
    if (unit === 'm') return addDays(addMonths(base, amount), -1);
    const days = unit === 'd' ? amount : amount * 7;
    return addDays(base, days - 1);
  }
  if (unit === 'm') return addMonths(base, sign * amount);
  return addDays(base, sign * (unit === 'd' ? amount : amount * 7));
}
