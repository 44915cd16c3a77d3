import { describe, expect, it } from 'vitest';
import { evaluate, type EvaluationContext } from './evaluate';
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

function errorsOf(questionId: string, overrides: Answers) {
  const result = evaluate(sampleDefinition, { ...completeSampleAnswers, ...overrides }, context);
  return result.questions[questionId]?.errors ?? [];
}

describe('noOverlap', () => {
  it('counts a shared day as overlap and reports it on the later period', () => {
    const errors = errorsOf('32', {
      '32': [
        { code: 'HELT_NEDSATT', from: '2025-06-16', to: '2025-06-29' },
        { code: 'HALFTEN', from: '2025-06-29', to: '2025-07-13' },
      ],
    });
    expect(errors).toEqual([
      {
        kind: 'invalid',
        path: [1, 'from'],
        message: 'Ange perioder som inte överlappar varandra.',
        source: 'noOverlap',
      },
    ]);
  });

  it('accepts adjacent periods', () => {
    expect(
      errorsOf('32', {
        '32': [
          { code: 'HALFTEN', from: '2025-06-30', to: '2025-07-13' },
          { code: 'HELT_NEDSATT', from: '2025-06-16', to: '2025-06-29' },
        ],
      }),
    ).toEqual([]);
  });

  it('flags each later period once, whatever the row order', () => {
    const errors = errorsOf('32', {
      '32': [
        { code: 'HALFTEN', from: '2025-06-20', to: '2025-06-25' },
        { code: 'HELT_NEDSATT', from: '2025-06-16', to: '2025-06-30' },
        { code: 'EN_FJARDEDEL', from: '2025-06-24', to: '2025-07-10' },
      ],
    });
    expect(errors.map((error) => error.path)).toEqual([
      [0, 'from'],
      [2, 'from'],
    ]);
  });

  it('applies to FK 7472 periods with shares as well', () => {
    const errors = errorsOf('56', {
      '56': [
        { code: 'HELA', from: '2025-06-16', to: '2025-06-20' },
        { code: 'HALVA', from: '2025-06-20', to: '2025-06-22' },
      ],
    });
    expect(errors.map((error) => error.message)).toEqual([
      'Ange perioder som inte överlappar varandra.',
    ]);
  });
});

describe('dateNotAfter', () => {
  const message =
    'Ange ett datum, tidigare än eller samma som för "min undersökning vid fysiskt vårdmöte".';

  it('reports a "known since" date after the examination date', () => {
    expect(errorsOf('2', { '2': '2025-06-16' })).toEqual([]);
    expect(errorsOf('2', { '2': '2025-06-17' }).map((error) => error.message)).toContain(message);
    const errors = errorsOf('2', {
      '1': [{ code: 'FYSISKUNDERSOKNING', date: '2025-06-01' }],
      '2': '2025-06-02',
    });
    expect(errors).toEqual([{ kind: 'invalid', path: [], message, source: 'dateNotAfter' }]);
  });

  it('is silent when the examination is not ticked or the question is hidden', () => {
    expect(
      errorsOf('2', { '1': [{ code: 'ANNAT', date: '2025-06-01' }], '2': '2025-06-10' }),
    ).toEqual([]);
    const hidden = evaluate(
      sampleDefinition,
      {
        ...completeSampleAnswers,
        '27': true,
        '1': [{ code: 'FYSISKUNDERSOKNING', date: '2025-06-01' }],
        '2': '2025-06-10',
      },
      context,
    );
    expect(hidden.questions['2']?.errors).toEqual([]);
    expect(hidden.readiness.blockers.filter((blocker) => blocker.questionId === '2')).toEqual([]);
  });
});

describe('atLeastOneAnswered', () => {
  it('needs one of the group and reports on attachTo as missing', () => {
    expect(errorsOf('8', { '8': '', '9': '' })).toEqual([
      {
        kind: 'missing',
        path: [],
        message: 'Beskriv minst en funktionsnedsättning.',
        source: 'atLeastOneAnswered',
      },
    ]);
    expect(errorsOf('8', { '8': '', '9': 'Nedsatt uppmärksamhet.' })).toEqual([]);
    expect(errorsOf('9', { '8': '', '9': '' })).toEqual([]);
  });

  it('does not apply when the whole group is hidden', () => {
    const result = evaluate(
      sampleDefinition,
      { ...completeSampleAnswers, '27': true, '8': '', '9': '' },
      context,
    );
    expect(result.questions['8']?.errors).toEqual([]);
  });

  it('moves to the first visible member when attachTo is hidden', () => {
    const definition = parseDefinition({
      code: 'group',
      formNumber: 'FK 2',
      name: 'Grupp',
      kind: 'utlåtande',
      version: '1.0',
      recipient: 'Försäkringskassan',
      summary: 'Ett prov.',
      policy: {
        draftRoles: ['physician'],
        signRoles: ['physician'],
        signAndSend: false,
        consentRequired: false,
        availableToPatient: false,
        fkMayAskQuestions: false,
        renew: { allowed: false, notCopied: [] },
        replaceAllowed: true,
        revokeAllowed: true,
      },
      categories: [
        {
          id: 'K',
          title: 'K',
          questions: [
            { id: 'toggle', kind: 'checkbox', label: 'Dölj a', checkboxLabel: 'Dölj a' },
            {
              id: 'a',
              kind: 'textArea',
              label: 'A',
              visibleIf: { type: 'not', condition: { type: 'answered', question: 'toggle' } },
            },
            { id: 'b', kind: 'textArea', label: 'B' },
          ],
        },
      ],
      crossChecks: [
        {
          type: 'atLeastOneAnswered',
          questions: ['a', 'b'],
          attachTo: 'a',
          message: 'Fyll i a eller b.',
        },
      ],
    });
    const shown = evaluate(definition, {}, context);
    expect(shown.questions.a?.errors.map((error) => error.message)).toEqual(['Fyll i a eller b.']);
    expect(shown.questions.b?.errors).toEqual([]);
    const hidden = evaluate(definition, { toggle: true, a: 'stale' }, context);
    expect(hidden.questions.a?.errors).toEqual([]);
    expect(hidden.questions.b?.errors.map((error) => error.message)).toEqual(['Fyll i a eller b.']);
  });
});

describe('rowsFromTop', () => {
  const diagnosis = (code: string, description: string) => ({ code, description });

  it('diagnoses: a filled lower row with an empty first row', () => {
    expect(errorsOf('6', { '6': [diagnosis('', ''), diagnosis('M545', 'Lumbago')] })).toEqual([
      {
        kind: 'invalid',
        path: [0, 'code'],
        message: 'Ange diagnos på översta raden först.',
        source: 'rowsFromTop',
      },
    ]);
  });

  it('diagnoses: a gap in the middle asks for code and description', () => {
    const errors = errorsOf('6', {
      '6': [diagnosis('M545', 'Lumbago'), diagnosis('', ''), diagnosis('J06', 'Förkylning')],
    });
    expect(errors).toEqual([
      { kind: 'missing', path: [1, 'code'], message: 'Ange diagnoskod.', source: 'rowsFromTop' },
      {
        kind: 'missing',
        path: [1, 'description'],
        message: 'Ange diagnosbeskrivning.',
        source: 'rowsFromTop',
      },
    ]);
  });

  it('diagnoses: trailing empty rows are fine', () => {
    expect(
      errorsOf('6', { '6': [diagnosis('M545', 'Lumbago'), diagnosis('', ''), diagnosis('', '')] }),
    ).toEqual([]);
  });

  it('investigations: a filled row below an empty one', () => {
    const row = { type: 'PSYKOLOG', date: '2025-05-01', source: 'Psykologen' };
    const empty = { type: '', date: '', source: '' };
    expect(errorsOf('4', { '4': [row, empty, row] })).toEqual([
      {
        kind: 'invalid',
        path: [1],
        message: 'Fyll i fälten uppifrån och ned.',
        source: 'rowsFromTop',
      },
    ]);
    expect(errorsOf('4', { '4': [row, empty] })).toEqual([]);
  });

  it('uses the check’s own message when given, and respects when', () => {
    const definition = parseDefinition({
      ...sampleDefinitionInput,
      crossChecks: [
        {
          type: 'rowsFromTop',
          question: '4',
          message: 'Fyll i den översta raden först.',
          when: { type: 'role', roles: ['physician'] },
        },
      ],
    });
    const answers = {
      ...completeSampleAnswers,
      '4': [
        { type: '', date: '', source: '' },
        { type: 'PSYKOLOG', date: '2025-05-01', source: 'X' },
      ],
    };
    expect(
      evaluate(definition, answers, context).questions['4']?.errors.map((e) => e.message),
    ).toEqual(['Fyll i den översta raden först.']);
    expect(
      evaluate(definition, answers, { ...context, role: 'nurse' }).questions['4']?.errors,
    ).toEqual([]);
  });
});
