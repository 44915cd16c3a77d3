/**
 * Sick-leave and period maths. Periods are inclusive on both ends: a period from
 * 2025-01-01 to 2025-01-01 is one day, and two periods that share a day overlap.
 */
import { countText } from '../language/swedish';
import { addDays, fromEpochDay, isIsoDate, toEpochDay, type IsoDate } from './dates';

export interface DatePeriod {
  from: string;
  to: string;
}

/** FK 7804 (KV_FKMU_0003): degree of reduced work capacity, in percent. */
export const SICK_LEAVE_DEGREES = {
  EN_FJARDEDEL: 25,
  HALFTEN: 50,
  TRE_FJARDEDEL: 75,
  HELT_NEDSATT: 100,
} as const;

/** FK 7472 (KV_FKMU_0008): share of the ordinary care time, in percent. */
export const PARENTAL_CARE_SHARES = {
  EN_ATTONDEL: 12.5,
  EN_FJARDEDEL: 25,
  HALVA: 50,
  TRE_FJARDEDELAR: 75,
  HELA: 100,
} as const;

export const MAX_WORKING_HOURS_PER_WEEK = 168;
export const WORKING_HOURS_INVALID_MESSAGE =
  'Ange ett giltigt antal arbetstimmar. Arbetstiden kan inte överstiga 168 timmar per vecka.';

interface EpochPeriod {
  index: number;
  from: number;
  to: number;
}

function toEpochPeriod(period: DatePeriod, index: number): EpochPeriod | null {
  const from = toEpochDay(period.from);
  const to = toEpochDay(period.to);
  if (from === null || to === null || to < from) return null;
  return { index, from, to };
}

/** Both ends are ISO dates and the end is not before the start. */
export function isCompletePeriod(period: DatePeriod): boolean {
  return toEpochPeriod(period, 0) !== null;
}

/** Length of one period in days, both ends included; null when the period is not complete. */
export function periodLengthInDays(period: DatePeriod): number | null {
  const epoch = toEpochPeriod(period, 0);
  return epoch ? epoch.to - epoch.from + 1 : null;
}

/** True when two periods share at least one day. */
export function periodsOverlap(a: DatePeriod, b: DatePeriod): boolean {
  const first = toEpochPeriod(a, 0);
  const second = toEpochPeriod(b, 1);
  if (!first || !second) return false;
  return first.from <= second.to && second.from <= first.to;
}

/**
 * Index pairs [i, j] (i < j) of complete periods that share a day.
 * Incomplete periods are skipped (they get their own "Ange ett datum." errors).
 */
export function findOverlappingPeriods(periods: readonly DatePeriod[]): Array<[number, number]> {
  const complete = periods
    .map((period, index) => toEpochPeriod(period, index))
    .filter((period): period is EpochPeriod => period !== null);
  const pairs: Array<[number, number]> = [];
  for (let i = 0; i < complete.length; i += 1) {
    for (let j = i + 1; j < complete.length; j += 1) {
      const a = complete[i];
      const b = complete[j];
      if (a && b && a.from <= b.to && b.from <= a.to) pairs.push([a.index, b.index]);
    }
  }
  return pairs;
}

/**
 * Number of distinct calendar days covered by the complete periods. For valid (non-overlapping)
 * periods this is the sum of their lengths; overlapping days are counted once.
 */
export function totalDays(periods: readonly DatePeriod[]): number {
  const sorted = periods
    .map((period, index) => toEpochPeriod(period, index))
    .filter((period): period is EpochPeriod => period !== null)
    .sort((a, b) => a.from - b.from);
  let total = 0;
  let coveredUntil = Number.NEGATIVE_INFINITY;
  for (const period of sorted) {
    const start = Math.max(period.from, coveredUntil + 1);
    if (period.to >= start) total += period.to - start + 1;
    coveredUntil = Math.max(coveredUntil, period.to);
  }
  return total;
}

export interface SickLeaveSummary {
  /** Distinct days covered (see totalDays). */
  totalDays: number;
  firstDay: IsoDate;
  lastDay: IsoDate;
  /** Number of complete periods. */
  periodCount: number;
  /** "Intyget motsvarar en period på N dagar." */
  text: string;
}

/** The "Intyget motsvarar en period på N dagar." sentence. */
export function formatTotalDaysText(days: number): string {
  return `Intyget motsvarar en period på ${countText(days, 'dag', 'dagar')}.`;
}

/** Summary of the complete periods, or null when there is none. */
export function summarizePeriods(periods: readonly DatePeriod[]): SickLeaveSummary | null {
  const complete = periods
    .map((period, index) => toEpochPeriod(period, index))
    .filter((period): period is EpochPeriod => period !== null);
  if (complete.length === 0) return null;
  const first = Math.min(...complete.map((period) => period.from));
  const last = Math.max(...complete.map((period) => period.to));
  const days = totalDays(periods);
  return {
    totalDays: days,
    firstDay: fromEpochDay(first),
    lastDay: fromEpochDay(last),
    periodCount: complete.length,
    text: formatTotalDaysText(days),
  };
}

/**
 * Hours per week the patient still works during a period with `reducedPercent` reduction
 * (e.g. 40 h/week at 25 % → 30). Null for an invalid number of hours.
 */
export function remainingWorkingHours(hoursPerWeek: number, reducedPercent: number): number | null {
  if (!isValidWorkingHours(hoursPerWeek)) return null;
  return Math.round(hoursPerWeek * (100 - reducedPercent)) / 100;
}

export function isValidWorkingHours(hoursPerWeek: number): boolean {
  return (
    Number.isFinite(hoursPerWeek) && hoursPerWeek >= 0 && hoursPerWeek <= MAX_WORKING_HOURS_PER_WEEK
  );
}

/** How far back a renewed certificate's period may have ended and still be continued. */
export const CONTINUATION_MAX_DAYS_BACK = 7;

/**
 * Where a new period starts: the day after the latest end among the periods on screen, or else
 * after the latest end among the renewed certificate's periods (a renewal continues the sick
 * leave and never overlaps it), or today. A renewed period that ended more than a week before
 * today is no longer continued: the new one starts today.
 */
export function nextPeriodStart(
  rows: readonly DatePeriod[],
  today: IsoDate,
  renewed: readonly DatePeriod[] = [],
): IsoDate {
  const latestEnd = (periods: readonly DatePeriod[]) =>
    periods
      .map((period) => period.to)
      .filter((to) => isIsoDate(to))
      .reduce<IsoDate | undefined>((a, b) => (a === undefined || b > a ? b : a), undefined);
  const own = latestEnd(rows);
  if (own !== undefined) return addDays(own, 1);
  const previous = latestEnd(renewed);
  if (previous === undefined) return today;
  const continued = addDays(previous, 1);
  return continued < addDays(today, -CONTINUATION_MAX_DAYS_BACK) ? today : continued;
}
