import { describe, expect, it } from 'vitest';
import type { FmbTypfall } from '../../../src/contracts/fmb';
import { loadFmbIndex } from './fmb-index';
import {
  largestRecommendation,
  matchFmbCode,
  ongoingSickLeave,
  sickLeaveDays,
  sickLeaveWarning,
  sortTypfall,
  type FmbIndex,
} from './fmb';

/** A small index of made-up guidance, so each rule is seen on its own. */
function typfall(id: string, maxDays?: number): FmbTypfall {
  return {
    id,
    label: maxDays === undefined ? 'Uppgift saknas' : `Upp till ${String(maxDays)} dagar`,
    ...(maxDays === undefined ? {} : { maxDays }),
    conditions: [],
  };
}

const index: FmbIndex = {
  headings: new Map([
    ['A10', 'Tre tecken'],
    ['B201', 'Fyra tecken'],
    ['C30', 'Noll dagar'],
    ['D40', 'Utan siffra'],
  ]),
  typfall: new Map([
    ['A10', [typfall('1', 14), typfall('2', 21)]],
    ['B201', [typfall('3', 7), typfall('4'), typfall('5', 60)]],
    ['C30', [typfall('6', 0), typfall('7')]],
    ['D40', [typfall('8')]],
  ]),
  snapshot: '2019-06-17',
};

const period = (from: string, to: string) => ({ from, to });

describe('matching a code', () => {
  it('shortens the code from the right, down to three characters, until it matches', () => {
    expect(matchFmbCode('A109', index)).toBe('A10');
    expect(matchFmbCode('A10', index)).toBe('A10');
    expect(matchFmbCode('B201X', index)).toBe('B201');
    expect(matchFmbCode('b20.1', index)).toBe('B201');
  });

  it('finds nothing for a code without FMB, nor below three characters', () => {
    expect(matchFmbCode('B202', index)).toBeUndefined();
    expect(matchFmbCode('Z99', index)).toBeUndefined();
    expect(matchFmbCode('A1', index)).toBeUndefined();
  });
});

describe('the recommendation', () => {
  it('is the largest over three diagnoses, naming the diagnosis it comes from', () => {
    expect(largestRecommendation(['A109', 'B2019', 'C30'], index)).toEqual({
      code: 'B2019',
      matchedCode: 'B201',
      heading: 'Fyra tecken',
      maxDays: 60,
    });
  });

  it('ignores typfall without a number, and a diagnosis with only those gives none', () => {
    expect(largestRecommendation(['D40'], index)).toBeUndefined();
    expect(largestRecommendation(['D40', 'A10'], index)?.maxDays).toBe(21);
  });

  it('is undefined for codes without FMB', () => {
    expect(largestRecommendation(['Z99'], index)).toBeUndefined();
  });

  it('sorts typfall by length, those without a number last', () => {
    expect(sortTypfall(index.typfall.get('B201') ?? []).map((entry) => entry.id)).toEqual([
      '3',
      '5',
      '4',
    ]);
  });
});

describe('the days counted', () => {
  it('counts both ends, and overlapping and adjacent periods once', () => {
    expect(sickLeaveDays([period('2026-01-01', '2026-01-01')])).toBe(1);
    expect(
      sickLeaveDays([period('2026-01-01', '2026-01-10'), period('2026-01-05', '2026-01-14')]),
    ).toBe(14);
    expect(
      sickLeaveDays([period('2026-01-01', '2026-01-07'), period('2026-01-08', '2026-01-14')]),
    ).toBe(14);
    expect(
      sickLeaveDays([period('2026-01-01', '2026-01-07'), period('2026-01-10', '2026-01-14')]),
    ).toBe(12);
  });

  it('adds an earlier certificate 5 days before, and not one 6 days before', () => {
    const proposed = [period('2026-02-01', '2026-02-14')];
    // Ends 26 January: 27–31 January (5 days) without sick leave.
    expect(ongoingSickLeave(proposed, [[period('2026-01-20', '2026-01-26')]])).toEqual({
      proposedDays: 14,
      ongoingDays: 7,
      totalDays: 21,
    });
    // Ends 25 January: 6 days without sick leave.
    expect(ongoingSickLeave(proposed, [[period('2026-01-19', '2026-01-25')]])).toEqual({
      proposedDays: 14,
      ongoingDays: 0,
      totalDays: 14,
    });
  });

  it('follows a chain of certificates, and counts an overlap with them once', () => {
    const proposed = [period('2026-03-01', '2026-03-10')];
    const others = [
      [period('2026-02-01', '2026-02-10')],
      [period('2026-02-14', '2026-02-25')],
      [period('2026-03-05', '2026-03-12')],
    ];
    expect(ongoingSickLeave(proposed, others)).toEqual({
      proposedDays: 10,
      ongoingDays: 24,
      totalDays: 34,
    });
  });
});

describe('the warning', () => {
  const recommendation = { code: 'J20', matchedCode: 'J20', heading: 'Akut bronkit', maxDays: 14 };

  it('warns only when the total is strictly above the recommendation', () => {
    expect(sickLeaveWarning(recommendation, 14)).toBeUndefined();
    expect(sickLeaveWarning(recommendation, 15)).toBe(
      'Den totala sjukskrivningstiden, 15 dagar, är längre än FMB:s rekommendation på 14 dagar för diagnosen J20 (Akut bronkit).',
    );
  });

  it('warns for any sick leave when the recommendation is 0 days', () => {
    expect(sickLeaveWarning({ ...recommendation, maxDays: 0 }, 1)).toContain(
      'FMB rekommenderar ingen sjukskrivning för diagnosen J20',
    );
    expect(sickLeaveWarning({ ...recommendation, maxDays: 0 }, 0)).toBeUndefined();
  });

  it('does not warn without a number', () => {
    expect(sickLeaveWarning(undefined, 365)).toBeUndefined();
  });
});

describe("Socialstyrelsen's data", () => {
  it('gives J20 Akut bronkit its typfall, 14 days at most', async () => {
    const fmb = await loadFmbIndex();
    expect(fmb.snapshot).toBe('2019-06-17');
    expect(matchFmbCode('J209', fmb)).toBe('J20');
    expect(largestRecommendation(['J209'], fmb)).toEqual({
      code: 'J209',
      matchedCode: 'J20',
      heading: 'Akut bronkit',
      maxDays: 14,
    });
    expect(sortTypfall(fmb.typfall.get('J20') ?? []).map((entry) => entry.maxDays)).toEqual([
      0,
      14,
      undefined,
      undefined,
    ]);
    expect(matchFmbCode('F438A', fmb)).toBe('F438');
  });
});
