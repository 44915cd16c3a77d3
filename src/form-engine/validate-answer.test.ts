import { describe, expect, it } from 'vitest';
import { disabledOptionCodes, validateAnswer, type FieldIssue } from './validate-answer';
import { isAnswerQuestion, questionSchema, type AnswerQuestion } from './definition-schema';
import { SAMPLE_TODAY, sampleDefinition } from './testing/sample-definition';

function sampleQuestion(id: string): AnswerQuestion {
  const question = sampleDefinition.categories
    .flatMap((category) => category.questions)
    .find((candidate) => candidate.id === id);
  if (!question || !isAnswerQuestion(question)) throw new Error(`No answer question ${id}`);
  return question;
}

function inlineQuestion(input: unknown): AnswerQuestion {
  const question = questionSchema.parse(input);
  if (!isAnswerQuestion(question)) throw new Error('Not an answer question');
  return question;
}

const env = { today: SAMPLE_TODAY };

function check(
  question: AnswerQuestion | string,
  value: unknown,
  required = false,
  extraEnv = {},
): FieldIssue[] {
  const target = typeof question === 'string' ? sampleQuestion(question) : question;
  return validateAnswer(target, value, required, { ...env, ...extraEnv });
}

const messages = (issues: FieldIssue[]) => issues.map((issue) => issue.message);

describe('text kinds', () => {
  it('requires non-blank text', () => {
    expect(check('29', '', true)).toEqual([
      { kind: 'missing', path: [], message: 'Ange ett svar.' },
    ]);
    expect(check('29', '   ', true)).toEqual([
      { kind: 'missing', path: [], message: 'Ange ett svar.' },
    ]);
    expect(check('29', undefined, true)).toHaveLength(1);
    expect(check('29', 'Snickare', true)).toEqual([]);
    expect(check('29', '', false)).toEqual([]);
  });

  it('enforces maxLength with FK’s text', () => {
    expect(check('1_3', 'x'.repeat(50))).toEqual([]);
    expect(check('1_3', 'x'.repeat(51))).toEqual([
      { kind: 'invalid', path: [], message: 'Ange en text som inte är längre än 50 tecken.' },
    ]);
  });

  it('rejects blank-only text when asked to', () => {
    expect(messages(check('1_4', '  '))).toEqual([
      'Fältet får inte fyllas i med endast blanksteg.',
    ]);
    expect(check('25', '  ')).toEqual([]);
  });

  it('validates ICF text', () => {
    expect(messages(check('35', { text: '' }, true))).toEqual(['Ange ett svar.']);
    expect(check('35', { text: 'Nedsatt rörlighet', icfCodes: ['b710'] }, true)).toEqual([]);
  });

  it('reports wrongly shaped values as invalid', () => {
    expect(check('25', 42)).toEqual([
      { kind: 'invalid', path: [], message: 'Svaret har ett ogiltigt format.' },
    ]);
    expect(check('35', 'text only', true)[0]?.kind).toBe('invalid');
  });
});

describe('choices', () => {
  it('yesNo needs a boolean when required', () => {
    expect(messages(check('3', undefined, true))).toEqual(['Välj ett alternativ.']);
    expect(check('3', false, true)).toEqual([]);
    expect(messages(check('3', 'Ja', true))).toEqual(['Svaret har ett ogiltigt format.']);
  });

  it('a required checkbox must be ticked', () => {
    const consent = inlineQuestion({
      id: 'c',
      kind: 'checkbox',
      label: 'Samtycke',
      checkboxLabel: 'Ja',
      required: true,
    });
    expect(messages(check(consent, false, true))).toEqual(['Ange ett svar.']);
    expect(messages(check(consent, undefined, true))).toEqual(['Ange ett svar.']);
    expect(check(consent, true, true)).toEqual([]);
    expect(check('26', false, false)).toEqual([]);
  });

  it('codeRadio and dropdown accept their own codes only', () => {
    expect(messages(check('39', '', true))).toEqual(['Välj ett alternativ.']);
    expect(messages(check('39', 'ATER_X_ANTAL_DGR', true))).toEqual([
      'Välj ett giltigt alternativ.',
    ]);
    expect(check('39', 'PROGNOS_OKLAR', true)).toEqual([]);
    expect(messages(check('52', undefined, true))).toEqual(['Välj ett alternativ.']);
    expect(messages(check('52', 'BOGUS', false))).toEqual(['Välj ett giltigt alternativ.']);
  });

  it('codeCheckboxes: at least one, known codes, no duplicates, exclusive options alone', () => {
    expect(messages(check('28', [], true))).toEqual(['Välj minst ett alternativ.']);
    expect(check('28', ['STUDIER', 'ARBETSSOKANDE'], true)).toEqual([]);
    expect(check('28', ['STUDIER', 'BOGUS'], true)).toEqual([
      { kind: 'invalid', path: [1], message: 'Välj ett giltigt alternativ.' },
    ]);
    expect(messages(check('28', ['STUDIER', 'STUDIER'], true))).toEqual([
      'Varje alternativ får bara väljas en gång.',
    ]);
    expect(messages(check('40', ['EJ_AKTUELLT', 'ARBETSTRANING']))).toEqual([
      'Alternativet kan inte kombineras med andra alternativ.',
    ]);
    expect(check('40', ['EJ_AKTUELLT'])).toEqual([]);
  });

  it('disables exclusive options against the others', () => {
    const question = sampleQuestion('40');
    expect(disabledOptionCodes(question, [])).toEqual([]);
    expect(disabledOptionCodes(question, ['EJ_AKTUELLT'])).toEqual([
      'ARBETSTRANING',
      'ARBETSANPASSNING',
    ]);
    expect(disabledOptionCodes(question, ['ARBETSTRANING'])).toEqual(['EJ_AKTUELLT']);
    expect(disabledOptionCodes(sampleQuestion('28'), ['STUDIER'])).toEqual([]);
  });
});

describe('checkboxDates', () => {
  it('needs a ticked option, each with a valid date not in the future', () => {
    expect(messages(check('1', [], true))).toEqual(['Välj minst ett alternativ.']);
    expect(check('1', [{ code: 'ANNAT', date: '' }], true)).toEqual([
      { kind: 'missing', path: [0, 'date'], message: 'Ange ett datum.' },
    ]);
    expect(check('1', [{ code: 'ANNAT', date: '2025-06-17' }], true)).toEqual([
      { kind: 'invalid', path: [0, 'date'], message: 'Ange ett datum som är senast 2025-06-16.' },
    ]);
    expect(messages(check('1', [{ code: 'ANNAT', date: '16/6' }], true))).toEqual([
      'Ange giltigt datum i formatet åååå-mm-dd.',
    ]);
    expect(messages(check('1', [{ code: 'UNDERSOKNING', date: '2025-06-01' }], true))).toEqual([
      'Välj ett giltigt alternativ.',
    ]);
    expect(check('1', [{ code: 'ANNAT', date: '2025-06-16' }], true)).toEqual([]);
  });
});

describe('date', () => {
  it('uses the question’s own text for a future date (LUSE style)', () => {
    expect(messages(check('2', '2025-06-17', true))).toEqual([
      'Ange ett giltigt datum. Framtida datum får inte anges.',
    ]);
    expect(check('2', '2025-06-16', true)).toEqual([]);
    expect(messages(check('2', '', true))).toEqual(['Ange ett datum.']);
  });

  it('enforces min today and max today + 1 year (FK 7210)', () => {
    expect(messages(check('54', '2025-06-15'))).toEqual([
      'Ange ett datum som är tidigast 2025-06-16.',
    ]);
    expect(check('54', '2025-06-16')).toEqual([]);
    expect(check('54', '2026-06-16')).toEqual([]);
    expect(messages(check('54', '2026-06-17'))).toEqual([
      'Ange ett datum som är senast 2026-06-16.',
    ]);
  });

  it('rejects impossible and absurd dates', () => {
    expect(messages(check('54', '2025-02-30'))).toEqual([
      'Ange giltigt datum i formatet åååå-mm-dd.',
    ]);
    expect(messages(check('2', '1899-12-31'))).toEqual([
      'Ange ett datum som inte ligger för långt fram eller tillbaka i tiden.',
    ]);
  });
});

describe('integer', () => {
  it('must be a whole number in range', () => {
    expect(messages(check('39_4', undefined, true))).toEqual(['Ange ett svar.']);
    expect(check('39_4', 1, true)).toEqual([]);
    expect(check('39_4', 99, true)).toEqual([]);
    // NaN: text the field could not read ("12a", "1,5"), invalid whether required or not.
    expect(messages(check('39_4', Number.NaN, true))).toEqual(['Ange ett heltal.']);
    expect(messages(check('39_4', Number.NaN, false))).toEqual(['Ange ett heltal.']);
    for (const bad of [0, 100, 2.5, -1]) {
      expect(messages(check('39_4', bad, true))).toEqual(['Ange ett värde mellan 1-99.']);
    }
  });
});

describe('period lists', () => {
  it('needs a period with both dates, end not before start', () => {
    expect(messages(check('32', [], true))).toEqual(['Välj minst ett alternativ.']);
    expect(check('32', [{ code: 'HALFTEN', from: '2025-06-16', to: '' }], true)).toEqual([
      { kind: 'missing', path: [0, 'to'], message: 'Ange ett datum.' },
    ]);
    expect(check('32', [{ code: 'HALFTEN', from: '2025-06-16', to: '2025-06-15' }], true)).toEqual([
      {
        kind: 'invalid',
        path: [0, 'to'],
        message: 'Ange ett slutdatum som infaller efter startdatumet.',
      },
    ]);
    expect(check('32', [{ code: 'HALFTEN', from: '2025-06-16', to: '2025-06-16' }], true)).toEqual(
      [],
    );
  });

  it('allows each degree once and only known degrees', () => {
    const twice = [
      { code: 'HALFTEN', from: '2025-06-16', to: '2025-06-20' },
      { code: 'HALFTEN', from: '2025-07-16', to: '2025-07-20' },
    ];
    expect(messages(check('32', twice, true))).toEqual([
      'Varje alternativ får bara väljas en gång.',
    ]);
    expect(
      messages(check('32', [{ code: 'HALVA', from: '2025-06-16', to: '2025-06-20' }], true)),
    ).toEqual(['Välj ett giltigt alternativ.']);
  });

  it('FK 7472: no date before today − 90 days', () => {
    expect(check('56', [{ code: 'HALVA', from: '2025-03-18', to: '2025-03-20' }])).toEqual([]);
    expect(check('56', [{ code: 'HALVA', from: '2025-03-17', to: '2025-03-20' }])).toEqual([
      { kind: 'invalid', path: [0, 'from'], message: 'Ange ett datum som är tidigast 2025-03-18.' },
    ]);
  });
});

describe('diagnoses', () => {
  const row = (code: string, description = 'Beskrivning') => ({ code, description });

  it('needs at least one diagnosis with code and description', () => {
    expect(messages(check('6', [], true))).toEqual(['Ange minst en diagnos.']);
    expect(messages(check('6', [row('', '')], true))).toEqual(['Ange minst en diagnos.']);
    expect(check('6', [row('M545', '')], true)).toEqual([
      { kind: 'missing', path: [0, 'description'], message: 'Ange diagnosbeskrivning.' },
    ]);
    expect(check('6', [row('', 'Lumbago')], true)).toEqual([
      { kind: 'missing', path: [0, 'code'], message: 'Ange diagnoskod.' },
    ]);
    expect(check('6', [row('M545')], true)).toEqual([]);
    expect(check('6', [], false)).toEqual([]);
  });

  it('checks the code format and length rules', () => {
    expect(messages(check('6', [row('M5')], true))).toEqual(['Diagnoskod är ej giltig.']);
    expect(messages(check('6', [row('M54.5')], true))).toEqual(['Diagnoskod är ej giltig.']);
    expect(messages(check('6', [row('M54591')], true))).toEqual(['Diagnoskod är ej giltig.']);
    expect(messages(check('6', [row('F32')], true))).toEqual(['Diagnoskod är ej giltig.']);
    expect(check('6', [row('F321')], true)).toEqual([]);
    expect(check('6', [row('Z730')], true)).toEqual([]);
  });

  it('uses v1 texts when a form overrides them', () => {
    const v1 = inlineQuestion({
      id: 'd',
      kind: 'diagnoses',
      label: 'Diagnos',
      maxRows: 3,
      codeFormat: { minLength: 3, maxLength: 5, psychiatricMinLength: 4 },
      errorTexts: {
        diagnosisCodeTooShort:
          'Ange diagnoskod med så många positioner som möjligt, men minst tre positioner.',
        diagnosisPsychiatricCodeTooShort:
          'Ange diagnosrad med minst fyra positioner på en psykisk diagnos.',
        diagnosisDescriptionMissing: 'Ange diagnostext.',
      },
    });
    expect(messages(check(v1, [row('Z73')], true))).toEqual([
      'Ange diagnosrad med minst fyra positioner på en psykisk diagnos.',
    ]);
    expect(messages(check(v1, [row('M54', '')], true))).toEqual(['Ange diagnostext.']);
    const shortCodes = inlineQuestion({
      id: 'd2',
      kind: 'diagnoses',
      label: 'Diagnos',
      maxRows: 3,
      codeFormat: { minLength: 4 },
      errorTexts: {
        diagnosisCodeTooShort:
          'Ange diagnoskod med så många positioner som möjligt, men minst tre positioner.',
      },
    });
    expect(messages(check(shortCodes, [row('M54')], true))).toEqual([
      'Ange diagnoskod med så många positioner som möjligt, men minst tre positioner.',
    ]);
  });

  it('rejects codes the code list does not know, when a lookup is given', () => {
    const known = new Set(['M545']);
    const lookup = { isKnownDiagnosisCode: (code: string) => known.has(code) };
    expect(check('6', [row('M545')], true, lookup)).toEqual([]);
    expect(check('6', [row('M546')], true, lookup)).toEqual([
      { kind: 'invalid', path: [0, 'code'], message: 'Diagnoskod är ej giltig.' },
    ]);
    expect(check('6', [row('M546')], true)).toEqual([]);
  });

  it('refuses a description that is the official title of a different code', () => {
    const titles = new Map([
      ['F32', 'Depressiv episod'],
      ['F320', 'Lindrig depressiv episod'],
      ['F321', 'Medelsvår depressiv episod'],
    ]);
    const diagnosisTitles = {
      titleOf: (code: string) => titles.get(code),
      codesTitled: (text: string) =>
        [...titles]
          .filter(([, title]) => title.toLowerCase() === text.trim().toLowerCase())
          .map(([code]) => code),
    };
    const env = { diagnosisTitles };
    expect(check('6', [row('F321', 'Lindrig depressiv episod')], true, env)).toEqual([
      {
        kind: 'invalid',
        path: [0, 'description'],
        message:
          'Diagnosbeskrivningen är texten för diagnoskod F32.0. Ändra koden eller beskrivningen så att de stämmer överens.',
      },
    ]);
    // The code's own title (any case), its parent's title, and hand-written text are fine.
    expect(check('6', [row('F321', 'medelsvår depressiv episod ')], true, env)).toEqual([]);
    expect(check('6', [row('F321', 'Depressiv episod')], true, env)).toEqual([]);
    expect(check('6', [row('F321', 'Depression, medelsvår, efter skilsmässa')], true, env)).toEqual(
      [],
    );
    // A child's title on its parent says more than the code does.
    expect(messages(check('6', [row('F32', 'Lindrig depressiv episod')], true, env))).toContain(
      'Diagnosbeskrivningen är texten för diagnoskod F32.0. Ändra koden eller beskrivningen så att de stämmer överens.',
    );
    // A code whose title is not known cannot be judged.
    expect(check('6', [row('F329', 'Lindrig depressiv episod')], true, env)).toEqual([]);
  });

  it('limits description length, rows and code systems', () => {
    expect(messages(check('6', [row('M545', 'x'.repeat(82))], true))).toEqual([
      'Ange en text som inte är längre än 81 tecken.',
    ]);
    expect(messages(check('6', [row('M545'), row('J06'), row('J20'), row('J21')], true))).toEqual([
      'Ange högst 3 rader.',
    ]);
    const mixed = inlineQuestion({
      id: 'd3',
      kind: 'diagnoses',
      label: 'Diagnos',
      maxRows: 3,
      codeSystems: ['ICD-10-SE', 'KSH97-P'],
      sameCodeSystem: true,
    });
    expect(
      messages(
        check(
          mixed,
          [
            { code: 'M545', description: 'x', codeSystem: 'ICD-10-SE' },
            { code: 'J06-P', description: 'y', codeSystem: 'KSH97-P' },
          ],
          true,
        ),
      ),
    ).toEqual(['Ange alla diagnoser med samma kodverk.']);
    expect(
      messages(check(mixed, [{ code: 'M545', description: 'x', codeSystem: 'SNOMED' }], true)),
    ).toEqual(['Välj ett giltigt alternativ.']);
  });
});

describe('investigations', () => {
  const row = { type: 'PSYKOLOG', date: '2025-05-01', source: 'Psykologmottagningen' };

  it('needs a complete first row when required', () => {
    expect(check('4', [], true)).toEqual([
      { kind: 'missing', path: [], message: 'Ange ett svar.' },
    ]);
    expect(check('4', [row], true)).toEqual([]);
    expect(check('4', [{ type: '', date: '', source: 'X' }], true)).toEqual([
      { kind: 'missing', path: [0, 'type'], message: 'Välj ett alternativ.' },
      { kind: 'missing', path: [0, 'date'], message: 'Ange ett datum.' },
    ]);
    expect(check('4', [{ ...row, source: ' ' }], true)).toEqual([
      { kind: 'missing', path: [0, 'source'], message: 'Ange ett svar.' },
    ]);
  });

  it('checks type, future dates, source length and row count', () => {
    expect(messages(check('4', [{ ...row, type: 'LOGOPED' }], true))).toEqual([
      'Välj ett giltigt alternativ.',
    ]);
    expect(messages(check('4', [{ ...row, date: '2025-06-17' }], true))).toEqual([
      'Ange ett datum som är senast 2025-06-16.',
    ]);
    expect(messages(check('4', [{ ...row, source: 'x'.repeat(54) }], true))).toEqual([
      'Ange en text som inte är längre än 53 tecken.',
    ]);
    expect(messages(check('4', [row, row, row, row], true))).toEqual(['Ange högst 3 rader.']);
  });
});

describe('careUnitContact', () => {
  const full = { address: 'Storgatan 1', postcode: '11122', city: 'Stockholm', phone: '08-1' };

  it('names each missing field', () => {
    expect(check('unit', undefined, true)).toEqual([
      { kind: 'missing', path: ['address'], message: 'Ange postadress.' },
      { kind: 'missing', path: ['postcode'], message: 'Ange postnummer.' },
      { kind: 'missing', path: ['city'], message: 'Ange postort.' },
      { kind: 'missing', path: ['phone'], message: 'Ange telefonnummer.' },
    ]);
    expect(check('unit', { ...full, city: ' ' }, true)).toEqual([
      { kind: 'missing', path: ['city'], message: 'Ange postort.' },
    ]);
    expect(check('unit', full, true)).toEqual([]);
  });

  it('checks five-digit postcodes when configured', () => {
    expect(check('unit', { ...full, postcode: '111 22' }, true)).toEqual([]);
    expect(check('unit', { ...full, postcode: '1112' }, true)).toEqual([
      { kind: 'invalid', path: ['postcode'], message: 'Ange postnummer med fem siffror.' },
    ]);
  });
});
