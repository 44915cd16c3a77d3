/**
 * Rule suites for the questions the three v1 läkarutlåtanden share (FK 7800 LUSE, FK 7801
 * LUAE_NA, FK 7802 LUAE_FS): basis (1, 1.3, 1.4, 2), investigations (3, 4), diagnoses (6),
 * free texts, 45/45.2, 8–14 and 26/26.2. The forms differ in which of them they have, in the
 * investigation types and in the text limits, which the callers pass.
 */
import { describe, expect, it } from 'vitest';
import { addDays, addYears, pruneHidden, type EvaluationContext } from '../../form-engine';
import {
  MESSAGES,
  TODAY,
  TOMORROW,
  blockingQuestionIds,
  context,
  errorsOf,
  expectReady,
  questionOf,
  questionsOf,
  run,
  runWith,
  stateOf,
  text,
  tooLong,
  tooManyRows,
  without,
  type DefinitionUnderTest,
  type KnownDiagnosisCodes,
} from '../definition-test-kit';
import { VERY_LONG, itParsesAsTheForm, type FormIdentity, type TextLimit } from './shared-rules';

/** v1 rejects a future date with its own text. */
const FUTURE_DATE = 'Ange ett giltigt datum. Framtida datum får inte anges.';
const ANSWER_MISSING = MESSAGES.answerMissing;

/** Every KV_FKMU_0005 investigation type. */
const ALL_INVESTIGATION_TYPES = [
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
] as const;

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

/**
 * The definition: its identity, its question ids in form order (a dotted id keeps its FK id:
 * 1_3 is 1.3) and the policy, which the three forms share.
 */
export function describeLuseDefinition(
  label: string,
  json: unknown,
  { definition }: DefinitionUnderTest,
  identity: FormIdentity,
  questionIds: string[],
): void {
  describe(`${label} definition`, () => {
    itParsesAsTheForm(json, identity);

    it('uses the FK question ids in form order, with the dotted FK id kept', () => {
      const questions = questionsOf(definition);
      expect(questions.map((question) => question.id)).toEqual(questionIds);
      for (const question of questions) {
        if (/^\d+_\d+$/.test(question.id)) {
          expect(question.fkFieldId).toBe(question.id.replace('_', '.'));
        }
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
}

export interface LuseCommonOptions {
  /** The name of the form's basis list in 1 (LUSE, LUAE_NA, LUAE_FS). */
  basisList: string;
  /** The KV_FKMU_0005 types that 4 does not offer (rejected, like an unknown type). */
  investigationTypesLeftOut: readonly string[];
  knownDiagnosisCodes: KnownDiagnosisCodes;
}

/** The questions all three forms share: 1, 1.3, 1.4, 2, 3, 4, 6 and 26/26.2. */
export function describeLuseCommonRules(
  label: string,
  subject: DefinitionUnderTest,
  options: LuseCommonOptions,
): void {
  describeBasisRules(label, subject, options.basisList);
  describeInvestigationRules(label, subject, options.investigationTypesLeftOut);
  describeDiagnosisRules(label, subject, options.knownDiagnosisCodes);
  describeContactWishRules(label, subject);
}

function describeBasisRules(label: string, subject: DefinitionUnderTest, basisList: string): void {
  const { definition, minimal } = subject;
  const withAnswers = runWith(subject);

  describe(`${label} 1 Utlåtandet är baserat på`, () => {
    it('requires at least one basis', () => {
      expect(errorsOf(run(definition, without(minimal, '1')), '1')).toEqual([
        MESSAGES.chooseAtLeastOne,
      ]);
      expect(errorsOf(run(definition, minimal), '1')).toEqual([]);
    });

    it('requires a date for each ticked basis', () => {
      const result = withAnswers({ '1': [{ code: 'UNDERSOKNING', date: '' }] });
      expect(errorsOf(result, '1')).toEqual([MESSAGES.dateMissing]);
    });

    it('rejects a future date with the v1 message', () => {
      const future = withAnswers({ '1': [{ code: 'JOURNALUPPGIFTER', date: TOMORROW }] });
      expect(errorsOf(future, '1')).toEqual([FUTURE_DATE]);
      const today = withAnswers({ '1': [{ code: 'JOURNALUPPGIFTER', date: TODAY }] });
      expect(errorsOf(today, '1')).toEqual([]);
    });

    it('rejects a date that does not exist', () => {
      const result = withAnswers({ '1': [{ code: 'UNDERSOKNING', date: '2026-02-30' }] });
      expect(errorsOf(result, '1')).toEqual(['Ange ett giltigt datum.']);
    });

    it('rejects a date too far back', () => {
      const result = withAnswers({ '1': [{ code: 'JOURNALUPPGIFTER', date: '1899-12-31' }] });
      expect(errorsOf(result, '1')).toEqual([
        'Ange ett datum som inte ligger för långt fram eller tillbaka i tiden.',
      ]);
    });

    it(`offers the four ${basisList} bases, each once`, () => {
      const all = ['UNDERSOKNING', 'JOURNALUPPGIFTER', 'ANHORIG', 'ANNAT'].map((code) => ({
        code,
        date: TODAY,
      }));
      expect(errorsOf(withAnswers({ '1': all, '1_3': 'Samtal' }), '1')).toEqual([]);
      const twice = [
        { code: 'UNDERSOKNING', date: TODAY },
        { code: 'UNDERSOKNING', date: TODAY },
      ];
      expect(errorsOf(withAnswers({ '1': twice }), '1')).toEqual([MESSAGES.optionTwice]);
      const v2Only = [{ code: 'TELEFONKONTAKT', date: TODAY }];
      expect(errorsOf(withAnswers({ '1': v2Only }), '1')).toEqual([MESSAGES.invalidOption]);
    });
  });

  describe(`${label} 1.3 Ange vad annat är`, () => {
    const annat = [
      { code: 'UNDERSOKNING', date: TODAY },
      { code: 'ANNAT', date: TODAY },
    ];

    it('is shown only when "annat" is ticked', () => {
      expect(stateOf(run(definition, minimal), '1_3').visible).toBe(false);
      expect(stateOf(withAnswers({ '1': annat }), '1_3').visible).toBe(true);
    });

    it('is required while shown, also against blank text', () => {
      expect(errorsOf(withAnswers({ '1': annat }), '1_3')).toEqual([ANSWER_MISSING]);
      expect(errorsOf(withAnswers({ '1': annat, '1_3': '   ' }), '1_3')).toEqual([ANSWER_MISSING]);
      expect(errorsOf(withAnswers({ '1': annat, '1_3': 'Samtal' }), '1_3')).toEqual([]);
    });

    it('takes at most 3500 characters', () => {
      const over = withAnswers({ '1': annat, '1_3': text(3501) });
      expect(errorsOf(over, '1_3')).toEqual([tooLong(3500)]);
      expect(errorsOf(withAnswers({ '1': annat, '1_3': text(3500) }), '1_3')).toEqual([]);
    });

    it('is not kept when "annat" is unticked', () => {
      const answers = { ...minimal, '1_3': 'Samtal' };
      expect(pruneHidden(definition, answers, context())).not.toHaveProperty('1_3');
    });
  });

  describe(`${label} 1.4 Motivering till varför det medicinska underlaget inte baseras på en undersökning`, () => {
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
      expect(stateOf(withAnswers({ '1': basis }), '1_4').visible).toBe(shown);
    });

    it('is optional, at most 150 characters, and a Webcert field not sent to FK', () => {
      const journal = [{ code: 'JOURNALUPPGIFTER', date: addYears(TODAY, -1) }];
      expectReady(withAnswers({ '1': journal }));
      const over = withAnswers({ '1': journal, '1_4': text(151) });
      expect(errorsOf(over, '1_4')).toEqual([tooLong(150)]);
      expectReady(withAnswers({ '1': journal, '1_4': text(150) }));
      expect(questionOf(definition, '1_4')).toMatchObject({ notSentToRecipient: true });
    });
  });

  describe(`${label} 2 Jag har känt patienten sedan den`, () => {
    const journal = [{ code: 'JOURNALUPPGIFTER', date: addYears(TODAY, -10) }];

    it('is required', () => {
      expect(errorsOf(run(definition, without(minimal, '2')), '2')).toEqual([MESSAGES.dateMissing]);
    });

    it('must not be in the future', () => {
      expect(errorsOf(withAnswers({ '1': journal, '2': TOMORROW }), '2')).toEqual([FUTURE_DATE]);
      expect(errorsOf(withAnswers({ '1': journal, '2': TODAY }), '2')).toEqual([]);
    });

    it('must not be later than the date of "min undersökning av patienten"', () => {
      const examined = addDays(TODAY, -10);
      const basis = [{ code: 'UNDERSOKNING', date: examined }];
      expect(errorsOf(withAnswers({ '1': basis, '2': addDays(examined, 1) }), '2')).toEqual([
        'Ange ett datum, tidigare än eller samma som för "min undersökning av patienten".',
      ]);
      expect(errorsOf(withAnswers({ '1': basis, '2': examined }), '2')).toEqual([]);
    });

    it('must not be later than the date of "anhörigs beskrivning av patienten"', () => {
      const described = addDays(TODAY, -20);
      const basis = [
        { code: 'UNDERSOKNING', date: TODAY },
        { code: 'ANHORIG', date: described },
      ];
      expect(errorsOf(withAnswers({ '1': basis, '2': addDays(described, 1) }), '2')).toEqual([
        'Ange ett datum, tidigare än eller samma som för "anhörigs beskrivning av patienten".',
      ]);
      expect(errorsOf(withAnswers({ '1': basis, '2': described }), '2')).toEqual([]);
    });

    it('may be later than the journal or "annat" dates', () => {
      const basis = [
        { code: 'JOURNALUPPGIFTER', date: addYears(TODAY, -10) },
        { code: 'ANNAT', date: addYears(TODAY, -9) },
      ];
      const result = withAnswers({ '1': basis, '1_3': 'Samtal', '2': addYears(TODAY, -1) });
      expect(errorsOf(result, '2')).toEqual([]);
    });
  });
}

function describeInvestigationRules(
  label: string,
  subject: DefinitionUnderTest,
  leftOut: readonly string[],
): void {
  const { definition, minimal } = subject;
  const withAnswers = runWith(subject);
  const yes = { '3': true };
  const withRows = (rows: unknown[]) => withAnswers({ ...yes, '4': rows });
  const offered = ALL_INVESTIGATION_TYPES.filter((type) => !leftOut.includes(type));
  const rejected = [...leftOut, 'TANDVARD'];

  describe(`${label} 3 and 4 Andra medicinska utredningar eller underlag`, () => {
    it('3 is required', () => {
      expect(errorsOf(run(definition, without(minimal, '3')), '3')).toEqual([MESSAGES.chooseOne]);
    });

    it('4 is shown only when 3 is Ja', () => {
      expect(stateOf(run(definition, minimal), '4').visible).toBe(false);
      expect(stateOf(run(definition, without(minimal, '3')), '4').visible).toBe(false);
      expect(stateOf(withAnswers(yes), '4').visible).toBe(true);
    });

    it('4 is required while shown', () => {
      expect(errorsOf(withAnswers(yes), '4')).toEqual([ANSWER_MISSING]);
      expect(errorsOf(withRows([emptyInvestigation]), '4')).toEqual([ANSWER_MISSING]);
      expect(errorsOf(withRows([investigation('PSYKOLOG')]), '4')).toEqual([]);
    });

    it('4 needs type, date and source on every filled row', () => {
      const noType = withRows([investigation('', '')]);
      expect(errorsOf(noType, '4')).toEqual([MESSAGES.chooseOne, MESSAGES.dateMissing]);
      const noSource = withRows([investigation('PSYKOLOG', TODAY, '')]);
      expect(errorsOf(noSource, '4')).toEqual([ANSWER_MISSING]);
    });

    it('4 dates must not be in the future', () => {
      expect(errorsOf(withRows([investigation('LOGOPED', TOMORROW)]), '4')).toEqual([FUTURE_DATE]);
      expect(errorsOf(withRows([investigation('LOGOPED', TODAY)]), '4')).toEqual([]);
    });

    it(`4 offers ${offered.length} KV_FKMU_0005 types and rejects ${rejected.join(', ')}`, () => {
      for (const type of offered) {
        expect(errorsOf(withRows([investigation(type)]), '4'), type).toEqual([]);
      }
      for (const type of rejected) {
        expect(errorsOf(withRows([investigation(type)]), '4'), type).toEqual([
          'Fel typ av underlag.',
        ]);
      }
    });

    it('4 rows are filled from the top', () => {
      const gap = withRows([emptyInvestigation, investigation('HABILITERING')]);
      expect(errorsOf(gap, '4')).toEqual(['Fyll i den översta raden först.']);
      const fromTop = withRows([investigation('HABILITERING'), emptyInvestigation]);
      expect(errorsOf(fromTop, '4')).toEqual([]);
    });

    it('4 holds at most three rows', () => {
      const rows = ['PSYKOLOG', 'LOGOPED', 'FYSIOTERAPEUT'].map((type) => investigation(type));
      expect(errorsOf(withRows(rows), '4')).toEqual([]);
      const four = [...rows, investigation('HABILITERING')];
      expect(errorsOf(withRows(four), '4')).toEqual([tooManyRows(3)]);
    });

    it('4 is not kept when 3 is Nej', () => {
      const answers = { ...minimal, '4': [investigation('PSYKOLOG')] };
      expect(pruneHidden(definition, answers, context())).not.toHaveProperty('4');
    });
  });
}

function describeDiagnosisRules(
  label: string,
  subject: DefinitionUnderTest,
  knownDiagnosisCodes: KnownDiagnosisCodes,
): void {
  const withAnswers = runWith(subject);
  const diagnoses = (rows: unknown[], extra: Partial<EvaluationContext> = {}) =>
    errorsOf(withAnswers({ '6': rows }, subject.minimal, extra), '6');

  describe(`${label} 6 Diagnos`, () => {
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
      expect(diagnoses([diagnosis('M54501')])).toEqual([MESSAGES.unknownDiagnosisCode]);
    });

    it('rejects codes that are not in the code list', async () => {
      const isKnownDiagnosisCode = await knownDiagnosisCodes();
      expect(diagnoses([diagnosis('M549X')], { isKnownDiagnosisCode })).toEqual([
        MESSAGES.unknownDiagnosisCode,
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
      expect(diagnoses([diagnosis('M545', 'Lumbago', 'ICD-9')])).toEqual([MESSAGES.invalidOption]);
    });

    it('holds at most three diagnoses', () => {
      const four = ['M545', 'M797', 'G439', 'I10'].map((code) => diagnosis(code));
      expect(diagnoses(four)).toEqual([tooManyRows(3)]);
    });
  });
}

export interface ReassessmentOptions {
  /** The limit of 45.2. */
  limit: TextLimit;
  /** A reason as the form's physician would write it. */
  sample: string;
}

/** 45 Ny bedömning av diagnosen, and its reason 45.2 (FK 7800 and 7801). */
export function describeReassessmentRules(
  label: string,
  subject: DefinitionUnderTest,
  { limit, sample }: ReassessmentOptions,
): void {
  const { definition, minimal } = subject;
  const withAnswers = runWith(subject);
  const limitText = limit === 'unlimited' ? 'has no length limit in v1' : `takes at most ${limit}`;

  describe(`${label} 45 and 45.2 Ny bedömning av diagnosen`, () => {
    it('45 is required', () => {
      expect(errorsOf(run(definition, without(minimal, '45')), '45')).toEqual([MESSAGES.chooseOne]);
    });

    it('45.2 is shown only when 45 is Ja', () => {
      expect(stateOf(run(definition, minimal), '45_2').visible).toBe(false);
      expect(stateOf(withAnswers({ '45': true }), '45_2').visible).toBe(true);
    });

    it(`45.2 is required while shown and ${limitText} characters`, () => {
      expect(errorsOf(withAnswers({ '45': true }), '45_2')).toEqual([ANSWER_MISSING]);
      if (limit === 'unlimited') {
        expectReady(withAnswers({ '45': true, '45_2': text(VERY_LONG) }));
      } else {
        expect(errorsOf(withAnswers({ '45': true, '45_2': text(limit + 1) }), '45_2')).toEqual([
          tooLong(limit),
        ]);
      }
      expectReady(withAnswers({ '45': true, '45_2': sample }));
    });

    it('45.2 is not kept when 45 is Nej', () => {
      const answers = { ...minimal, '45_2': sample };
      expect(pruneHidden(definition, answers, context())).not.toHaveProperty('45_2');
    });
  });
}

/** 8–14 Funktionsnedsättningar: at least one of seven texts (FK 7800 and 7801). */
export function describeFunctionGroupRules(label: string, subject: DefinitionUnderTest): void {
  const { definition, minimal } = subject;
  const withAnswers = runWith(subject);
  const group = ['8', '9', '10', '11', '12', '13', '14'];

  describe(`${label} 8–14 Funktionsnedsättningar`, () => {
    it('requires at least one described function, shown on 8', () => {
      const result = run(definition, without(minimal, '8'));
      expect(errorsOf(result, '8')).toEqual(['Beskriv minst en funktionsnedsättning.']);
      expect(blockingQuestionIds(result)).toEqual(['8']);
      const blank = withAnswers({ '8': '  ', '9': '' });
      expect(errorsOf(blank, '8')).toEqual(['Beskriv minst en funktionsnedsättning.']);
    });

    it.each(group)('an answer in %s alone is enough', (id) => {
      expectReady(withAnswers({ [id]: 'Nedsatt funktion.' }, without(minimal, '8')));
    });

    it.each(group)('%s takes at most 3500 characters', (id) => {
      expect(errorsOf(withAnswers({ [id]: text(3501) }), id)).toEqual([tooLong(3500)]);
      expect(errorsOf(withAnswers({ [id]: text(3500) }), id)).toEqual([]);
    });
  });
}

function describeContactWishRules(label: string, subject: DefinitionUnderTest): void {
  const { definition, minimal } = subject;
  const withAnswers = runWith(subject);

  describe(`${label} 26 and 26.2 Kontakt`, () => {
    it('26.2 is shown only when contact is wished', () => {
      expect(stateOf(run(definition, minimal), '26_2').visible).toBe(false);
      expect(stateOf(withAnswers({ '26': false }), '26_2').visible).toBe(false);
      expect(stateOf(withAnswers({ '26': true }), '26_2').visible).toBe(true);
    });

    it('26.2 is not kept without the contact wish', () => {
      const answers = { ...minimal, '26': false, '26_2': 'Ring mig.' };
      expect(pruneHidden(definition, answers, context())).not.toHaveProperty('26_2');
    });
  });
}
