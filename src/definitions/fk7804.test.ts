import { describe, expect, it } from 'vitest';
import definitionJson from './fk7804.json';
import {
  addDays,
  parseDefinition,
  pruneHidden,
  READINESS_MESSAGES,
  type Answers,
  type EvaluationResult,
  type Role,
} from '../form-engine';
import {
  TODAY,
  blockingQuestionIds,
  context,
  errorsOf,
  expectReady,
  messagesOf,
  run,
  without,
} from './definition-test-kit';
import { fk7804Answers } from '../../mocks/builders/certificates/fk7804';
import { loadIcd10IndexFromDisk } from '../../mocks/diagnoses/load-icd10-node';
import { isKnownCode } from '../../mocks/diagnoses/icd10-index';

const definition = parseDefinition(definitionJson);

const complete = (): Answers => fk7804Answers.complete(TODAY);
const minimal = (): Answers => fk7804Answers.minimal(TODAY);
const day = (offset: number): string => addDays(TODAY, offset);
const text = (length: number): string => 'a'.repeat(length);

const EARLY_START_MESSAGE =
  'Du har angett att sjukskrivningsperioden startar mer än 7 dagar bakåt i tiden. Ange orsaken till detta i fältet "Övriga upplysningar".';

/** Questions hidden (and never validated) while smittbärarpenning (27) is ticked. */
const HIDDEN_BY_SMITTBARARPENNING = [
  '1',
  '1_3',
  '28',
  '29',
  '35',
  '17',
  '19',
  '37',
  '34',
  '39',
  '39_4',
  '39_2',
  '44',
  '26',
  '26_2',
];
const CATEGORIES_HIDDEN_BY_SMITTBARARPENNING = [
  'KAT_2',
  'KAT_3',
  'KAT_5',
  'KAT_6',
  'KAT_7',
  'KAT_9',
  'KAT_10',
  'KAT_12',
];

function state(result: EvaluationResult, id: string) {
  const question = result.questions[id];
  if (question === undefined) throw new Error(`no question ${id}`);
  return question;
}

function noticeIds(result: EvaluationResult): string[] {
  return result.notices.map((notice) => notice.id);
}

describe('fk7804 definition', () => {
  it('parses with the meta-schema and is the current v2.0 model', () => {
    expect(definition.code).toBe('fk7804');
    expect(definition.formNumber).toBe('FK 7804');
    expect(definition.version).toBe('2.0');
    expect(definition.kind).toBe('intyg');
    expect(definition.description).toContain('v2.0');
  });

  it('carries the policy FK gives for 7804', () => {
    expect(definition.policy).toEqual({
      draftRoles: ['physician', 'care-admin', 'nurse', 'midwife'],
      signRoles: ['physician'],
      signAndSend: false,
      sendAfterComplement: true,
      consentRequired: true,
      availableToPatient: true,
      patientMaySend: true,
      fkMayAskQuestions: true,
      fkMayRequestComplement: true,
      protectedPersonSignRolesOnly: true,
      renew: {
        allowed: true,
        notCopied: ['1', '1_3', '32', '39', '39_2', '39_4', '26', '26_2'],
      },
      replaceAllowed: true,
      revokeAllowed: true,
    });
  });
});

describe('fk7804 answer builders', () => {
  it('the complete answers are ready to sign', () => {
    expectReady(run(definition, complete()));
  });

  it('the minimal answers are ready to sign', () => {
    expectReady(run(definition, minimal()));
  });

  it.each(['2024-02-29', '2025-12-31', '2026-01-01', '2027-06-30'])(
    'both answer sets are ready on %s',
    (today) => {
      expectReady(run(definition, fk7804Answers.complete(today), { today }));
      expectReady(run(definition, fk7804Answers.minimal(today), { today }));
    },
  );

  it('uses only diagnosis codes that exist in ICD-10-SE', async () => {
    const index = await loadIcd10IndexFromDisk();
    const isKnownDiagnosisCode = (code: string): boolean => isKnownCode(index, code);
    expectReady(run(definition, complete(), { isKnownDiagnosisCode }));
    expectReady(run(definition, minimal(), { isKnownDiagnosisCode }));
  });

  it('the complete answers hold nothing that pruning would drop', () => {
    const answers = complete();
    expect(pruneHidden(definition, answers, context())).toEqual(answers);
  });

  it.each(Object.keys(fk7804Answers.minimal(TODAY)))(
    'removing %s from the minimal answers blocks signing on that question',
    (id) => {
      const result = run(definition, without(minimal(), id));
      expect(result.readiness.readyToSign).toBe(false);
      expect(blockingQuestionIds(result)).toContain(id);
    },
  );
});

describe('fk7804 signing gate', () => {
  it('requires the patient consent to electronic transfer', () => {
    const result = run(definition, complete(), { consentRecorded: false });
    expect(result.readiness.readyToSign).toBe(false);
    expect(result.readiness.blockers).toEqual([
      { kind: 'consent', message: READINESS_MESSAGES.consentMissing, path: [] },
    ]);
    expectReady(run(definition, complete(), { consentRecorded: true }));
  });

  it.each<[Role, boolean, boolean]>([
    ['physician', true, true],
    ['care-admin', true, false],
    ['nurse', true, false],
    ['midwife', true, false],
  ])('role %s: may draft %s, may sign %s', (role, mayDraft, maySign) => {
    const result = run(definition, complete(), { role });
    expect(result.roleMayDraft).toBe(mayDraft);
    expect(result.roleMaySign).toBe(maySign);
  });
});

describe('fk7804 smittbärarpenning (27)', () => {
  const smitta = (): Answers => ({ ...complete(), '27': true });

  it.each(HIDDEN_BY_SMITTBARARPENNING)('27 ticked hides and skips question %s', (id) => {
    // Answers under which the question is shown, with its own answer emptied.
    const shown: Answers = {
      ...complete(),
      '39': id === '39_2' ? 'PROGNOS_OKLAR' : 'ATER_X_ANTAL_MANADER',
      [id]: undefined,
    };
    const unticked = run(definition, { ...shown, '27': false });
    expect(state(unticked, id).visible).toBe(true);
    const ticked = run(definition, { ...shown, '27': true });
    expect(state(ticked, id).visible).toBe(false);
    expect(state(ticked, id).required).toBe(false);
    expect(state(ticked, id).errors).toEqual([]);
    expect(blockingQuestionIds(ticked)).not.toContain(id);
  });

  it.each(CATEGORIES_HIDDEN_BY_SMITTBARARPENNING)('27 ticked hides category %s', (id) => {
    expect(run(definition, smitta()).categories[id]?.visible).toBe(false);
    expect(run(definition, complete()).categories[id]?.visible).toBe(true);
  });

  it('27 ticked keeps diagnosis, periods, arbetstidsförläggning, Övrigt and the unit address', () => {
    const result = run(definition, smitta());
    for (const id of ['27', '6', '32', '33', '33_2', '25', 'UNIT_CONTACT_INFORMATION']) {
      expect(state(result, id).visible).toBe(true);
    }
    expect(result.categories['KAT_4']?.visible).toBe(true);
    expect(result.categories['KAT_8']?.visible).toBe(true);
    expect(result.categories['KAT_11']?.visible).toBe(true);
  });

  it('with 27 ticked only diagnosis, periods and the unit address are required', () => {
    const answers: Answers = {
      '27': true,
      '6': [{ code: 'A099', description: 'Gastroenterit och kolit av ospecificerad orsak' }],
      '32': [{ code: 'HELT_NEDSATT', from: TODAY, to: day(4) }],
      UNIT_CONTACT_INFORMATION: complete()['UNIT_CONTACT_INFORMATION'],
    };
    expectReady(run(definition, answers));
    expect(blockingQuestionIds(run(definition, without(answers, '32')))).toEqual(['32']);
    expect(blockingQuestionIds(run(definition, without(answers, '6')))).toEqual(['6']);
  });

  it('33 still applies to part-time sick leave with 27 ticked (v2 has no hide rule on 27)', () => {
    const answers: Answers = {
      ...smitta(),
      '32': [{ code: 'HALFTEN', from: TODAY, to: day(6) }],
      '33': undefined,
    };
    const result = run(definition, answers);
    expect(state(result, '33').visible).toBe(true);
    expect(errorsOf(result, '33')).toEqual(['Välj ett alternativ.']);
  });

  it('pruning after ticking 27 drops the hidden answers and leaves a signable certificate', () => {
    const pruned = pruneHidden(definition, smitta(), context());
    for (const id of HIDDEN_BY_SMITTBARARPENNING) expect(pruned).not.toHaveProperty(id);
    expect(pruned).toHaveProperty('6');
    expect(pruned).toHaveProperty('32');
    expectReady(run(definition, pruned));
  });
});

describe('fk7804 grund för medicinskt underlag (1, 1.3)', () => {
  it('1 requires at least one basis', () => {
    expect(errorsOf(run(definition, { ...minimal(), '1': [] }), '1')).toEqual([
      'Välj minst ett alternativ.',
    ]);
  });

  it('1 offers the five v2 bases with their FK codes', () => {
    const question = definition.categories
      .flatMap((category) => category.questions)
      .find((candidate) => candidate.id === '1');
    expect(question?.kind === 'checkboxDates' && question.options.map((o) => o.code)).toEqual([
      'FYSISKUNDERSOKNING',
      'DIGITALUNDERSOKNING',
      'TELEFONKONTAKT',
      'JOURNALUPPGIFTER',
      'ANNAT',
    ]);
  });

  it('each ticked basis needs a date', () => {
    const result = run(definition, {
      ...minimal(),
      '1': [
        { code: 'FYSISKUNDERSOKNING', date: TODAY },
        { code: 'TELEFONKONTAKT', date: '' },
      ],
    });
    expect(errorsOf(result, '1')).toEqual(['Ange ett datum.']);
  });

  it('dates in 1 may not be in the future', () => {
    const future = run(definition, {
      ...minimal(),
      '1': [{ code: 'DIGITALUNDERSOKNING', date: day(1) }],
    });
    expect(errorsOf(future, '1')).toEqual([`Ange ett datum som är senast ${TODAY}.`]);
    expectReady(
      run(definition, { ...minimal(), '1': [{ code: 'DIGITALUNDERSOKNING', date: TODAY }] }),
    );
  });

  it('each basis may be ticked only once', () => {
    const result = run(definition, {
      ...minimal(),
      '1': [
        { code: 'JOURNALUPPGIFTER', date: day(-3) },
        { code: 'JOURNALUPPGIFTER', date: day(-2) },
      ],
    });
    expect(result.readiness.readyToSign).toBe(false);
    expect(blockingQuestionIds(result)).toEqual(['1']);
  });

  it('1.3 is shown and required only when ANNAT is ticked', () => {
    const withAnnat = run(definition, {
      ...minimal(),
      '1': [{ code: 'ANNAT', date: TODAY }],
    });
    expect(state(withAnnat, '1_3').visible).toBe(true);
    expect(errorsOf(withAnnat, '1_3')).toEqual(['Ange ett svar.']);
    const withoutAnnat = run(definition, { ...minimal(), '1_3': 'Intyg från fysioterapeut' });
    expect(state(withoutAnnat, '1_3').visible).toBe(false);
    expectReady(withoutAnnat);
  });

  it('1.3 is at most 50 characters', () => {
    const answers = { ...minimal(), '1': [{ code: 'ANNAT', date: TODAY }] };
    expect(errorsOf(run(definition, { ...answers, '1_3': text(51) }), '1_3')).toEqual([
      'Ange en text som inte är längre än 50.',
    ]);
    expectReady(run(definition, { ...answers, '1_3': text(50) }));
  });
});

describe('fk7804 sysselsättning (28, 29)', () => {
  it('28 requires at least one option', () => {
    expect(errorsOf(run(definition, { ...minimal(), '28': [] }), '28')).toEqual([
      'Välj minst ett alternativ.',
    ]);
  });

  it('29 is shown and required only with NUVARANDE_ARBETE', () => {
    const current = run(definition, { ...minimal(), '28': ['NUVARANDE_ARBETE', 'STUDIER'] });
    expect(state(current, '29').visible).toBe(true);
    expect(errorsOf(current, '29')).toEqual(['Ange ett svar.']);
    const other = run(definition, { ...minimal(), '28': ['FORALDRALEDIG'], '29': 'Lärare' });
    expect(state(other, '29').visible).toBe(false);
    expectReady(other);
  });

  it('29 is at most 4000 characters', () => {
    const answers = { ...minimal(), '28': ['NUVARANDE_ARBETE'] };
    expect(errorsOf(run(definition, { ...answers, '29': text(4001) }), '29')).toEqual([
      'Ange en text som inte är längre än 4000.',
    ]);
    expectReady(run(definition, { ...answers, '29': text(4000) }));
  });
});

describe('fk7804 diagnos (6)', () => {
  it('requires at least one diagnosis', () => {
    expect(errorsOf(run(definition, { ...minimal(), '6': [] }), '6')).toEqual([
      'Ange minst en diagnos.',
    ]);
  });

  it('rows must be filled from the top: an empty first row', () => {
    const result = run(definition, {
      ...minimal(),
      '6': [
        { code: '', description: '' },
        { code: 'M545', description: 'Lumbago' },
      ],
    });
    expect(errorsOf(result, '6')).toEqual(['Ange diagnos på översta raden först.']);
  });

  it('rows must be filled from the top: a gap in the middle', () => {
    const gap = run(definition, {
      ...minimal(),
      '6': [
        { code: 'M545', description: 'Lumbago' },
        { code: '', description: '' },
        { code: 'F432', description: 'Anpassningsstörning' },
      ],
    });
    expect(errorsOf(gap, '6')).toEqual(['Ange diagnoskod.', 'Ange diagnosbeskrivning.']);
    const noGap = run(definition, {
      ...minimal(),
      '6': [
        { code: 'M545', description: 'Lumbago' },
        { code: 'F432', description: 'Anpassningsstörning' },
        { code: '', description: '' },
      ],
    });
    expectReady(noGap);
  });

  it('each row needs both code and description', () => {
    expect(
      errorsOf(run(definition, { ...minimal(), '6': [{ code: 'M545', description: '' }] }), '6'),
    ).toEqual(['Ange diagnosbeskrivning.']);
    expect(
      errorsOf(run(definition, { ...minimal(), '6': [{ code: '', description: 'Lumbago' }] }), '6'),
    ).toEqual(['Ange diagnoskod.']);
  });

  it('the code must exist in ICD-10-SE', () => {
    const isKnownDiagnosisCode = (code: string): boolean => code === 'M545';
    const unknown = run(
      definition,
      { ...minimal(), '6': [{ code: 'M549X', description: 'Ryggvärk' }] },
      { isKnownDiagnosisCode },
    );
    expect(errorsOf(unknown, '6')).toEqual(['Diagnoskod är ej giltig.']);
    expectReady(run(definition, minimal(), { isKnownDiagnosisCode }));
  });

  it('allows at most three diagnoses', () => {
    const four = run(definition, {
      ...minimal(),
      '6': [
        { code: 'M545', description: 'Lumbago' },
        { code: 'F432', description: 'Anpassningsstörning' },
        { code: 'G473', description: 'Sömnapnésyndrom' },
        { code: 'R522', description: 'Annan kronisk smärta eller värk' },
      ],
    });
    expect(blockingQuestionIds(four)).toEqual(['6']);
  });
});

describe('fk7804 free texts (35, 17, 19, 37, 44, 25, 26.2)', () => {
  it.each(['35', '17'])('%s requires a text; ICF codes alone are not enough', (id) => {
    const result = run(definition, { ...minimal(), [id]: { text: '  ', icfCodes: ['b28013'] } });
    expect(errorsOf(result, id)).toEqual(['Ange ett svar.']);
  });

  it.each(['35', '17'])('%s is at most 4000 characters', (id) => {
    expect(errorsOf(run(definition, { ...minimal(), [id]: { text: text(4001) } }), id)).toEqual([
      'Ange en text som inte är längre än 4000.',
    ]);
    expectReady(run(definition, { ...minimal(), [id]: { text: text(4000) } }));
  });

  it.each(['19', '37', '44', '25', '26_2', '33_2', '39_2'])(
    '%s is at most 4000 characters',
    (id) => {
      const base: Answers = {
        ...complete(),
        '39': id === '39_2' ? 'PROGNOS_OKLAR' : 'ATER_X_ANTAL_MANADER',
      };
      expect(errorsOf(run(definition, { ...base, [id]: text(4001) }), id)).toEqual([
        'Ange en text som inte är längre än 4000.',
      ]);
      expectReady(run(definition, { ...base, [id]: text(4000) }));
    },
  );

  it.each(['19', '37', '44', '25', '34', '26'])('%s is optional', (id) => {
    expectReady(run(definition, without(complete(), id, '26_2')));
  });
});

describe('fk7804 nedsättning av arbetsförmågan (32)', () => {
  it('requires at least one sick-leave degree', () => {
    expect(errorsOf(run(definition, { ...minimal(), '32': [] }), '32')).toEqual([
      'Välj minst ett alternativ.',
    ]);
  });

  it('offers the four degrees with their FK codes', () => {
    const question = definition.categories
      .flatMap((category) => category.questions)
      .find((candidate) => candidate.id === '32');
    expect(
      question?.kind === 'sickLeavePeriods' &&
        question.options.map((o) => [o.code, o.label, o.percent]),
    ).toEqual([
      ['EN_FJARDEDEL', '25 procent', 25],
      ['HALFTEN', '50 procent', 50],
      ['TRE_FJARDEDEL', '75 procent', 75],
      ['HELT_NEDSATT', '100 procent', 100],
    ]);
  });

  it('each period needs a from and a to date', () => {
    const result = run(definition, {
      ...minimal(),
      '32': [{ code: 'HELT_NEDSATT', from: TODAY, to: '' }],
    });
    expect(errorsOf(result, '32')).toEqual(['Ange ett datum.']);
    expect(state(result, '32').errors[0]?.path).toEqual([0, 'to']);
    const noFrom = run(definition, {
      ...minimal(),
      '32': [{ code: 'HELT_NEDSATT', from: '', to: TODAY }],
    });
    expect(state(noFrom, '32').errors[0]?.path).toEqual([0, 'from']);
  });

  it('the end date may not be before the start date', () => {
    const result = run(definition, {
      ...minimal(),
      '32': [{ code: 'HELT_NEDSATT', from: day(5), to: day(4) }],
    });
    expect(errorsOf(result, '32')).toEqual(['Ange ett slutdatum som infaller efter startdatumet.']);
    expectReady(
      run(definition, { ...minimal(), '32': [{ code: 'HELT_NEDSATT', from: day(5), to: day(5) }] }),
    );
  });

  it('periods may not overlap (a shared day counts)', () => {
    const overlapping = run(definition, {
      ...minimal(),
      '32': [
        { code: 'HELT_NEDSATT', from: TODAY, to: day(13) },
        { code: 'TRE_FJARDEDEL', from: day(13), to: day(27) },
      ],
      '33': false,
    });
    expect(errorsOf(overlapping, '32')).toEqual(['Ange perioder som inte överlappar varandra.']);
    expect(state(overlapping, '32').errors[0]?.path).toEqual([1, 'from']);
    const adjacent = run(definition, {
      ...minimal(),
      '32': [
        { code: 'HELT_NEDSATT', from: TODAY, to: day(13) },
        { code: 'TRE_FJARDEDEL', from: day(14), to: day(27) },
      ],
      '33': false,
    });
    expectReady(adjacent);
  });

  it('each degree may be used only once', () => {
    const result = run(definition, {
      ...minimal(),
      '32': [
        { code: 'HELT_NEDSATT', from: TODAY, to: day(6) },
        { code: 'HELT_NEDSATT', from: day(7), to: day(13) },
      ],
    });
    expect(blockingQuestionIds(result)).toEqual(['32']);
  });

  it('sets no min or max date on the periods', () => {
    expectReady(
      run(definition, {
        ...minimal(),
        '32': [{ code: 'HELT_NEDSATT', from: day(-400), to: day(400) }],
      }),
    );
  });

  it('warns when a period starts more than 7 days back, without blocking signing', () => {
    const early = run(definition, {
      ...minimal(),
      '32': [{ code: 'HELT_NEDSATT', from: day(-8), to: day(6) }],
    });
    expect(messagesOf(early, '32')).toEqual([EARLY_START_MESSAGE]);
    expect(state(early, '32').messages[0]?.severity).toBe('warning');
    expectReady(early);
    const sevenDaysBack = run(definition, {
      ...minimal(),
      '32': [{ code: 'HELT_NEDSATT', from: day(-7), to: day(6) }],
    });
    expect(messagesOf(sevenDaysBack, '32')).toEqual([]);
  });

  it('the early-start warning looks at every period, not only the first', () => {
    const result = run(definition, {
      ...minimal(),
      '32': [
        { code: 'HALFTEN', from: day(1), to: day(20) },
        { code: 'HELT_NEDSATT', from: day(-10), to: TODAY },
      ],
      '33': false,
    });
    expect(messagesOf(result, '32')).toEqual([EARLY_START_MESSAGE]);
  });

  it('the early-start warning also shows for smittbärarpenning', () => {
    const result = run(definition, {
      ...complete(),
      '27': true,
      '32': [{ code: 'HELT_NEDSATT', from: day(-9), to: day(3) }],
    });
    expect(messagesOf(result, '32')).toEqual([EARLY_START_MESSAGE]);
  });
});

describe('fk7804 arbetstidsförläggning (33, 33.2)', () => {
  it.each(['EN_FJARDEDEL', 'HALFTEN', 'TRE_FJARDEDEL'])(
    '33 is shown and required with a %s period',
    (code) => {
      const result = run(definition, {
        ...minimal(),
        '32': [{ code, from: TODAY, to: day(20) }],
      });
      expect(state(result, '33').visible).toBe(true);
      expect(errorsOf(result, '33')).toEqual(['Välj ett alternativ.']);
    },
  );

  it('33 is hidden when all sick leave is full-time', () => {
    const result = run(definition, { ...minimal(), '33': true, '33_2': 'Skäl' });
    expect(state(result, '33').visible).toBe(false);
    expect(state(result, '33_2').visible).toBe(false);
    expectReady(result);
  });

  it('33.2 is shown and required only when 33 is Ja', () => {
    const partial = { ...minimal(), '32': [{ code: 'HALFTEN', from: TODAY, to: day(20) }] };
    const yes = run(definition, { ...partial, '33': true });
    expect(state(yes, '33_2').visible).toBe(true);
    expect(errorsOf(yes, '33_2')).toEqual(['Ange ett svar.']);
    const no = run(definition, { ...partial, '33': false, '33_2': 'Gammal text' });
    expect(state(no, '33_2').visible).toBe(false);
    expectReady(no);
  });

  it('33.2 hides when 32 loses its part-time periods even if 33 was Ja', () => {
    const result = run(definition, {
      ...minimal(),
      '33': true,
      '33_2': '',
    });
    expect(state(result, '33_2').visible).toBe(false);
    expectReady(result);
  });
});

describe('fk7804 prognos (39, 39.4, 39.2)', () => {
  it('39 requires an option', () => {
    expect(errorsOf(run(definition, without(minimal(), '39')), '39')).toEqual([
      'Välj ett alternativ.',
    ]);
  });

  it('39.4 is shown and required only for ATER_X_ANTAL_MANADER', () => {
    const months = run(definition, { ...minimal(), '39': 'ATER_X_ANTAL_MANADER' });
    expect(state(months, '39_4').visible).toBe(true);
    expect(errorsOf(months, '39_4')).toEqual(['Ange ett svar.']);
    const other = run(definition, { ...minimal(), '39': 'SANNOLIKT_INTE', '39_4': 3 });
    expect(state(other, '39_4').visible).toBe(false);
    expectReady(other);
  });

  it('39.4 is a whole number of months from 1 to 99', () => {
    const answers = { ...minimal(), '39': 'ATER_X_ANTAL_MANADER' };
    for (const value of [0, 100, 2.5]) {
      expect(errorsOf(run(definition, { ...answers, '39_4': value }), '39_4')).toEqual([
        'Ange ett värde mellan 1-99.',
      ]);
    }
    expectReady(run(definition, { ...answers, '39_4': 1 }));
    expectReady(run(definition, { ...answers, '39_4': 99 }));
  });

  it('39.2 is shown and required only for PROGNOS_OKLAR', () => {
    const unclear = run(definition, { ...minimal(), '39': 'PROGNOS_OKLAR' });
    expect(state(unclear, '39_2').visible).toBe(true);
    expect(errorsOf(unclear, '39_2')).toEqual(['Ange ett svar.']);
    const clear = run(definition, { ...minimal(), '39': 'STOR_SANNOLIKHET', '39_2': 'Oklart' });
    expect(state(clear, '39_2').visible).toBe(false);
    expectReady(clear);
    expectReady(
      run(definition, {
        ...minimal(),
        '39': 'PROGNOS_OKLAR',
        '39_2': 'Utredning av bakomliggande orsak pågår.',
      }),
    );
  });
});

describe('fk7804 kontakt (26, 26.2)', () => {
  it('26.2 is shown only when 26 is ticked', () => {
    expect(state(run(definition, { ...minimal(), '26': true }), '26_2').visible).toBe(true);
    const unticked = run(definition, { ...minimal(), '26': false, '26_2': 'Text' });
    expect(state(unticked, '26_2').visible).toBe(false);
    expect(state(run(definition, minimal()), '26_2').visible).toBe(false);
  });

  it('26.2 is optional', () => {
    expectReady(run(definition, { ...minimal(), '26': true }));
  });
});

describe('fk7804 vårdenhetens adress', () => {
  it.each([
    ['address', 'Ange postadress.'],
    ['postcode', 'Ange postnummer.'],
    ['city', 'Ange postort.'],
    ['phone', 'Ange telefonnummer.'],
  ])('a blank %s blocks signing with "%s"', (field, message) => {
    const unit = { address: 'Storgatan 1', postcode: '392 34', city: 'Kalmar', phone: '0480-1' };
    const result = run(definition, {
      ...minimal(),
      UNIT_CONTACT_INFORMATION: { ...unit, [field]: ' ' },
    });
    expect(errorsOf(result, 'UNIT_CONTACT_INFORMATION')).toEqual([message]);
    expectReady(run(definition, { ...minimal(), UNIT_CONTACT_INFORMATION: unit }));
  });

  it('does not require a five-digit postcode (v1 only)', () => {
    const unit = { address: 'Box 12', postcode: '11743', city: 'Stockholm', phone: '08-1' };
    expectReady(run(definition, { ...minimal(), UNIT_CONTACT_INFORMATION: unit }));
  });
});

describe('fk7804 notices', () => {
  const periods = (...rows: [string, number, number][]): Answers => ({
    ...minimal(),
    '32': rows.map(([code, from, to]) => ({ code, from: day(from), to: day(to) })),
    '33': false,
  });

  it('a total sick-leave period under 15 days gets FK\'s "should normally not be sent" notice', () => {
    const fourteenDays = run(definition, periods(['HELT_NEDSATT', 0, 13]));
    expect(noticeIds(fourteenDays)).toContain('sjukperiodKortareAn15Dagar');
    const notice = fourteenDays.notices.find((n) => n.id === 'sjukperiodKortareAn15Dagar');
    expect(notice?.text).toContain(
      'Om sjukperioden är kortare än 15 dagar ska intyget inte skickas till Försäkringskassan utom i vissa undantagsfall.',
    );
    for (const exception of [
      'Egenföretagare',
      'Arbetssökande',
      'Anställd men arbetsgivaren betalar inte ut sjuklön',
      'Studerande och arbetar med rätt till sjukpenning (tjänar mer än 10 700 per år)',
      'Ledig med föräldrapenning',
      'Ledig med graviditetspenning',
    ]) {
      expect(notice?.text).toContain(exception);
    }
    expectReady(fourteenDays);
  });

  it('a sick-leave period of 15 days or more gets no such notice', () => {
    expect(noticeIds(run(definition, periods(['HELT_NEDSATT', 0, 14])))).not.toContain(
      'sjukperiodKortareAn15Dagar',
    );
  });

  it('the 15-day limit counts all periods together', () => {
    const short = run(definition, periods(['HELT_NEDSATT', -2, 5], ['HALFTEN', 6, 11]));
    expect(noticeIds(short)).toContain('sjukperiodKortareAn15Dagar');
    const long = run(definition, periods(['HELT_NEDSATT', -2, 5], ['HALFTEN', 6, 12]));
    expect(noticeIds(long)).not.toContain('sjukperiodKortareAn15Dagar');
  });

  it('the 15-day limit counts the days the periods cover, not the span with its gaps', () => {
    const withGap = run(definition, periods(['HELT_NEDSATT', 0, 6], ['HALFTEN', 20, 26]));
    expect(noticeIds(withGap)).toContain('sjukperiodKortareAn15Dagar');
  });

  it('no period means no 15-day notice', () => {
    expect(noticeIds(run(definition, without(minimal(), '32')))).not.toContain(
      'sjukperiodKortareAn15Dagar',
    );
  });

  it('always reminds that an incoming certificate is not a sick notification', () => {
    for (const answers of [complete(), minimal(), {}]) {
      const result = run(definition, answers);
      const notice = result.notices.find((n) => n.id === 'ingenSjukanmalan');
      expect(notice?.text).toContain('sjukanmäld');
      expect(notice?.text).toContain('från första sjukdagen');
    }
  });
});
