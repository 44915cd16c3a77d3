import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  addDays,
  addMonths,
  addYears,
  ageInYears,
  applyOffset,
  differenceInDays,
  fromEpochDay,
  isIsoDate,
  isWithinAllowedRange,
  parseDateInput,
  toEpochDay,
} from './dates';

const today = '2025-06-16';

describe('ISO dates', () => {
  it('accepts real calendar dates only', () => {
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2025-02-29')).toBe(false);
    expect(isIsoDate('2025-04-31')).toBe(false);
    expect(isIsoDate('2025-13-01')).toBe(false);
    expect(isIsoDate('2025-6-1')).toBe(false);
    expect(isIsoDate('0099-01-01')).toBe(false);
    expect(isIsoDate(20250101)).toBe(false);
    expect(isIsoDate('2000-02-29')).toBe(true);
    expect(isIsoDate('1900-02-29')).toBe(false);
  });

  it('converts to and from epoch days', () => {
    expect(toEpochDay('1970-01-01')).toBe(0);
    expect(toEpochDay('1970-01-02')).toBe(1);
    expect(toEpochDay('nope')).toBeNull();
    expect(fromEpochDay(0)).toBe('1970-01-01');
    expect(fromEpochDay(-1)).toBe('1969-12-31');
  });

  it('adds days, months and years across month and year ends', () => {
    expect(addDays('2025-12-31', 1)).toBe('2026-01-01');
    expect(addDays('2024-03-01', -1)).toBe('2024-02-29');
    expect(addMonths('2025-01-31', 1)).toBe('2025-02-28');
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
    expect(addMonths('2025-01-15', -2)).toBe('2024-11-15');
    expect(addMonths('2025-11-30', 14)).toBe('2027-01-30');
    expect(addYears('2024-02-29', 1)).toBe('2025-02-28');
    expect(() => addDays('2025-02-30', 1)).toThrow(RangeError);
  });

  it('applies offsets as years, then months, then days', () => {
    expect(applyOffset(today, undefined)).toBe(today);
    expect(applyOffset(today, {})).toBe(today);
    expect(applyOffset(today, { days: -90 })).toBe('2025-03-18');
    expect(applyOffset(today, { years: 1 })).toBe('2026-06-16');
    expect(applyOffset('2025-01-31', { months: 1, days: 1 })).toBe('2025-03-01');
  });

  it('computes differences and ages', () => {
    expect(differenceInDays('2025-06-23', today)).toBe(7);
    expect(differenceInDays('2025-06-09', today)).toBe(-7);
    expect(ageInYears('2007-06-16', today)).toBe(18);
    expect(ageInYears('2007-06-17', today)).toBe(17);
    expect(ageInYears('2008-02-29', '2025-02-28')).toBe(16);
    expect(ageInYears('garbage', today)).toBeNull();
  });

  it('knows the sanity range', () => {
    expect(isWithinAllowedRange('1900-01-02')).toBe(true);
    expect(isWithinAllowedRange('1900-01-01')).toBe(false);
    expect(isWithinAllowedRange('2099-12-12')).toBe(true);
    expect(isWithinAllowedRange('2099-12-13')).toBe(false);
  });

  it('addDays and differenceInDays are inverse (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -40_000, max: 40_000 }),
        fc.integer({ min: -1000, max: 1000 }),
        (start, n) => {
          const base = fromEpochDay(start);
          expect(differenceInDays(addDays(base, n), base)).toBe(n);
          expect(isIsoDate(addDays(base, n))).toBe(true);
        },
      ),
    );
  });
});

describe('parseDateInput', () => {
  const parse = (input: string, extra: { base?: string; mode?: 'date' | 'periodEnd' } = {}) =>
    parseDateInput(input, { today, ...extra });

  it('reads plain dates in common formats', () => {
    expect(parse('2025-06-01')).toBe('2025-06-01');
    expect(parse('20250601')).toBe('2025-06-01');
    expect(parse('2025/06/01')).toBe('2025-06-01');
    expect(parse('2025.06.01')).toBe('2025-06-01');
    expect(parse('2025 6 1')).toBe('2025-06-01');
    expect(parse('250601')).toBe('2025-06-01');
    expect(parse('  2025-06-01  ')).toBe('2025-06-01');
  });

  it('rejects impossible or unknown input', () => {
    expect(parse('2025-02-30')).toBeNull();
    expect(parse('20251301')).toBeNull();
    expect(parse('')).toBeNull();
    expect(parse('imorron')).toBeNull();
    expect(parse('7x')).toBeNull();
    expect(parse('1234d')).toBeNull();
  });

  it('reads idag, igår and imorgon relative to today, not to base', () => {
    expect(parse('idag', { base: '2020-01-01' })).toBe(today);
    expect(parse('IDAG')).toBe(today);
    expect(parse('i dag')).toBe(today);
    expect(parse('igår')).toBe('2025-06-15');
    expect(parse('imorgon')).toBe('2025-06-17');
  });

  it('reads day, week and month shortcuts relative to base', () => {
    expect(parse('7d')).toBe('2025-06-23');
    expect(parse('+7d')).toBe('2025-06-23');
    expect(parse('d7')).toBe('2025-06-23');
    expect(parse('-7d')).toBe('2025-06-09');
    expect(parse('2v')).toBe('2025-06-30');
    expect(parse('2w')).toBe('2025-06-30');
    expect(parse('1m')).toBe('2025-07-16');
    expect(parse('1m', { base: '2025-01-31' })).toBe('2025-02-28');
    expect(parse('3D', { base: '2025-12-30' })).toBe('2026-01-02');
  });

  it('reads shortcuts as period lengths in periodEnd mode', () => {
    const base = '2000-02-01';
    expect(parse('1d', { base, mode: 'periodEnd' })).toBe('2000-02-01');
    expect(parse('14d', { base, mode: 'periodEnd' })).toBe('2000-02-14');
    expect(parse('1v', { base, mode: 'periodEnd' })).toBe('2000-02-07');
    expect(parse('1m', { base, mode: 'periodEnd' })).toBe('2000-02-29');
    expect(parse('0d', { base, mode: 'periodEnd' })).toBeNull();
    expect(parse('-3d', { base, mode: 'periodEnd' })).toBeNull();
    expect(parse('2000-03-05', { base, mode: 'periodEnd' })).toBe('2000-03-05');
  });

  it('throws when today itself is not a date', () => {
    expect(() => parseDateInput('idag', { today: '16/6' })).toThrow(RangeError);
  });

  it('returns every valid ISO date unchanged (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: -20_000, max: 40_000 }), (epochDay) => {
        const iso = fromEpochDay(epochDay);
        expect(parse(iso)).toBe(iso);
        expect(parse(iso.replaceAll('-', ''))).toBe(iso);
      }),
    );
  });
});
