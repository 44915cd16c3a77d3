import { describe, expect, it } from 'vitest';
import { compare, evaluateCondition, type ConditionEnv } from './conditions';
import type { Condition, Role } from './definition-schema';
import type { Answers } from './answer-values';
import { SAMPLE_TODAY, sampleDefinition } from './testing/sample-definition';

const questions = new Map(
  sampleDefinition.categories.flatMap((category) => category.questions).map((q) => [q.id, q]),
);

function env(values: Answers, options: { role?: Role; birthDate?: string } = {}): ConditionEnv {
  return {
    question: (id) => questions.get(id),
    value: (id) => values[id],
    today: SAMPLE_TODAY,
    role: options.role ?? 'physician',
    patientBirthDate: options.birthDate,
  };
}

const holds = (
  condition: Condition,
  values: Answers,
  options?: { role?: Role; birthDate?: string },
) => evaluateCondition(condition, env(values, options));

describe('answered', () => {
  it('uses each kind’s notion of an answer', () => {
    const on = (question: string): Condition => ({ type: 'answered', question });
    expect(holds(on('25'), { '25': 'text' })).toBe(true);
    expect(holds(on('25'), { '25': '   ' })).toBe(false);
    expect(holds(on('25'), {})).toBe(false);
    expect(holds(on('25'), { '25': 42 })).toBe(false);
    expect(holds(on('26'), { '26': true })).toBe(true);
    expect(holds(on('26'), { '26': false })).toBe(false);
    expect(holds(on('3'), { '3': false })).toBe(true);
    expect(holds(on('3'), { '3': null })).toBe(false);
    expect(holds(on('28'), { '28': [] })).toBe(false);
    expect(holds(on('28'), { '28': ['STUDIER'] })).toBe(true);
    expect(holds(on('6'), { '6': [{ code: '', description: ' ' }] })).toBe(false);
    expect(holds(on('6'), { '6': [{ code: '', description: 'x' }] })).toBe(true);
    expect(holds(on('39_4'), { '39_4': 0 })).toBe(true);
    expect(holds(on('39_4'), { '39_4': Number.NaN })).toBe(false);
    expect(holds(on('35'), { '35': { text: 'x' } })).toBe(true);
    expect(holds(on('unit'), { unit: { address: '', postcode: '', city: '', phone: '' } })).toBe(
      false,
    );
    expect(holds(on('1'), { '1': [{ code: 'ANNAT', date: '' }] })).toBe(true);
    expect(holds(on('nonexistent'), { nonexistent: 'x' })).toBe(false);
  });
});

describe('equals', () => {
  it('compares booleans, codes, integers and strings', () => {
    expect(holds({ type: 'equals', question: '3', value: true }, { '3': true })).toBe(true);
    expect(holds({ type: 'equals', question: '3', value: false }, { '3': true })).toBe(false);
    expect(holds({ type: 'equals', question: '3', value: false }, {})).toBe(false);
    // An unticked checkbox equals false, answered or not.
    expect(holds({ type: 'equals', question: '26', value: false }, {})).toBe(true);
    expect(holds({ type: 'equals', question: '26', value: true }, { '26': false })).toBe(false);
    expect(
      holds({ type: 'equals', question: '39', value: 'PROGNOS_OKLAR' }, { '39': 'PROGNOS_OKLAR' }),
    ).toBe(true);
    expect(
      holds({ type: 'equals', question: '39', value: 'PROGNOS_OKLAR' }, { '39': 'SANNOLIKT_INTE' }),
    ).toBe(false);
    expect(holds({ type: 'equals', question: '52', value: 'ANNAT' }, { '52': 'ANNAT' })).toBe(true);
    expect(holds({ type: 'equals', question: '39_4', value: 3 }, { '39_4': 3 })).toBe(true);
    expect(holds({ type: 'equals', question: '39_4', value: 3 }, { '39_4': '3' })).toBe(false);
    expect(
      holds({ type: 'equals', question: '2', value: '2020-01-01' }, { '2': '2020-01-01' }),
    ).toBe(true);
    expect(holds({ type: 'equals', question: '28', value: 'STUDIER' }, { '28': ['STUDIER'] })).toBe(
      false,
    );
  });
});

describe('includes and includesAny', () => {
  it('finds codes in checkbox lists, checkbox dates, periods, investigations and radios', () => {
    expect(
      holds({ type: 'includes', question: '28', code: 'STUDIER' }, { '28': ['STUDIER'] }),
    ).toBe(true);
    expect(
      holds({ type: 'includes', question: '28', code: 'STUDIER' }, { '28': ['FORALDRALEDIG'] }),
    ).toBe(false);
    expect(
      holds(
        { type: 'includes', question: '1', code: 'ANNAT' },
        { '1': [{ code: 'ANNAT', date: '' }] },
      ),
    ).toBe(true);
    expect(
      holds(
        { type: 'includes', question: '32', code: 'HALFTEN' },
        { '32': [{ code: 'HALFTEN', from: '', to: '' }] },
      ),
    ).toBe(true);
    expect(
      holds(
        { type: 'includes', question: '4', code: 'PSYKOLOG' },
        { '4': [{ type: 'PSYKOLOG', date: '', source: '' }] },
      ),
    ).toBe(true);
    expect(
      holds({ type: 'includes', question: '39', code: 'PROGNOS_OKLAR' }, { '39': 'PROGNOS_OKLAR' }),
    ).toBe(true);
    expect(holds({ type: 'includes', question: '28', code: 'STUDIER' }, { '28': 'STUDIER' })).toBe(
      false,
    );
  });

  it('includesAny holds when at least one code is present', () => {
    const partial: Condition = {
      type: 'includesAny',
      question: '32',
      codes: ['EN_FJARDEDEL', 'HALFTEN', 'TRE_FJARDEDEL'],
    };
    expect(holds(partial, { '32': [{ code: 'HELT_NEDSATT', from: '', to: '' }] })).toBe(false);
    expect(
      holds(partial, {
        '32': [
          { code: 'HELT_NEDSATT', from: '', to: '' },
          { code: 'TRE_FJARDEDEL', from: '', to: '' },
        ],
      }),
    ).toBe(true);
    expect(holds(partial, {})).toBe(false);
  });
});

describe('not, and, or', () => {
  const a: Condition = { type: 'answered', question: '25' };
  const b: Condition = { type: 'equals', question: '3', value: true };
  it('combine conditions', () => {
    expect(holds({ type: 'not', condition: a }, {})).toBe(true);
    expect(holds({ type: 'not', condition: a }, { '25': 'x' })).toBe(false);
    expect(holds({ type: 'and', conditions: [a, b] }, { '25': 'x', '3': true })).toBe(true);
    expect(holds({ type: 'and', conditions: [a, b] }, { '25': 'x', '3': false })).toBe(false);
    expect(holds({ type: 'or', conditions: [a, b] }, { '3': true })).toBe(true);
    expect(holds({ type: 'or', conditions: [a, b] }, { '3': false })).toBe(false);
  });
});

describe('date comparisons', () => {
  const earlyStart: Condition = {
    type: 'dateBefore',
    question: '32',
    field: 'from',
    reference: { type: 'today', offset: { days: -7 } },
  };
  const period = (from: string, code = 'HELT_NEDSATT') => ({ code, from, to: '2025-07-30' });

  it('dateBefore is strict unless inclusive (today − 7 days = 2025-06-09)', () => {
    expect(holds(earlyStart, { '32': [period('2025-06-08')] })).toBe(true);
    expect(holds(earlyStart, { '32': [period('2025-06-09')] })).toBe(false);
    expect(holds({ ...earlyStart, inclusive: true }, { '32': [period('2025-06-09')] })).toBe(true);
    expect(holds(earlyStart, { '32': [period('')] })).toBe(false);
    expect(holds(earlyStart, { '32': [period('2025-13-01')] })).toBe(false);
    expect(holds(earlyStart, {})).toBe(false);
  });

  it('matches any date by default, or all', () => {
    const periods = { '32': [period('2025-06-01'), period('2025-06-20', 'HALFTEN')] };
    expect(holds(earlyStart, periods)).toBe(true);
    expect(holds({ ...earlyStart, match: 'all' }, periods)).toBe(false);
    expect(holds({ ...earlyStart, code: 'HALFTEN' }, periods)).toBe(false);
    expect(holds({ ...earlyStart, field: 'to' }, periods)).toBe(false);
  });

  it('dateAfter compares with an offset from today', () => {
    const farAhead: Condition = {
      type: 'dateAfter',
      question: '52_6',
      reference: { type: 'today', offset: { years: 1 } },
    };
    expect(holds(farAhead, { '52_6': '2026-06-17' })).toBe(true);
    expect(holds(farAhead, { '52_6': '2026-06-16' })).toBe(false);
    expect(holds({ ...farAhead, inclusive: true }, { '52_6': '2026-06-16' })).toBe(true);
  });

  it('compares with another answer, picking the earliest or latest date', () => {
    const answers = {
      '2': '2025-06-05',
      '1': [
        { code: 'FYSISKUNDERSOKNING', date: '2025-06-10' },
        { code: 'ANNAT', date: '2025-06-01' },
      ],
    };
    const afterGrund = (pick?: 'earliest' | 'latest', code?: string): Condition => ({
      type: 'dateAfter',
      question: '2',
      reference: { type: 'answer', question: '1', pick, code },
    });
    expect(holds(afterGrund(), answers)).toBe(true);
    expect(holds(afterGrund('latest'), answers)).toBe(false);
    expect(holds(afterGrund(undefined, 'FYSISKUNDERSOKNING'), answers)).toBe(false);
    const beforeAnnatPlus = (days: number): Condition => ({
      type: 'dateBefore',
      question: '2',
      reference: { type: 'answer', question: '1', code: 'ANNAT', offset: { days } },
    });
    expect(holds(beforeAnnatPlus(5), answers)).toBe(true);
    expect(holds(beforeAnnatPlus(4), answers)).toBe(false);
    expect(holds(afterGrund(), { '2': '2025-06-05' })).toBe(false);
  });
});

describe('integerCompare, patientAge, role', () => {
  it('integerCompare supports every operator', () => {
    const cmp = (operator: 'lt' | 'lte' | 'gt' | 'gte' | 'eq' | 'neq', value: unknown) =>
      holds({ type: 'integerCompare', question: '39_4', operator, value: 12 }, { '39_4': value });
    expect([cmp('lt', 11), cmp('lt', 12)]).toEqual([true, false]);
    expect([cmp('lte', 12), cmp('lte', 13)]).toEqual([true, false]);
    expect([cmp('gt', 13), cmp('gt', 12)]).toEqual([true, false]);
    expect([cmp('gte', 12), cmp('gte', 11)]).toEqual([true, false]);
    expect([cmp('eq', 12), cmp('eq', 1)]).toEqual([true, false]);
    expect([cmp('neq', 1), cmp('neq', 12)]).toEqual([true, false]);
    expect(cmp('neq', undefined)).toBe(false);
    expect(cmp('neq', '1')).toBe(false);
    expect(compare(1, 'lt', 2)).toBe(true);
  });

  it('periodDays counts the distinct days the periods cover', () => {
    const under15: Condition = { type: 'periodDays', question: '32', operator: 'lt', days: 15 };
    const rows = (...periods: [string, string][]) => ({
      '32': periods.map(([from, to], index) => ({
        code: index === 0 ? 'HELT_NEDSATT' : 'HALFTEN',
        from,
        to,
      })),
    });
    expect(holds(under15, rows(['2025-06-01', '2025-06-14']))).toBe(true);
    expect(holds(under15, rows(['2025-06-01', '2025-06-15']))).toBe(false);
    // A gap is not counted: 7 + 7 days over a span of 27.
    expect(holds(under15, rows(['2025-06-01', '2025-06-07'], ['2025-06-21', '2025-06-27']))).toBe(
      true,
    );
    expect(holds(under15, {})).toBe(false);
    expect(holds(under15, rows(['2025-06-01', 'snart']))).toBe(false);
  });

  it('patientAge uses the birth date from context and is false without one', () => {
    const under18: Condition = { type: 'patientAge', operator: 'lt', years: 18 };
    expect(holds(under18, {}, { birthDate: '2007-06-17' })).toBe(true);
    expect(holds(under18, {}, { birthDate: '2007-06-16' })).toBe(false);
    expect(holds(under18, {})).toBe(false);
    expect(holds(under18, {}, { birthDate: 'okänt' })).toBe(false);
  });

  it('role matches the context role', () => {
    const nurses: Condition = { type: 'role', roles: ['nurse', 'midwife'] };
    expect(holds(nurses, {}, { role: 'midwife' })).toBe(true);
    expect(holds(nurses, {}, { role: 'physician' })).toBe(false);
  });
});

describe('unknown condition types', () => {
  it('throw at runtime instead of silently holding', () => {
    // Reflect.apply bypasses the static types, as untyped JSON would.
    const call = (): unknown =>
      Reflect.apply(evaluateCondition, undefined, [{ type: 'isAwesome' }, env({})]);
    expect(call).toThrow(/Unhandled variant/);
  });
});
