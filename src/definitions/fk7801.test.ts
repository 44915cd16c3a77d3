// @vitest-environment node
import { beforeAll, describe, expect, it } from 'vitest';
import definitionJson from './fk7801.json';
import {
  READINESS_MESSAGES,
  addDays,
  addYears,
  parseDefinition,
  pruneHidden,
  type Answers,
  type EvaluationContext,
  type EvaluationResult,
  type QuestionState,
  type Role,
} from '../form-engine';
import { fk7801Answers } from '../../mocks/builders/certificates/fk7801';
import { isKnownCode, type Icd10Index } from '../../mocks/diagnoses/icd10-index';
import { loadIcd10IndexFromDisk } from '../../mocks/diagnoses/load-icd10-node';
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

const definition = parseDefinition(definitionJson);
const minimal = fk7801Answers.minimal(TODAY);
const complete = fk7801Answers.complete(TODAY);

const FUTURE_DATE = 'Ange ett giltigt datum. Framtida datum får inte anges.';
const ANSWER_MISSING = 'Ange ett svar.';
const BLANK_ONLY = 'Fältet får inte fyllas i med endast blanksteg.';
const tooLong = (max: number): string => `Ange en text som inte är längre än ${max}.`;
const text = (length: number): string => 'x'.repeat(length);
const tomorrow = addDays(TODAY, 1);

/** The minimal answers with some replaced or added. */
function withAnswers(overrides: Answers, base: Answers = minimal): Answers {
  return { ...base, ...overrides };
}

function stateOf(result: EvaluationResult, id: string): QuestionState {
  const state = result.questions[id];
  if (state === undefined) throw new Error(`no question ${id}`);
  return state;
}

function questionOf(id: string) {
  const question = definition.categories
    .flatMap((category) => category.questions)
    .find((candidate) => candidate.id === id);
  if (question === undefined) throw new Error(`no question ${id}`);
  return question;
}

const diagnosis = (code: string, description = 'Lumbago', codeSystem = 'ICD-10-SE') => ({
  code,
  description,
  codeSystem,
});
const emptyDiagnosis = { code: '', description: '' };
const investigation = (
  type: string,
  date = addDays(TODAY, -30),
  source = 'Vårdcentral Hornstull',
) => ({
  type,
  date,
  source,
});
const emptyInvestigation = { type: '', date: '', source: '' };

let icd10: Icd10Index;
beforeAll(async () => {
  icd10 = await loadIcd10IndexFromDisk();
});

describe('fk7801 definition', () => {
  it('parses with the meta-schema as FK 7801, an utlåtande', () => {
    expect(() => parseDefinition(definitionJson)).not.toThrow();
    expect(definition.code).toBe('fk7801');
    expect(definition.formNumber).toBe('FK 7801');
    expect(definition.name).toBe(
      'Läkarutlåtande för aktivitetsersättning vid nedsatt arbetsförmåga',
    );
    expect(definition.kind).toBe('utlåtande');
  });

  it('uses the FK question ids in form order, with the dotted FK id kept', () => {
    const questions = definition.categories.flatMap((category) => category.questions);
    expect(questions.map((question) => question.id)).toEqual([
      '1',
      '1_3',
      '1_4',
      '2',
      '3',
      '4',
      '6',
      '7',
      '45',
      '45_2',
      '5',
      '8',
      '9',
      '10',
      '11',
      '12',
      '13',
      '14',
      '17',
      '17_1',
      '18',
      '18_1',
      '19',
      '19_1',
      '20',
      '20_1',
      '21',
      '21_1',
      '22',
      '23',
      '24',
      '25',
      '26',
      '26_2',
      'UNIT_CONTACT_INFORMATION',
    ]);
    for (const question of questions) {
      if (/^\d+_\d+$/.test(question.id))
        expect(question.fkFieldId).toBe(question.id.replace('_', '.'));
    }
  });

  it('states the policy: sign then send separately, visible to the patient, FK may ask', () => {
    expect(definition.policy).toMatchObject({
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
        notCopied: ['1', '1_3', '1_4', '26', '26_2', 'UNIT_CONTACT_INFORMATION'],
      },
      replaceAllowed: true,
      revokeAllowed: true,
    });
  });
});

describe('fk7801 answer builders', () => {
  it('complete answers are ready to sign', () => {
    const result = run(definition, complete);
    expectReady(result);
    for (const id of Object.keys(complete)) expect(messagesOf(result, id)).toEqual([]);
  });

  it('minimal answers are ready to sign', () => {
    expectReady(run(definition, minimal));
  });

  it('use diagnosis codes that exist in ICD-10-SE', () => {
    const isKnownDiagnosisCode = (code: string) => isKnownCode(icd10, code);
    expectReady(run(definition, complete, { isKnownDiagnosisCode }));
    expectReady(run(definition, minimal, { isKnownDiagnosisCode }));
  });

  it('stay valid whatever the date', () => {
    for (const today of ['2024-02-29', '2028-12-31', '2031-07-01']) {
      expectReady(run(definition, fk7801Answers.complete(today), { today }));
      expectReady(run(definition, fk7801Answers.minimal(today), { today }));
    }
  });

  it('hold no answers of hidden questions', () => {
    expect(pruneHidden(definition, complete, context())).toEqual(complete);
    expect(pruneHidden(definition, minimal, context())).toEqual(minimal);
  });

  it.each(Object.keys(minimal))('removing %s from the minimal set blocks signing on it', (id) => {
    const result = run(definition, without(minimal, id));
    expect(result.readiness.readyToSign).toBe(false);
    expect(blockingQuestionIds(result)).toContain(id);
  });
});

describe('fk7801 signing gate', () => {
  it('blocks signing until the patient has consented to electronic transfer', () => {
    const result = run(definition, complete, { consentRecorded: false });
    expect(result.readiness.readyToSign).toBe(false);
    expect(result.readiness.blockers).toEqual([
      { kind: 'consent', message: READINESS_MESSAGES.consentMissing, path: [] },
    ]);
    expectReady(run(definition, complete, { consentRecorded: true }));
  });

  const roles: Array<[Role, boolean]> = [
    ['physician', true],
    ['care-admin', false],
    ['nurse', false],
    ['midwife', false],
  ];
  it.each(roles)('%s may draft; may sign: %s', (role, maySign) => {
    const result = run(definition, complete, { role });
    expect(result.roleMayDraft).toBe(true);
    expect(result.roleMaySign).toBe(maySign);
  });
});

describe('fk7801 1 Utlåtandet är baserat på', () => {
  it('requires at least one basis', () => {
    expect(errorsOf(run(definition, without(minimal, '1')), '1')).toEqual([
      'Välj minst ett alternativ.',
    ]);
    expect(errorsOf(run(definition, minimal), '1')).toEqual([]);
  });

  it('requires a date for each ticked basis', () => {
    const result = run(definition, withAnswers({ '1': [{ code: 'UNDERSOKNING', date: '' }] }));
    expect(errorsOf(result, '1')).toEqual(['Ange ett datum.']);
  });

  it('rejects a future date with the v1 message', () => {
    const future = run(
      definition,
      withAnswers({ '1': [{ code: 'JOURNALUPPGIFTER', date: tomorrow }] }),
    );
    expect(errorsOf(future, '1')).toEqual([FUTURE_DATE]);
    const today = run(
      definition,
      withAnswers({ '1': [{ code: 'JOURNALUPPGIFTER', date: TODAY }] }),
    );
    expect(errorsOf(today, '1')).toEqual([]);
  });

  it('rejects a date that does not exist', () => {
    const result = run(
      definition,
      withAnswers({ '1': [{ code: 'UNDERSOKNING', date: '2026-02-30' }] }),
    );
    expect(errorsOf(result, '1')).toEqual(['Ange ett giltigt datum.']);
  });

  it('rejects a date too far back', () => {
    const result = run(
      definition,
      withAnswers({ '1': [{ code: 'JOURNALUPPGIFTER', date: '1899-12-31' }] }),
    );
    expect(errorsOf(result, '1')).toEqual([
      'Ange ett datum som inte ligger för långt fram eller tillbaka i tiden.',
    ]);
  });

  it('offers the four LUAE_NA bases, each once', () => {
    const all = ['UNDERSOKNING', 'JOURNALUPPGIFTER', 'ANHORIG', 'ANNAT'].map((code) => ({
      code,
      date: TODAY,
    }));
    expect(errorsOf(run(definition, withAnswers({ '1': all, '1_3': 'Samtal' })), '1')).toEqual([]);
    const twice = [
      { code: 'UNDERSOKNING', date: TODAY },
      { code: 'UNDERSOKNING', date: TODAY },
    ];
    expect(errorsOf(run(definition, withAnswers({ '1': twice })), '1')).toEqual([
      'Varje alternativ får bara väljas en gång.',
    ]);
    const v2Only = [{ code: 'TELEFONKONTAKT', date: TODAY }];
    expect(errorsOf(run(definition, withAnswers({ '1': v2Only })), '1')).toEqual([
      'Välj ett giltigt alternativ.',
    ]);
  });
});

describe('fk7801 1.3 Ange vad annat är', () => {
  const annat = [
    { code: 'UNDERSOKNING', date: TODAY },
    { code: 'ANNAT', date: TODAY },
  ];

  it('is shown only when "annat" is ticked', () => {
    expect(stateOf(run(definition, minimal), '1_3').visible).toBe(false);
    expect(stateOf(run(definition, withAnswers({ '1': annat })), '1_3').visible).toBe(true);
  });

  it('is required while shown, also against blank text', () => {
    expect(errorsOf(run(definition, withAnswers({ '1': annat })), '1_3')).toEqual([ANSWER_MISSING]);
    expect(errorsOf(run(definition, withAnswers({ '1': annat, '1_3': '   ' })), '1_3')).toEqual([
      ANSWER_MISSING,
    ]);
    expect(errorsOf(run(definition, withAnswers({ '1': annat, '1_3': 'Samtal' })), '1_3')).toEqual(
      [],
    );
  });

  it('takes at most 3500 characters', () => {
    const over = run(definition, withAnswers({ '1': annat, '1_3': text(3501) }));
    expect(errorsOf(over, '1_3')).toEqual([tooLong(3500)]);
    expect(
      errorsOf(run(definition, withAnswers({ '1': annat, '1_3': text(3500) })), '1_3'),
    ).toEqual([]);
  });

  it('is not kept when "annat" is unticked', () => {
    expect(pruneHidden(definition, withAnswers({ '1_3': 'Samtal' }), context())).not.toHaveProperty(
      '1_3',
    );
  });
});

describe('fk7801 1.4 Motivering till varför det medicinska underlaget inte baseras på en undersökning', () => {
  const cases: Array<[string[], boolean]> = [
    [['UNDERSOKNING'], false],
    [['UNDERSOKNING', 'JOURNALUPPGIFTER'], false],
    [['UNDERSOKNING', 'ANHORIG', 'ANNAT'], false],
    [['JOURNALUPPGIFTER'], true],
    [['ANHORIG'], true],
    [['ANNAT'], true],
    [['JOURNALUPPGIFTER', 'ANHORIG'], true],
  ];
  it.each(cases)('with %j ticked, shown: %s', (codes, shown) => {
    const basis = codes.map((code) => ({ code, date: TODAY }));
    expect(stateOf(run(definition, withAnswers({ '1': basis })), '1_4').visible).toBe(shown);
  });

  it('is optional, at most 150 characters, and a Webcert field not sent to FK', () => {
    const journal = [{ code: 'JOURNALUPPGIFTER', date: addYears(TODAY, -1) }];
    expectReady(run(definition, withAnswers({ '1': journal })));
    const over = run(definition, withAnswers({ '1': journal, '1_4': text(151) }));
    expect(errorsOf(over, '1_4')).toEqual([tooLong(150)]);
    expectReady(run(definition, withAnswers({ '1': journal, '1_4': text(150) })));
    expect(questionOf('1_4')).toMatchObject({ notSentToRecipient: true });
  });
});

describe('fk7801 2 Jag har känt patienten sedan den', () => {
  const journal = [{ code: 'JOURNALUPPGIFTER', date: addYears(TODAY, -10) }];

  it('is required', () => {
    expect(errorsOf(run(definition, without(minimal, '2')), '2')).toEqual(['Ange ett datum.']);
  });

  it('must not be in the future', () => {
    expect(errorsOf(run(definition, withAnswers({ '1': journal, '2': tomorrow })), '2')).toEqual([
      FUTURE_DATE,
    ]);
    expect(errorsOf(run(definition, withAnswers({ '1': journal, '2': TODAY })), '2')).toEqual([]);
  });

  it('must not be later than the date of "min undersökning av patienten"', () => {
    const examined = addDays(TODAY, -10);
    const basis = [{ code: 'UNDERSOKNING', date: examined }];
    expect(
      errorsOf(run(definition, withAnswers({ '1': basis, '2': addDays(examined, 1) })), '2'),
    ).toEqual(['Ange ett datum, tidigare än eller samma som för "min undersökning av patienten".']);
    expect(errorsOf(run(definition, withAnswers({ '1': basis, '2': examined })), '2')).toEqual([]);
  });

  it('must not be later than the date of "anhörigs beskrivning av patienten"', () => {
    const described = addDays(TODAY, -20);
    const basis = [
      { code: 'UNDERSOKNING', date: TODAY },
      { code: 'ANHORIG', date: described },
    ];
    expect(
      errorsOf(run(definition, withAnswers({ '1': basis, '2': addDays(described, 1) })), '2'),
    ).toEqual([
      'Ange ett datum, tidigare än eller samma som för "anhörigs beskrivning av patienten".',
    ]);
    expect(errorsOf(run(definition, withAnswers({ '1': basis, '2': described })), '2')).toEqual([]);
  });

  it('may be later than the journal or "annat" dates', () => {
    const basis = [
      { code: 'JOURNALUPPGIFTER', date: addYears(TODAY, -10) },
      { code: 'ANNAT', date: addYears(TODAY, -9) },
    ];
    const result = run(
      definition,
      withAnswers({ '1': basis, '1_3': 'Samtal', '2': addYears(TODAY, -1) }),
    );
    expect(errorsOf(result, '2')).toEqual([]);
  });
});

describe('fk7801 3 and 4 Andra medicinska utredningar eller underlag', () => {
  const yes = { '3': true };

  it('3 is required', () => {
    expect(errorsOf(run(definition, without(minimal, '3')), '3')).toEqual(['Välj ett alternativ.']);
  });

  it('4 is shown only when 3 is Ja', () => {
    expect(stateOf(run(definition, minimal), '4').visible).toBe(false);
    expect(stateOf(run(definition, without(minimal, '3')), '4').visible).toBe(false);
    expect(stateOf(run(definition, withAnswers(yes)), '4').visible).toBe(true);
  });

  it('4 is required while shown', () => {
    expect(errorsOf(run(definition, withAnswers(yes)), '4')).toEqual([ANSWER_MISSING]);
    expect(
      errorsOf(run(definition, withAnswers({ ...yes, '4': [emptyInvestigation] })), '4'),
    ).toEqual([ANSWER_MISSING]);
    expect(
      errorsOf(run(definition, withAnswers({ ...yes, '4': [investigation('PSYKOLOG')] })), '4'),
    ).toEqual([]);
  });

  it('4 needs type, date and source on every filled row', () => {
    const noType = run(definition, withAnswers({ ...yes, '4': [investigation('', '')] }));
    expect(errorsOf(noType, '4')).toEqual(['Välj ett alternativ.', 'Ange ett datum.']);
    const noSource = run(
      definition,
      withAnswers({ ...yes, '4': [investigation('PSYKOLOG', TODAY, '')] }),
    );
    expect(errorsOf(noSource, '4')).toEqual([ANSWER_MISSING]);
  });

  it('4 dates must not be in the future', () => {
    const future = run(
      definition,
      withAnswers({ ...yes, '4': [investigation('LOGOPED', tomorrow)] }),
    );
    expect(errorsOf(future, '4')).toEqual([FUTURE_DATE]);
    const today = run(definition, withAnswers({ ...yes, '4': [investigation('LOGOPED', TODAY)] }));
    expect(errorsOf(today, '4')).toEqual([]);
  });

  it('4 offers all eleven KV_FKMU_0005 types and nothing else', () => {
    const types = [
      'NEUROPSYKIATRISKT',
      'HABILITERING',
      'ARBETSTERAPEUT',
      'FYSIOTERAPEUT',
      'LOGOPED',
      'PSYKOLOG',
      'FORETAGSHALSOVARD',
      'SKOLHALSOVARD',
      'SPECIALISTKLINIK',
      'VARD_UTOMLANDS',
      'OVRIGT_UTLATANDE',
    ];
    for (const type of types) {
      const result = run(definition, withAnswers({ ...yes, '4': [investigation(type)] }));
      expect(errorsOf(result, '4')).toEqual([]);
    }
    const unknown = run(definition, withAnswers({ ...yes, '4': [investigation('TANDVARD')] }));
    expect(errorsOf(unknown, '4')).toEqual(['Fel typ av underlag.']);
  });

  it('4 rows are filled from the top', () => {
    const gap = run(
      definition,
      withAnswers({ ...yes, '4': [emptyInvestigation, investigation('HABILITERING')] }),
    );
    expect(errorsOf(gap, '4')).toEqual(['Fyll i den översta raden först.']);
    const fromTop = run(
      definition,
      withAnswers({ ...yes, '4': [investigation('HABILITERING'), emptyInvestigation] }),
    );
    expect(errorsOf(fromTop, '4')).toEqual([]);
  });

  it('4 holds at most three rows', () => {
    const rows = ['PSYKOLOG', 'LOGOPED', 'FYSIOTERAPEUT'].map((type) => investigation(type));
    expect(errorsOf(run(definition, withAnswers({ ...yes, '4': rows })), '4')).toEqual([]);
    const four = [...rows, investigation('HABILITERING')];
    expect(errorsOf(run(definition, withAnswers({ ...yes, '4': four })), '4')).toEqual([
      'Ange högst 3 rader.',
    ]);
  });

  it('4 is not kept when 3 is Nej', () => {
    const answers = withAnswers({ '4': [investigation('PSYKOLOG')] });
    expect(pruneHidden(definition, answers, context())).not.toHaveProperty('4');
  });
});

describe('fk7801 6 Diagnos', () => {
  const diagnoses = (rows: unknown[], extra: Partial<EvaluationContext> = {}) =>
    errorsOf(run(definition, withAnswers({ '6': rows }), extra), '6');

  it('requires at least one diagnosis', () => {
    expect(diagnoses([])).toEqual(['Ange minst en diagnos.']);
    expect(diagnoses([emptyDiagnosis])).toEqual(['Ange minst en diagnos.']);
    expect(diagnoses([diagnosis('M545')])).toEqual([]);
  });

  it('fills rows from the top', () => {
    expect(diagnoses([emptyDiagnosis, diagnosis('M545')])).toEqual([
      'Ange diagnos på översta raden först.',
    ]);
    expect(
      diagnoses([diagnosis('M545'), emptyDiagnosis, diagnosis('M797', 'Fibromyalgi')]),
    ).toEqual(['Ange diagnoskod.', 'Ange diagnostext.']);
    expect(
      diagnoses([diagnosis('M545'), diagnosis('M797', 'Fibromyalgi'), emptyDiagnosis]),
    ).toEqual([]);
  });

  it('needs a code and a text on every filled row', () => {
    expect(diagnoses([diagnosis('', 'Lumbago')])).toEqual(['Ange diagnoskod.']);
    expect(diagnoses([diagnosis('M545', '')])).toEqual(['Ange diagnostext.']);
  });

  it('needs at least four positions on a psychiatric code (F, Z73)', () => {
    const psychiatric = 'Ange diagnosrad med minst fyra positioner på en psykisk diagnos.';
    expect(diagnoses([diagnosis('F32', 'Depressiv episod')])).toEqual([psychiatric]);
    expect(diagnoses([diagnosis('Z73', 'Utbrändhet')])).toEqual([psychiatric]);
    expect(diagnoses([diagnosis('F321', 'Medelsvår depressiv episod')])).toEqual([]);
    expect(diagnoses([diagnosis('Z730', 'Utbrändhet')])).toEqual([]);
  });

  it('takes codes of three to five positions', () => {
    expect(diagnoses([diagnosis('M54')])).toEqual([]);
    expect(diagnoses([diagnosis('M5')])).toEqual([
      'Ange diagnoskod med så många positioner som möjligt, men minst tre positioner.',
    ]);
    expect(diagnoses([diagnosis('M54501')])).toEqual(['Diagnoskod är ej giltig.']);
  });

  it('rejects codes that are not in the code list', () => {
    const isKnownDiagnosisCode = (code: string) => isKnownCode(icd10, code);
    expect(diagnoses([diagnosis('M549X')], { isKnownDiagnosisCode })).toEqual([
      'Diagnoskod är ej giltig.',
    ]);
    expect(diagnoses([diagnosis('M545')], { isKnownDiagnosisCode })).toEqual([]);
  });

  it('takes a diagnosis text of at most 81 characters', () => {
    expect(diagnoses([diagnosis('M545', text(82))])).toEqual([tooLong(81)]);
    expect(diagnoses([diagnosis('M545', text(81))])).toEqual([]);
  });

  it('takes ICD-10-SE or KSH97-P, the same on every row', () => {
    expect(
      diagnoses([
        diagnosis('M54-P', 'Ryggvärk', 'KSH97-P'),
        diagnosis('J06-P', 'Övre luftvägsinfektion', 'KSH97-P'),
      ]),
    ).toEqual([]);
    expect(
      diagnoses([diagnosis('M545'), diagnosis('J06-P', 'Övre luftvägsinfektion', 'KSH97-P')]),
    ).toEqual(['Ange alla diagnoser med samma kodverk.']);
    expect(diagnoses([diagnosis('M545', 'Lumbago', 'ICD-9')])).toEqual([
      'Välj ett giltigt alternativ.',
    ]);
  });

  it('holds at most three diagnoses', () => {
    const four = ['M545', 'M797', 'G439', 'I10'].map((code) => diagnosis(code));
    expect(diagnoses(four)).toEqual(['Ange högst 3 rader.']);
  });
});

describe('fk7801 required free text', () => {
  const requiredTexts: Array<[string, number]> = [
    ['7', 3500],
    ['5', 3500],
    ['17_1', 3500],
  ];
  it.each(requiredTexts)('%s is required and takes at most %i characters', (id, max) => {
    expect(errorsOf(run(definition, without(minimal, id)), id)).toEqual([ANSWER_MISSING]);
    expect(errorsOf(run(definition, withAnswers({ [id]: '  ' })), id)).toEqual([ANSWER_MISSING]);
    expect(errorsOf(run(definition, withAnswers({ [id]: text(max + 1) })), id)).toEqual([
      tooLong(max),
    ]);
    expect(errorsOf(run(definition, withAnswers({ [id]: text(max) })), id)).toEqual([]);
  });
});

describe('fk7801 22 Medicinska förutsättningar för arbete', () => {
  it('is required and has no length limit in v1', () => {
    expect(errorsOf(run(definition, without(minimal, '22')), '22')).toEqual([ANSWER_MISSING]);
    expect(errorsOf(run(definition, withAnswers({ '22': '  ' })), '22')).toEqual([ANSWER_MISSING]);
    expectReady(run(definition, withAnswers({ '22': text(10000) })));
  });
});

describe('fk7801 45 and 45.2 Ny bedömning av diagnosen', () => {
  it('45 is required', () => {
    expect(errorsOf(run(definition, without(minimal, '45')), '45')).toEqual([
      'Välj ett alternativ.',
    ]);
  });

  it('45.2 is shown only when 45 is Ja', () => {
    expect(stateOf(run(definition, minimal), '45_2').visible).toBe(false);
    expect(stateOf(run(definition, withAnswers({ '45': true })), '45_2').visible).toBe(true);
  });

  it('45.2 is required while shown and has no length limit in v1', () => {
    expect(errorsOf(run(definition, withAnswers({ '45': true })), '45_2')).toEqual([
      ANSWER_MISSING,
    ]);
    expectReady(run(definition, withAnswers({ '45': true, '45_2': text(10000) })));
    expectReady(run(definition, withAnswers({ '45': true, '45_2': 'F900 bör omprövas.' })));
  });

  it('45.2 is not kept when 45 is Nej', () => {
    const answers = withAnswers({ '45_2': 'F900 bör omprövas.' });
    expect(pruneHidden(definition, answers, context())).not.toHaveProperty('45_2');
  });
});

describe('fk7801 8–14 Funktionsnedsättningar', () => {
  const group = ['8', '9', '10', '11', '12', '13', '14'];

  it('requires at least one described function, shown on 8', () => {
    const result = run(definition, without(minimal, '8'));
    expect(errorsOf(result, '8')).toEqual(['Beskriv minst en funktionsnedsättning.']);
    expect(blockingQuestionIds(result)).toEqual(['8']);
    const blank = run(definition, withAnswers({ '8': '  ', '9': '' }));
    expect(errorsOf(blank, '8')).toEqual(['Beskriv minst en funktionsnedsättning.']);
  });

  it.each(group)('an answer in %s alone is enough', (id) => {
    expectReady(run(definition, withAnswers({ [id]: 'Nedsatt funktion.' }, without(minimal, '8'))));
  });

  it.each(group)('%s takes at most 3500 characters', (id) => {
    expect(errorsOf(run(definition, withAnswers({ [id]: text(3501) })), id)).toEqual([
      tooLong(3500),
    ]);
    expect(errorsOf(run(definition, withAnswers({ [id]: text(3500) })), id)).toEqual([]);
  });
});

describe('fk7801 optional free text', () => {
  const optionalTexts: Array<[string, number, Answers]> = [
    ['18_1', 3500, {}],
    ['19_1', 3500, {}],
    ['20_1', 3500, {}],
    ['21_1', 3500, {}],
    ['25', 2700, {}],
    ['26_2', 3500, { '26': true }],
  ];
  it.each(optionalTexts)(
    '%s is optional, takes at most %i characters and no blanks only',
    (id, max, shown) => {
      expectReady(run(definition, withAnswers(shown)));
      expect(errorsOf(run(definition, withAnswers({ ...shown, [id]: '   ' })), id)).toEqual([
        BLANK_ONLY,
      ]);
      expect(errorsOf(run(definition, withAnswers({ ...shown, [id]: text(max + 1) })), id)).toEqual(
        [tooLong(max)],
      );
      expectReady(run(definition, withAnswers({ ...shown, [id]: text(max) })));
    },
  );
});

describe('fk7801 23 and 24 without a length limit', () => {
  it.each(['23', '24'])('%s is optional, has no length limit in v1 and no blanks only', (id) => {
    expectReady(run(definition, minimal));
    expect(errorsOf(run(definition, withAnswers({ [id]: '   ' })), id)).toEqual([BLANK_ONLY]);
    expectReady(run(definition, withAnswers({ [id]: text(10000) })));
  });
});

describe('fk7801 26 and 26.2 Kontakt', () => {
  it('26.2 is shown only when contact is wished', () => {
    expect(stateOf(run(definition, minimal), '26_2').visible).toBe(false);
    expect(stateOf(run(definition, withAnswers({ '26': false })), '26_2').visible).toBe(false);
    expect(stateOf(run(definition, withAnswers({ '26': true })), '26_2').visible).toBe(true);
  });

  it('26.2 is not kept without the contact wish', () => {
    const answers = withAnswers({ '26': false, '26_2': 'Ring mig.' });
    expect(pruneHidden(definition, answers, context())).not.toHaveProperty('26_2');
  });
});

describe('fk7801 Vårdenhetens adress', () => {
  it('requires address, postcode, city and phone', () => {
    expect(
      errorsOf(
        run(definition, without(minimal, 'UNIT_CONTACT_INFORMATION')),
        'UNIT_CONTACT_INFORMATION',
      ),
    ).toEqual(['Ange postadress.', 'Ange postnummer.', 'Ange postort.', 'Ange telefonnummer.']);
  });

  it('requires a postcode of five digits', () => {
    const unit = { address: 'Storgatan 1', postcode: '1234', city: 'Stockholm', phone: '08-1' };
    expect(
      errorsOf(
        run(definition, withAnswers({ UNIT_CONTACT_INFORMATION: unit })),
        'UNIT_CONTACT_INFORMATION',
      ),
    ).toEqual(['Ange postnummer med fem siffror.']);
    expectReady(
      run(definition, withAnswers({ UNIT_CONTACT_INFORMATION: { ...unit, postcode: '12345' } })),
    );
  });
});
