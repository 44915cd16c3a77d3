import type { FmbPeriod, FmbTypfall } from '../../../src/contracts/fmb';
import { toEpochDay } from '../../../src/form-engine';
import { countText } from '../../../src/language/swedish';

/**
 * Socialstyrelsen's FMB applied as Webcert applies it, as pure rules: a diagnosis code is
 * shortened from the right, down to three characters, until it matches an FMB code; the
 * largest recommendation (in days) over the certificate's diagnoses is the one that counts;
 * the days counted are the proposed periods (inclusive, overlaps merged, degree ignored) plus
 * the patient's ongoing sick leave on the unit (certificates whose periods follow within 5 days
 * of each other); a total strictly above the recommendation warns, a recommendation of 0
 * warns for any sick leave, and no number means no warning.
 */

/** At most this many days without sick leave between two certificates of one sick leave. */
export const MAX_GAP_DAYS = 5;

export interface FmbIndex {
  /** The FMB diagnosis documents' headings, by code. */
  headings: ReadonlyMap<string, string>;
  /** The typfall that list each code. */
  typfall: ReadonlyMap<string, readonly FmbTypfall[]>;
  /** The newest record's date. */
  snapshot: string;
}

/** The FMB code a certificate's code matches, shortening it from the right to 3 characters. */
export function matchFmbCode(code: string, index: Pick<FmbIndex, 'headings' | 'typfall'>) {
  const compact = code.trim().toUpperCase().replace('.', '');
  for (let length = compact.length; length >= 3; length -= 1) {
    const candidate = compact.slice(0, length);
    if (index.headings.has(candidate) || index.typfall.has(candidate)) return candidate;
  }
  return undefined;
}

/** The heading of a matched code: its own document's, else its category's. */
export function headingOf(matched: string, index: Pick<FmbIndex, 'headings'>): string | undefined {
  return index.headings.get(matched) ?? index.headings.get(matched.slice(0, 3));
}

/** Typfall sorted by length, shortest first; those without a number last. */
export function sortTypfall(typfall: readonly FmbTypfall[]): FmbTypfall[] {
  return [...typfall].sort(
    (a, b) =>
      (a.maxDays ?? Number.POSITIVE_INFINITY) - (b.maxDays ?? Number.POSITIVE_INFINITY) ||
      Number(a.id) - Number(b.id),
  );
}

export interface Recommendation {
  code: string;
  matchedCode: string;
  heading: string;
  maxDays: number;
}

/** The largest recommendation over the codes; undefined when none gives a number. */
export function largestRecommendation(
  codes: readonly string[],
  index: FmbIndex,
): Recommendation | undefined {
  let best: Recommendation | undefined;
  for (const code of codes) {
    const matched = matchFmbCode(code, index);
    if (matched === undefined) continue;
    const numbers = (index.typfall.get(matched) ?? []).flatMap((typfall) =>
      typfall.maxDays === undefined ? [] : [typfall.maxDays],
    );
    if (numbers.length === 0) continue;
    const maxDays = Math.max(...numbers);
    if (best === undefined || maxDays > best.maxDays) {
      best = { code, matchedCode: matched, heading: headingOf(matched, index) ?? matched, maxDays };
    }
  }
  return best;
}

/** A period as epoch days, both ends inclusive; undefined for a period that is no period. */
interface Span {
  from: number;
  to: number;
}

function spanOf(period: FmbPeriod): Span | undefined {
  const from = toEpochDay(period.from);
  const to = toEpochDay(period.to);
  if (from === null || to === null || to < from) return undefined;
  return { from, to };
}

/** Merges overlapping and adjacent spans. */
function merge(spans: readonly Span[]): Span[] {
  const sorted = [...spans].sort((a, b) => a.from - b.from);
  const merged: Span[] = [];
  for (const span of sorted) {
    const last = merged.at(-1);
    if (last !== undefined && span.from <= last.to + 1) last.to = Math.max(last.to, span.to);
    else merged.push({ ...span });
  }
  return merged;
}

/** Days in the periods: both ends counted, overlaps counted once, the degree ignored. */
export function sickLeaveDays(periods: readonly FmbPeriod[]): number {
  const spans = periods.flatMap((period) => {
    const span = spanOf(period);
    return span === undefined ? [] : [span];
  });
  return merge(spans).reduce((total, span) => total + span.to - span.from + 1, 0);
}

/** Days without sick leave between two sets of spans (0 when they touch or overlap). */
function gapBetween(a: readonly Span[], b: readonly Span[]): number {
  let gap = Number.POSITIVE_INFINITY;
  for (const x of a) {
    for (const y of b) {
      const between = Math.max(y.from - x.to - 1, x.from - y.to - 1, 0);
      gap = Math.min(gap, between);
    }
  }
  return gap;
}

/**
 * The sick leave the proposed periods belong to: them, and every earlier certificate's
 * periods linked to them by gaps of at most 5 days, certificate by certificate.
 */
export function ongoingSickLeave(
  proposed: readonly FmbPeriod[],
  others: readonly (readonly FmbPeriod[])[],
): { proposedDays: number; ongoingDays: number; totalDays: number } {
  const toSpans = (periods: readonly FmbPeriod[]) =>
    periods.flatMap((period) => {
      const span = spanOf(period);
      return span === undefined ? [] : [span];
    });
  let chain = toSpans(proposed);
  const proposedDays = sickLeaveDays(proposed);
  if (chain.length === 0) return { proposedDays, ongoingDays: 0, totalDays: 0 };
  const remaining = others.map(toSpans).filter((spans) => spans.length > 0);
  let joined = true;
  while (joined) {
    joined = false;
    for (let i = remaining.length - 1; i >= 0; i -= 1) {
      const spans = remaining[i];
      if (spans !== undefined && gapBetween(chain, spans) <= MAX_GAP_DAYS) {
        chain = [...chain, ...spans];
        remaining.splice(i, 1);
        joined = true;
      }
    }
  }
  const totalDays = merge(chain).reduce((total, span) => total + span.to - span.from + 1, 0);
  return { proposedDays, ongoingDays: totalDays - proposedDays, totalDays };
}

/** Whether the total sick leave exceeds the recommendation, and the Swedish warning if so. */
export function sickLeaveWarning(
  recommendation: Recommendation | undefined,
  totalDays: number,
): string | undefined {
  if (recommendation === undefined || totalDays === 0) return undefined;
  const { code, heading, maxDays } = recommendation;
  if (maxDays === 0) {
    return `FMB rekommenderar ingen sjukskrivning för diagnosen ${code} (${heading}). Den totala sjukskrivningstiden är ${countText(totalDays, 'dag', 'dagar')}.`;
  }
  if (totalDays <= maxDays) return undefined;
  return `Den totala sjukskrivningstiden, ${countText(totalDays, 'dag', 'dagar')}, är längre än FMB:s rekommendation på ${countText(maxDays, 'dag', 'dagar')} för diagnosen ${code} (${heading}).`;
}
