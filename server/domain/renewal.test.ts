import { describe, expect, it } from 'vitest';
import { loadDefinition } from '../../src/definitions';
import { previousPeriodsOf } from './renewal';

const fk7804 = await loadDefinition('fk7804');
const fk7472 = await loadDefinition('fk7472');
const fk7800 = await loadDefinition('fk7800');

describe('what a renewal carries of the renewed periods', () => {
  it("keeps the renewed certificate's complete periods of each period question the renewal leaves empty", () => {
    const periods = [
      { code: 'HELT_NEDSATT', from: '2026-11-02', to: '2026-11-15' },
      { code: 'HALFTEN', from: '2026-11-16', to: '2026-11-29' },
    ];
    expect(previousPeriodsOf(fk7804, { '32': periods, '25': 'Övrigt.' })).toEqual({
      '32': periods,
    });
    expect(
      previousPeriodsOf(fk7472, { '56': [{ code: 'HELA', from: '2026-11-02', to: '2026-11-06' }] }),
    ).toEqual({ '56': [{ code: 'HELA', from: '2026-11-02', to: '2026-11-06' }] });
  });

  it('has nothing to carry without complete periods, or for a type without periods', () => {
    expect(previousPeriodsOf(fk7804, {})).toBeUndefined();
    expect(previousPeriodsOf(fk7804, { '32': 'not periods' })).toBeUndefined();
    expect(
      previousPeriodsOf(fk7804, { '32': [{ code: 'HALFTEN', from: '2026-11-16', to: '' }] }),
    ).toBeUndefined();
    expect(previousPeriodsOf(fk7800, { '32': [] })).toBeUndefined();
  });
});
