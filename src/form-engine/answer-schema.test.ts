import { describe, expect, it } from 'vitest';
import { buildAnswerSchema } from './answer-schema';
import type { EvaluationContext } from './evaluate';
import type { Answers } from './answer-values';
import { SAMPLE_TODAY, completeSampleAnswers, sampleDefinition } from './testing/sample-definition';

const context: EvaluationContext = {
  today: SAMPLE_TODAY,
  role: 'physician',
  consentRecorded: true,
};

function issues(answers: Answers, ctx: EvaluationContext = context) {
  const result = buildAnswerSchema(sampleDefinition, ctx).safeParse(answers);
  return result.success ? [] : result.error.issues.map(({ path, message }) => ({ path, message }));
}

describe('buildAnswerSchema', () => {
  it('accepts complete answers and returns them unchanged', () => {
    const result = buildAnswerSchema(sampleDefinition, context).safeParse(completeSampleAnswers);
    expect(result.success).toBe(true);
    expect(result.data).toEqual(completeSampleAnswers);
  });

  it('reports missing answers with the question id as path', () => {
    const found = issues({ ...completeSampleAnswers, '29': '', '3': undefined });
    expect(found).toEqual([
      { path: ['3'], message: 'Välj ett alternativ.' },
      { path: ['29'], message: 'Ange ett svar.' },
    ]);
  });

  it('puts nested paths after the question id', () => {
    const found = issues({
      ...completeSampleAnswers,
      '32': [
        { code: 'HELT_NEDSATT', from: '2025-06-16', to: '2025-06-29' },
        { code: 'HALFTEN', from: '2025-06-29', to: '' },
        { code: 'EN_FJARDEDEL', from: '2025-06-28', to: '2025-07-01' },
      ],
    });
    expect(found).toEqual([
      { path: ['32', 1, 'to'], message: 'Ange ett datum.' },
      { path: ['32', 2, 'from'], message: 'Ange perioder som inte överlappar varandra.' },
    ]);
  });

  it('skips hidden questions and enforces requiredIf like evaluate', () => {
    expect(issues({ ...completeSampleAnswers, '27': true, '1': [], '28': 'garbage' })).toEqual([]);
    expect(issues({ ...completeSampleAnswers, '55': 'Feber', '56': [] })).toEqual([
      { path: ['56'], message: 'Välj minst ett alternativ.' },
    ]);
    expect(issues({ ...completeSampleAnswers, '55': '', '56': [] })).toEqual([]);
  });

  it('does not treat missing consent as an answer problem', () => {
    expect(issues(completeSampleAnswers, { ...context, consentRecorded: false })).toEqual([]);
  });

  it('rejects input that is not an answer record', () => {
    expect(buildAnswerSchema(sampleDefinition, context).safeParse(null).success).toBe(false);
  });

  it('reads a context function on every validation', () => {
    let role: EvaluationContext['role'] = 'physician';
    const schema = buildAnswerSchema(sampleDefinition, () => ({ ...context, role }));
    const answers = { ...completeSampleAnswers, '55': '', '56': [] };
    expect(schema.safeParse(answers).success).toBe(true);
    role = 'nurse';
    expect(schema.safeParse(answers).success).toBe(false);
  });
});
