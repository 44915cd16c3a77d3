import { describe, expect, it } from 'vitest';
import definitionJson from './fk7804.json';
import { pruneHidden, type Answers, type EvaluationResult } from '../form-engine';
import {
  TODAY,
  blockingQuestionIds,
  context,
  day,
  errorsOf,
  expectReady,
  knownCodesLookup,
  loadDefinition,
  messagesOf,
  questionOf,
  run,
  stateOf as state,
  without,
} from './definition-test-kit';
import { fk7804Answers } from '../../server/seed/certificates/fk7804';
import { loadIcd10IndexFromDisk } from '../../server/domain/diagnoses/load-icd10-node';
import { isKnownCode } from '../../server/domain/diagnoses/icd10-index';
import { describeBasisRules, describeDiagnosisRowRules } from './testing/basis-and-diagnosis-rules';
import { describeSharedRules, itParsesAsTheForm } from './testing/shared-rules';

const subject = loadDefinition(definitionJson, fk7804Answers);
const { definition } = subject;

const complete = (): Answers => fk7804Answers.complete(TODAY);
const minimal = (): Answers => fk7804Answers.minimal(TODAY);
const text = (length: number): string => 'a'.repeat(length);

const knownDiagnosisCodes = knownCodesLookup(loadIcd10IndexFromDisk, isKnownCode);

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

/** The minimal answers with these sick-leave periods (days from TODAY) and 33 = Nej. */
function periods(...rows: Array<[string, number, number]>): Answers {
  return {
    ...minimal(),
    '32': rows.map(([code, from, to]) => ({ code, from: day(from), to: day(to) })),
    '33': false,
  };
}

function noticeIds(result: EvaluationResult): string[] {
  return result.notices.map((notice) => notice.id);
}

describe('fk7804 definition', () => {
  itParsesAsTheForm(definitionJson, {
    code: 'fk7804',
    formNumber: 'FK 7804',
    name: 'Läkarintyg för sjukpenning',
    kind: 'intyg',
    version: '2.0',
  });

  it('is the current v2.0 model', () => {
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
      fmbGuidance: true,
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

describeSharedRules('fk7804', subject, {
  signRoles: ['physician'],
  fiveDigitPostcode: false,
  otherValidUnits: [
    { address: 'Storgatan 1', postcode: '392 34', city: 'Kalmar', phone: '0480-1' },
  ],
  knownDiagnosisCodes,
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

describeBasisRules('fk7804', subject, {
  codes: [
    'FYSISKUNDERSOKNING',
    'DIGITALUNDERSOKNING',
    'TELEFONKONTAKT',
    'JOURNALUPPGIFTER',
    'ANNAT',
  ],
  followUps: [['1_3', 'ANNAT', 50, 'Intyg från fysioterapeut']],
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
      'Ange en text som inte är längre än 4\u00a0000 tecken.',
    ]);
    expectReady(run(definition, { ...answers, '29': text(4000) }));
  });
});

describeDiagnosisRowRules('fk7804', subject, {
  id: '6',
  maxRows: 3,
  rows: [
    ['M545', 'Lumbago'],
    ['F432', 'Anpassningsstörning'],
  ],
  tooMany: [
    ['M545', 'Lumbago'],
    ['F432', 'Anpassningsstörning'],
    ['G473', 'Sömnapnésyndrom'],
    ['R522', 'Annan kronisk smärta eller värk'],
  ],
  unknown: ['M549X', 'Ryggvärk'],
  isKnownDiagnosisCode: (code) => code === 'M545',
  codeFormat: false,
});

describe('fk7804 free texts (35, 17, 19, 37, 44, 25, 26.2)', () => {
  it.each(['35', '17'])('%s requires a text; ICF codes alone are not enough', (id) => {
    const result = run(definition, { ...minimal(), [id]: { text: '  ', icfCodes: ['b28013'] } });
    expect(errorsOf(result, id)).toEqual(['Ange ett svar.']);
  });

  it.each(['35', '17'])('%s is at most 4000 characters', (id) => {
    expect(errorsOf(run(definition, { ...minimal(), [id]: { text: text(4001) } }), id)).toEqual([
      'Ange en text som inte är längre än 4\u00a0000 tecken.',
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
        'Ange en text som inte är längre än 4\u00a0000 tecken.',
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
    const question = questionOf(definition, '32');
    expect(
      question.kind === 'sickLeavePeriods' &&
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
    const overlapping = run(
      definition,
      periods(['HELT_NEDSATT', 0, 13], ['TRE_FJARDEDEL', 13, 27]),
    );
    expect(errorsOf(overlapping, '32')).toEqual(['Ange perioder som inte överlappar varandra.']);
    expect(state(overlapping, '32').errors[0]?.path).toEqual([1, 'from']);
    const adjacent = run(definition, periods(['HELT_NEDSATT', 0, 13], ['TRE_FJARDEDEL', 14, 27]));
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
    const result = run(definition, periods(['HALFTEN', 1, 20], ['HELT_NEDSATT', -10, 0]));
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

describe('fk7804 notices', () => {
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
