import { describe, expect, it } from 'vitest';
import {
  evaluate,
  evaluateQuestion,
  getRuleDependencies,
  pruneHidden,
  type EvaluationContext,
} from './evaluate';
import { parseDefinition } from './definition-schema';
import type { Answers } from './answer-values';
import {
  SAMPLE_TODAY,
  completeSampleAnswers,
  sampleDefinition,
  sampleDefinitionInput,
} from './testing/sample-definition';

const context: EvaluationContext = {
  today: SAMPLE_TODAY,
  role: 'physician',
  consentRecorded: true,
};

const run = (overrides: Answers = {}, ctx: Partial<EvaluationContext> = {}) =>
  evaluate(sampleDefinition, { ...completeSampleAnswers, ...overrides }, { ...context, ...ctx });

describe('evaluate: readiness', () => {
  it('complete answers with consent are ready to sign', () => {
    const result = run();
    expect(result.readiness).toEqual({ readyToSign: true, blockers: [] });
    expect(
      Object.values(result.categories).every(
        (c) => c.missing.length === 0 && c.invalid.length === 0,
      ),
    ).toBe(true);
  });

  it('a consent blocker exists exactly when consent is required and not recorded', () => {
    const without = run({}, { consentRecorded: false });
    expect(without.readiness.readyToSign).toBe(false);
    expect(without.readiness.blockers).toEqual([
      {
        kind: 'consent',
        message:
          'Patientens samtycke är inte registrerat. Det kan registreras nu eller när intyget signeras.',
        path: [],
      },
    ]);
    const noConsentNeeded = parseDefinition({
      ...sampleDefinitionInput,
      policy: { ...sampleDefinitionInput.policy, consentRequired: false },
    });
    const result = evaluate(noConsentNeeded, completeSampleAnswers, {
      ...context,
      consentRecorded: false,
    });
    expect(result.readiness).toEqual({ readyToSign: true, blockers: [] });
  });

  it('lists missing and invalid answers as blockers with their category', () => {
    const result = run({ '29': '', '39_4': 120 });
    expect(result.readiness.blockers).toEqual([
      {
        kind: 'missing',
        message: 'Ange ett svar.',
        questionId: '29',
        categoryId: 'KAT_3',
        path: [],
      },
      {
        kind: 'invalid',
        message: 'Ange ett värde mellan 1-99.',
        questionId: '39_4',
        categoryId: 'KAT_8',
        path: [],
      },
    ]);
    expect(result.categories.KAT_3).toEqual({
      id: 'KAT_3',
      visible: true,
      missing: ['29'],
      invalid: [],
    });
    expect(result.categories.KAT_8).toEqual({
      id: 'KAT_8',
      visible: true,
      missing: [],
      invalid: ['39_4'],
    });
  });

  it('reports whether the role may draft and sign', () => {
    expect([run().roleMayDraft, run().roleMaySign]).toEqual([true, true]);
    const nurse = run({}, { role: 'nurse' });
    expect([nurse.roleMayDraft, nurse.roleMaySign]).toEqual([true, false]);
  });

  it('throws on a malformed today', () => {
    expect(() => run({}, { today: '2025-6-16' })).toThrow(RangeError);
  });
});

describe('evaluate: visibility', () => {
  it('smittbärarpenning hides whole categories, their questions and 39, but not 6, 32 or 25', () => {
    const result = run({ '27': true });
    for (const id of [
      '1',
      '1_3',
      '2',
      '3',
      '4',
      '28',
      '29',
      '35',
      '8',
      '9',
      'h17',
      '39',
      '39_4',
      '40',
      '44',
      '26',
      '26_2',
    ]) {
      expect(result.questions[id]?.visible, id).toBe(false);
      expect(result.questions[id]?.required, id).toBe(false);
      expect(result.questions[id]?.errors, id).toEqual([]);
    }
    for (const id of ['6', '32', '33', '25', 'unit'])
      expect(result.questions[id]?.visible, id).toBe(true);
    expect(result.categories.KAT_2?.visible).toBe(false);
    expect(result.readiness.readyToSign).toBe(true);
  });

  it('hidden required questions are never reported missing', () => {
    const result = run({ '27': true, '1': [], '28': [], '35': { text: '' }, '39': '' });
    expect(result.readiness.blockers).toEqual([]);
  });

  it('shows follow-up questions from codes, booleans and radio values', () => {
    expect(
      run({ '1': [{ code: 'FYSISKUNDERSOKNING', date: '2025-06-01' }] }).questions['1_3']?.visible,
    ).toBe(false);
    expect(run().questions['1_3']?.visible).toBe(true);
    expect(run().questions['1_4']?.visible).toBe(false);
    expect(
      run({ '1': [{ code: 'TELEFONKONTAKT', date: '2025-06-01' }] }).questions['1_4']?.visible,
    ).toBe(true);
    expect(run({ '3': false }).questions['4']?.visible).toBe(false);
    expect(run({ '39': 'PROGNOS_OKLAR' }).questions['39_2']).toMatchObject({
      visible: true,
      required: true,
    });
    expect(run({ '39': 'PROGNOS_OKLAR' }).questions['39_4']).toMatchObject({
      visible: false,
      required: false,
    });
  });

  it('a stale answer behind a hidden question has no effect (transitively)', () => {
    const onlyFull = { '32': [{ code: 'HELT_NEDSATT', from: '2025-06-16', to: '2025-06-29' }] };
    const result = run({ ...onlyFull, '33': true, '33_2': '' });
    expect(result.questions['33']?.visible).toBe(false);
    expect(result.questions['33_2']?.visible).toBe(false);
    expect(result.readiness.readyToSign).toBe(true);

    const changedPrognosis = run({ '52': 'ANNAT', '52_5': true, '52_6': '' });
    expect(changedPrognosis.questions['52_6']?.visible).toBe(false);
    expect(changedPrognosis.readiness.readyToSign).toBe(true);
  });

  it('a disabled question is shown but neither required nor validated', () => {
    const result = run({ '26': false, '26_2': 'x'.repeat(5000) });
    expect(result.questions['26_2']).toMatchObject({
      visible: true,
      enabled: false,
      required: false,
      errors: [],
    });
    expect(run({ '26_2': 'x'.repeat(5000) }).questions['26_2']?.errors).toHaveLength(1);
  });

  it('requiredIf follows answers and the role', () => {
    expect(run({ '55': '', '56': [] }).questions['56']?.required).toBe(false);
    expect(run({ '55': 'Feber', '56': [] }).questions['56']?.errors.map((e) => e.message)).toEqual([
      'Välj minst ett alternativ.',
    ]);
    expect(run({ '55': '', '56': [] }, { role: 'nurse' }).questions['56']?.required).toBe(true);
  });

  it('static kinds are never required and never carry errors', () => {
    const result = run();
    expect(result.questions.h17).toMatchObject({
      kind: 'heading',
      visible: true,
      required: false,
      errors: [],
    });
    expect(result.questions.forutsattningar).toMatchObject({
      kind: 'info',
      visible: true,
      required: false,
    });
  });
});

describe('evaluate: messages, notices and confirmations', () => {
  const periodFrom = (from: string) => ({
    '32': [{ code: 'HELT_NEDSATT', from, to: '2025-07-30' }],
  });

  it('shows the early start message only when a period starts more than 7 days back', () => {
    const early = run(periodFrom('2025-06-08')).questions['32'];
    expect(early?.messages).toEqual([
      {
        id: 'earlyStartDate',
        severity: 'warning',
        text: 'Du har angett att sjukskrivningsperioden startar mer än 7 dagar bakåt i tiden. Ange orsaken till detta i fältet "Övriga upplysningar".',
      },
    ]);
    expect(early?.errors).toEqual([]);
    expect(run(periodFrom('2025-06-09')).questions['32']?.messages).toEqual([]);
  });

  it('shows integer and date-based info messages', () => {
    expect(run({ '39_4': 13 }).questions['39_4']?.messages.map((m) => m.text)).toEqual([
      'Prognosen sträcker sig över mer än ett år.',
    ]);
    expect(run({ '39_4': 12 }).questions['39_4']?.messages).toEqual([]);
    expect(run({ '52_6': '2026-06-17' }).questions['52_6']?.messages).toHaveLength(1);
  });

  it('does not show messages of hidden questions', () => {
    expect(run({ '39': 'SANNOLIKT_INTE', '39_4': 50 }).questions['39_4']?.messages).toEqual([]);
  });

  it('shows notices whose condition holds and whose category is visible', () => {
    expect(run().notices.map((n) => n.id)).toEqual(['sjukloneperiod']);
    expect(run({ '27': true }).notices.map((n) => n.id)).toEqual([
      'sjukloneperiod',
      'smittbararpenningNotice',
    ]);
  });

  it('asks for the under-18 confirmation only for a known minor', () => {
    expect(
      run({}, { patient: { birthDate: '2010-01-01' } }).confirmations.map((c) => c.id),
    ).toEqual(['under18']);
    expect(run({}, { patient: { birthDate: '1980-01-01' } }).confirmations).toEqual([]);
    expect(run({}, { patient: {} }).confirmations).toEqual([]);
    expect(
      run({}, { patient: { birthDate: '2010-01-01' } }).questions['53']?.messages,
    ).toHaveLength(1);
  });
});

describe('evaluateQuestion', () => {
  it('matches the full evaluation', () => {
    const answers = { ...completeSampleAnswers, '33': undefined, '8': '', '9': '' };
    const full = evaluate(sampleDefinition, answers, context);
    for (const id of ['33', '8', '2', '32', 'h17']) {
      expect(evaluateQuestion(sampleDefinition, id, answers, context)).toEqual(full.questions[id]);
    }
    expect(() => evaluateQuestion(sampleDefinition, 'nope', answers, context)).toThrow(
      /Unknown question/,
    );
  });
});

describe('pruneHidden', () => {
  it('drops hidden, disabled, static and unknown answers and keeps the rest', () => {
    const answers: Answers = {
      ...completeSampleAnswers,
      '27': true,
      forutsattningar: 'x',
      whatever: 1,
      '25': undefined,
    };
    const pruned = pruneHidden(sampleDefinition, answers, context);
    expect(Object.keys(pruned).sort()).toEqual(
      ['27', '6', '32', '33', '55', '56', '52', '52_5', '52_6', '54', '53', 'unit'].sort(),
    );
    expect(pruned['32']).toBe(completeSampleAnswers['32']);
    const disabled = pruneHidden(
      sampleDefinition,
      { ...completeSampleAnswers, '26': false },
      context,
    );
    expect('26_2' in disabled).toBe(false);
    expect(pruneHidden(sampleDefinition, pruned, context)).toEqual(pruned);
  });
});

describe('getRuleDependencies', () => {
  it('lists the question itself, what its rules read and what makes those visible', () => {
    expect(getRuleDependencies(sampleDefinition, '25')).toEqual(['25']);
    expect(getRuleDependencies(sampleDefinition, '29')).toEqual(['27', '28', '29']);
    expect(getRuleDependencies(sampleDefinition, '33_2')).toEqual(['32', '33', '33_2']);
    expect(getRuleDependencies(sampleDefinition, '52_6')).toEqual(['52', '52_5', '52_6']);
    expect(getRuleDependencies(sampleDefinition, '2')).toEqual(['27', '1', '2']);
    expect(getRuleDependencies(sampleDefinition, '1')).toEqual(['27', '1', '2']);
    expect(getRuleDependencies(sampleDefinition, '8')).toEqual(['27', '8', '9']);
    expect(getRuleDependencies(sampleDefinition, '56')).toEqual(['55', '56']);
    expect(getRuleDependencies(sampleDefinition, '26_2')).toEqual(['27', '26', '26_2']);
    expect(getRuleDependencies(sampleDefinition, 'h17')).toEqual(['27', 'h17']);
    expect(() => getRuleDependencies(sampleDefinition, 'nope')).toThrow(/Unknown question/);
  });

  it('returns the same cached array on repeated calls', () => {
    expect(getRuleDependencies(sampleDefinition, '33_2')).toBe(
      getRuleDependencies(sampleDefinition, '33_2'),
    );
  });
});
