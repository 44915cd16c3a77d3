import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  findOverlappingPeriods,
  formatTotalDaysText,
  isCompletePeriod,
  isValidWorkingHours,
  nextPeriodStart,
  periodLengthInDays,
  periodsOverlap,
  remainingWorkingHours,
  summarizePeriods,
  totalDays,
  type DatePeriod,
} from './sick-leave';
import { addDays } from './dates';

describe('periods', () => {
  it('counts both ends of a period', () => {
    expect(periodLengthInDays({ from: '2025-06-16', to: '2025-06-16' })).toBe(1);
    expect(periodLengthInDays({ from: '2025-06-16', to: '2025-06-29' })).toBe(14);
    expect(periodLengthInDays({ from: '2024-02-28', to: '2024-03-01' })).toBe(3);
    expect(periodLengthInDays({ from: '2025-06-16', to: '2025-06-15' })).toBeNull();
    expect(periodLengthInDays({ from: '', to: '2025-06-15' })).toBeNull();
    expect(isCompletePeriod({ from: '2025-06-16', to: '2025-06-16' })).toBe(true);
    expect(isCompletePeriod({ from: '2025-06-16', to: 'x' })).toBe(false);
  });

  it('treats a shared day as overlap', () => {
    const a = { from: '2025-06-01', to: '2025-06-10' };
    expect(periodsOverlap(a, { from: '2025-06-10', to: '2025-06-20' })).toBe(true);
    expect(periodsOverlap(a, { from: '2025-06-11', to: '2025-06-20' })).toBe(false);
    expect(periodsOverlap(a, { from: '2025-05-20', to: '2025-06-01' })).toBe(true);
    expect(periodsOverlap(a, { from: '2025-06-03', to: '2025-06-04' })).toBe(true);
    expect(periodsOverlap(a, { from: '2025-06-03', to: '' })).toBe(false);
  });

  it('lists overlapping pairs of complete periods', () => {
    const periods: DatePeriod[] = [
      { from: '2025-06-01', to: '2025-06-10' },
      { from: '2025-06-11', to: '2025-06-20' },
      { from: '2025-06-20', to: '2025-06-25' },
      { from: '2025-06-05', to: '' },
    ];
    expect(findOverlappingPeriods(periods)).toEqual([[1, 2]]);
  });

  it('sums days of separate periods and counts overlapping days once', () => {
    expect(
      totalDays([
        { from: '2025-06-16', to: '2025-06-29' },
        { from: '2025-06-30', to: '2025-07-13' },
      ]),
    ).toBe(28);
    expect(
      totalDays([
        { from: '2025-06-01', to: '2025-06-10' },
        { from: '2025-06-10', to: '2025-06-11' },
        { from: '2025-06-03', to: '2025-06-04' },
      ]),
    ).toBe(11);
    expect(totalDays([{ from: '2025-06-10', to: '2025-06-01' }])).toBe(0);
    expect(totalDays([])).toBe(0);
  });

  it('summarizes periods with the Webcert sentence', () => {
    expect(summarizePeriods([{ from: '', to: '' }])).toBeNull();
    expect(
      summarizePeriods([
        { from: '2025-07-01', to: '2025-07-07' },
        { from: '2025-06-24', to: '2025-06-30' },
        { from: 'x', to: '2025-06-30' },
      ]),
    ).toEqual({
      totalDays: 14,
      firstDay: '2025-06-24',
      lastDay: '2025-07-07',
      periodCount: 2,
      text: 'Intyget motsvarar en period på 14 dagar.',
    });
    expect(formatTotalDaysText(1)).toBe('Intyget motsvarar en period på 1 dag.');
  });

  it("starts a new period after the ones on screen, else after the renewed certificate's", () => {
    const today = '2026-03-16';
    const renewed = [
      { from: '2026-03-02', to: '2026-03-15' },
      { from: '2026-03-16', to: '2026-03-29' },
    ];
    expect(nextPeriodStart([], today)).toBe(today);
    expect(nextPeriodStart([{ from: today, to: '' }], today)).toBe(today);
    expect(nextPeriodStart([{ from: today, to: '2026-03-22' }], today)).toBe('2026-03-23');
    // A renewal continues the day after the previous certificate's last day, never overlapping.
    expect(nextPeriodStart([], today, renewed)).toBe('2026-03-30');
    expect(nextPeriodStart([{ from: '2026-03-30', to: '2026-04-12' }], today, renewed)).toBe(
      '2026-04-13',
    );
    // Up to a week back it is still continued; a period that ended longer ago is not.
    expect(nextPeriodStart([], today, [{ from: '2026-02-01', to: '2026-03-08' }])).toBe(
      '2026-03-09',
    );
    expect(nextPeriodStart([], today, [{ from: '2026-02-01', to: '2026-03-07' }])).toBe(today);
  });

  it('computes remaining working hours', () => {
    expect(remainingWorkingHours(40, 25)).toBe(30);
    expect(remainingWorkingHours(40, 100)).toBe(0);
    expect(remainingWorkingHours(37.5, 50)).toBe(18.75);
    expect(remainingWorkingHours(169, 50)).toBeNull();
    expect(isValidWorkingHours(168)).toBe(true);
    expect(isValidWorkingHours(-1)).toBe(false);
    expect(isValidWorkingHours(Number.NaN)).toBe(false);
  });

  it('total days equals the sum of lengths exactly when nothing overlaps (property)', () => {
    const period = fc
      .tuple(fc.integer({ min: 0, max: 120 }), fc.integer({ min: 0, max: 30 }))
      .map(([start, length]) => ({
        from: addDays('2025-01-01', start),
        to: addDays('2025-01-01', start + length),
      }));
    fc.assert(
      fc.property(fc.array(period, { maxLength: 5 }), (periods) => {
        const sum = periods.reduce((acc, p) => acc + (periodLengthInDays(p) ?? 0), 0);
        const total = totalDays(periods);
        expect(total).toBeLessThanOrEqual(sum);
        expect(total === sum).toBe(findOverlappingPeriods(periods).length === 0);
      }),
    );
  });
});
