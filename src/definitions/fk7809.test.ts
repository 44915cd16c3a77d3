import { describe, expect, it } from 'vitest';
import { fk7809Answers } from '../../server/seed/certificates/fk7809';
import { isKnownCode } from '../../server/domain/diagnoses/icd10-index';
import { loadIcd10IndexFromDisk } from '../../server/domain/diagnoses/load-icd10-node';
import { addDays, addYears, pruneHidden, type Answers } from '../form-engine';
import {
  TODAY,
  TOMORROW,
  blockingQuestionIds,
  context,
  errorsOf,
  expectReady,
  fkFieldIds,
  knownCodesLookup,
  loadDefinition,
  messagesOf,
  optionCodes,
  questionOf,
  run,
  stateOf,
  text,
  tooLong,
  without,
} from './definition-test-kit';
import fk7809Json from './fk7809.json';
import { describeBasisRules, describeDiagnosisRowRules } from './testing/basis-and-diagnosis-rules';
import {
  describeSharedRules,
  describeRequiredTextRules,
  itParsesAsTheForm,
} from './testing/shared-rules';

const subject = loadDefinition(fk7809Json, fk7809Answers);
const { definition, complete, minimal } = subject;

const knownDiagnosisCodes = knownCodesLookup(loadIcd10IndexFromDisk, isKnownCode);

/** The disability texts and the selector code that shows each. */
const DISABILITY_TEXTS: Array<[string, string, string]> = [
  ['8', 'INTELLEKTUELL_FUNKTION', '8.2'],
  ['9', 'KOMMUNIKATION_SOCIAL_INTERAKTION', '9.2'],
  ['10', 'UPPMARKSAMHET', '10.2'],
  ['11', 'PSYKISK_FUNKTION', '11.2'],
  ['48', 'HORSELFUNKTION', '48.2'],
  ['49', 'SYNFUNKTION', '49.2'],
  ['12', 'Sinnesfunktion', '12.2'],
  ['13', 'KOORDINATION', '13.2'],
  ['14', 'ANNAN_KROPPSILIG_FUNKTION', '14.2'],
];

/** Minimal answers with "other investigations" = Ja and one complete row. */
const withInvestigation: Answers = {
  ...minimal,
  '3': true,
  '4': [{ type: 'AUDIONOM', date: TODAY, source: 'Hörselmottagningen, Södersjukhuset' }],
};

function withRows(rows: Array<{ type: string; date: string; source: string }>): Answers {
  return { ...withInvestigation, '4': rows };
}

const row = (
  type: string,
  date: string,
  source: string,
): { type: string; date: string; source: string } => ({
  type,
  date,
  source,
});
const emptyRow = row('', '', '');

describe('FK 7809 definition', () => {
  itParsesAsTheForm(fk7809Json, {
    code: 'fk7809',
    formNumber: 'FK 7809',
    name: 'Läkarutlåtande för merkostnadsersättning',
    kind: 'utlåtande',
    version: '1.0',
  });

  it("uses FK's field ids and option codes", () => {
    expect(fkFieldIds(definition)).toEqual([
      '1=1.1',
      '1_4=1.4',
      '1_3=1.3',
      '3=3.1',
      '4=4.1',
      '58=58.1',
      '5=5.1',
      '8=8.1',
      '9=9.1',
      '10=10.1',
      '11=11.1',
      '48=48.1',
      '49=49.1',
      '12=12.1',
      '13=13.1',
      '14=14.1',
      '17=17.1',
      '50=50.1',
      '50_2=50.2',
      '51=51.1',
      '25=25.1',
    ]);
    expect(optionCodes(definition, '4')).toEqual([
      'NEUROPSYKIATRISKT',
      'HABILITERING',
      'ARBETSTERAPEUT',
      'FYSIOTERAPEUT',
      'LOGOPED',
      'PSYKOLOG',
      'SPECIALISTKLINIK',
      'VARD_UTOMLANDS',
      'HORSELHABILITERING',
      'SYNHABILITERINGEN',
      'AUDIONOM',
      'DIETIST',
      'ORTOPTIST',
      'ORTOPEDTEKNIKER',
      'OVRIGT_UTLATANDE',
    ]);
  });
});

describeSharedRules('FK 7809', subject, {
  signRoles: ['physician'],
  fiveDigitPostcode: false,
  knownDiagnosisCodes,
});

describe('FK 7809 policy', () => {
  it('signs without sending (Skicka is separate) but sends a complement on signing', () => {
    expect(definition.policy).toMatchObject({
      signAndSend: false,
      sendAfterComplement: true,
      consentRequired: true,
      availableToPatient: true,
      fkMayAskQuestions: true,
      fkMayRequestComplement: true,
      replaceAllowed: true,
      revokeAllowed: true,
    });
  });

  it('renews without the basis (1, 1.3, 1.4) and the unit address', () => {
    expect(definition.policy.renew).toEqual({
      allowed: true,
      notCopied: ['1', '1_3', '1_4', 'UNIT_CONTACT_INFORMATION'],
    });
  });
});

describe('FK 7809 under-18 confirmation', () => {
  const patient = (birthDate: string): { patient: { birthDate: string } } => ({
    patient: { birthDate },
  });

  it('asks for confirmation when a draft is created for a patient under 18', () => {
    const result = run(definition, {}, patient(addDays(addYears(TODAY, -18), 1)));
    expect(result.confirmations).toEqual([
      {
        id: 'under18',
        trigger: 'createDraft',
        when: { type: 'patientAge', operator: 'lt', years: 18 },
        title: 'Kontrollera att du använder dig av rätt läkarutlåtande',
        info: 'Du är på väg att utfärda Läkarutlåtande för merkostnadsersättning för {patientName} - {personId}.',
        text: 'Läkarutlåtande för merkostnadsersättning är till för personer över 18 år som inte har en underhållsskyldig förälder. Om det gäller ett barn ska du istället använda Läkarutlåtande för omvårdnadsbidrag eller merkostnadsersättning.',
        checkboxLabel:
          'Jag är säker på att jag vill utfärda Läkarutlåtande för merkostnadsersättning.',
      },
    ]);
  });

  it('does not ask from the 18th birthday, nor when the birth date is unknown', () => {
    expect(run(definition, {}, patient(addYears(TODAY, -18))).confirmations).toEqual([]);
    expect(run(definition, {}, patient('1980-05-01')).confirmations).toEqual([]);
    expect(run(definition, {}).confirmations).toEqual([]);
  });
});

describeBasisRules('FK 7809 KAT_1', subject, {
  codes: ['UNDERSOKNING', 'JOURNALUPPGIFTER', 'ANHORIG', 'ANNAT'],
  followUps: [
    ['1_4', 'ANHORIG', 4000, 'Dotter'],
    ['1_3', 'ANNAT', 4000, 'Dotter'],
  ],
});

describe('FK 7809 investigations (3, 4)', () => {
  it('3 is required', () => {
    expect(errorsOf(run(definition, without(minimal, '3')), '3')).toEqual(['Välj ett alternativ.']);
  });

  it('4 is shown and required only when 3 is Ja', () => {
    expect(stateOf(run(definition, minimal), '4').visible).toBe(false);
    expect(stateOf(run(definition, without(minimal, '3')), '4').visible).toBe(false);
    const ja = run(definition, without(withInvestigation, '4'));
    expect(stateOf(ja, '4')).toMatchObject({ visible: true, required: true });
    expect(errorsOf(ja, '4')).toEqual(['Ange ett svar.']);
    expect(errorsOf(run(definition, withRows([emptyRow, emptyRow])), '4')).toEqual([
      'Ange ett svar.',
    ]);
    expectReady(run(definition, withInvestigation));
  });

  it('4: rows left behind when 3 is changed to Nej do not block', () => {
    expectReady(
      run(definition, { ...withInvestigation, '3': false, '4': [row('X', TOMORROW, '')] }),
    );
  });

  it('4: each row needs a date, a type and a source', () => {
    const typeOnly = run(definition, withRows([row('PSYKOLOG', '', '')]));
    expect(errorsOf(typeOnly, '4')).toEqual(['Ange ett datum.', 'Ange ett svar.']);
    const incomplete = run(definition, withRows([row('', TODAY, 'Psykologmottagningen')]));
    expect(errorsOf(incomplete, '4')).toEqual(['Välj ett alternativ.']);
  });

  it('4: a date may not be in the future', () => {
    expect(
      errorsOf(run(definition, withRows([row('AUDIONOM', TOMORROW, 'Hörcentralen')])), '4'),
    ).toEqual(['Ange ett datum som är senast 2026-03-16.']);
  });

  it('4: the source is at most 53 characters', () => {
    expect(errorsOf(run(definition, withRows([row('AUDIONOM', TODAY, text(54))])), '4')).toEqual([
      tooLong(53),
    ]);
    expectReady(run(definition, withRows([row('AUDIONOM', TODAY, text(53))])));
  });

  it('4: the type is one of the 15 KV_FKMU_0005 codes', () => {
    expect(
      errorsOf(run(definition, withRows([row('SYNHABILITERING', TODAY, 'Syncentralen')])), '4'),
    ).toEqual(['Välj ett giltigt alternativ.']);
    expectReady(run(definition, withRows([row('SYNHABILITERINGEN', TODAY, 'Syncentralen')])));
  });

  it('4: rows are filled from the top (rowsFromTop)', () => {
    const filled = row('DIETIST', TODAY, 'Dietistmottagningen');
    const result = run(definition, withRows([emptyRow, filled]));
    expect(errorsOf(result, '4')).toEqual(['Fyll i fälten uppifrån och ned.']);
    expect(errorsOf(run(definition, withRows([filled, emptyRow, filled])), '4')).toEqual([
      'Fyll i fälten uppifrån och ned.',
    ]);
    expectReady(run(definition, withRows([filled, emptyRow])));
  });

  it('4: at most three rows', () => {
    const filled = row('LOGOPED', TODAY, 'Logopedmottagningen');
    expectReady(run(definition, withRows([filled, filled, filled])));
    expect(errorsOf(run(definition, withRows([filled, filled, filled, filled])), '4')).toEqual([
      'Ange högst 3 rader.',
    ]);
  });
});

describeDiagnosisRowRules('FK 7809 KAT_4', subject, {
  id: '58',
  maxRows: 5,
  rows: [
    ['H903', 'Hörselnedsättning'],
    ['H931', 'Tinnitus'],
  ],
  tooMany: ['H903', 'H931', 'E109', 'I10', 'F840', 'G122'].map((code) => [code, 'Diagnos']),
  unknown: ['H999', 'Okänd'],
  isKnownDiagnosisCode: (code) => code === 'H903',
  descriptionMaxLength: 81,
  codeFormat: true,
});

describe('FK 7809 KAT_4 Diagnos', () => {
  it('58 carries the code help text', () => {
    expect(questionOf(definition, '58')).toMatchObject({
      help: 'Ange diagnoskod med så många positioner som möjligt. Använd inga andra tecken än bokstäver och siffror.',
    });
  });
});

describeRequiredTextRules('FK 7809', subject, [
  ['5', 4000],
  ['51', 4000],
]);

describe('FK 7809 KAT_5 Funktionsnedsättning', () => {
  it('the selector requires at least one box', () => {
    const none = run(definition, { ...minimal, funktionsnedsattning: [] });
    expect(errorsOf(none, 'funktionsnedsattning')).toEqual(['Välj minst ett alternativ.']);
    expect(blockingQuestionIds(none)).toEqual(['funktionsnedsattning']);
  });

  it('the selector is editor-only: not sent to FK, not shown to the patient', () => {
    expect(questionOf(definition, 'funktionsnedsattning')).toMatchObject({
      notSentToRecipient: true,
      hiddenFromPatient: true,
      layout: 'columns',
    });
  });

  it('the selector options carry the FK checkbox ids', () => {
    const selector = questionOf(definition, 'funktionsnedsattning');
    const ids =
      'options' in selector ? selector.options.map((o) => `${o.code}=${o.fkFieldId ?? ''}`) : [];
    expect(ids).toEqual(DISABILITY_TEXTS.map(([, code, fkId]) => `${code}=${fkId}`));
  });

  it.each(DISABILITY_TEXTS)('%s is shown and required only when %s is ticked', (id, code) => {
    const unticked = run(definition, {
      ...minimal,
      funktionsnedsattning: ['KOORDINATION', 'HORSELFUNKTION'],
      '13': 'Nedsatt balans.',
    });
    if (code !== 'KOORDINATION' && code !== 'HORSELFUNKTION') {
      expect(stateOf(unticked, id).visible).toBe(false);
    }
    const ticked = run(definition, { ...without(minimal, '48'), funktionsnedsattning: [code] });
    expect(stateOf(ticked, id)).toMatchObject({ visible: true, required: true });
    expect(errorsOf(ticked, id)).toEqual(['Ange ett svar.']);
    expect(blockingQuestionIds(ticked)).toEqual([id]);
    expectReady(
      run(definition, {
        ...without(minimal, '48'),
        funktionsnedsattning: [code],
        [id]: 'Måttlig nedsättning.',
      }),
    );
  });

  it.each(DISABILITY_TEXTS)('%s is at most 4000 characters', (id, code) => {
    const base = { ...without(minimal, '48'), funktionsnedsattning: [code] };
    expect(errorsOf(run(definition, { ...base, [id]: text(4001) }), id)).toEqual([tooLong(4000)]);
    expectReady(run(definition, { ...base, [id]: text(4000) }));
  });

  it('a text left behind after unticking its box does not block', () => {
    const result = run(definition, { ...minimal, '8': text(5000), '49': '' });
    expect(stateOf(result, '8').visible).toBe(false);
    expectReady(result);
  });

  it.each(DISABILITY_TEXTS)(
    '%s is shown and required, its box unticked, when FK asks for it in a complement request',
    (id) => {
      const answers = { ...minimal, funktionsnedsattning: ['HORSELFUNKTION'] };
      const requested = { complementRequested: [id] };
      if (id !== '48') expect(stateOf(run(definition, answers), id).visible).toBe(false);
      const asked = run(definition, answers, requested);
      expect(stateOf(asked, id)).toMatchObject({ visible: true, required: true });
      const answered = { ...answers, [id]: 'Måttlig nedsättning.' };
      expectReady(run(definition, answered, requested));
      // What FK asked for is kept when hidden answers are dropped before saving and signing.
      expect(pruneHidden(definition, answered, context(requested))[id]).toBe(
        'Måttlig nedsättning.',
      );
      expect(pruneHidden(definition, answered, context())[id]).toBe(
        id === '48' ? 'Måttlig nedsättning.' : undefined,
      );
    },
  );

  it("only the nine function descriptions are shown on FK's request", () => {
    const marked = definition.categories
      .flatMap((category) => category.questions)
      .filter(
        (question) =>
          'shownOnComplementRequest' in question && question.shownOnComplementRequest === true,
      )
      .map((question) => question.id);
    expect(marked.sort()).toEqual(DISABILITY_TEXTS.map(([id]) => id).sort());
  });

  it("hearing and sight carry FK's full help texts for the guaranteed level", () => {
    expect(questionOf(definition, '48')).toMatchObject({
      description: 'Beskriv funktionsnedsättningen och undersökningsfynd.',
      help: expect.stringContaining('om hen erbjudits utredning för cochleaimplantat (CI).'),
    });
    expect(questionOf(definition, '49')).toMatchObject({
      description: 'Beskriv funktionsnedsättningen och undersökningsfynd.',
      help: expect.stringContaining('markeringskäpp, teknikkäpp eller ledarhund.'),
    });
  });
});

describe('FK 7809 KAT_6–KAT_9', () => {
  it.each(['17', '50', '25'])('%s is optional and at most 4000 characters', (id) => {
    expectReady(
      run(definition, id === '50' ? without(complete, '50', '50_2') : without(complete, id)),
    );
    const long = run(definition, { ...minimal, [id]: text(4001), '50_2': 'Vårdcentralen' });
    expect(errorsOf(long, id)).toEqual([tooLong(4000)]);
    expectReady(run(definition, { ...minimal, [id]: text(4000), '50_2': 'Vårdcentralen' }));
  });

  it('50.2 is shown and required only when 50 has text', () => {
    expect(stateOf(run(definition, minimal), '50_2').visible).toBe(false);
    expect(stateOf(run(definition, { ...minimal, '50': '   ' }), '50_2').visible).toBe(false);
    const treated = run(definition, { ...minimal, '50': 'Hörapparater bilateralt.' });
    expect(stateOf(treated, '50_2')).toMatchObject({ visible: true, required: true });
    expect(errorsOf(treated, '50_2')).toEqual(['Ange ett svar.']);
    expect(blockingQuestionIds(treated)).toEqual(['50_2']);
  });

  it('50.2 is at most 4000 characters', () => {
    const base = { ...minimal, '50': 'Hörapparater bilateralt.' };
    expect(errorsOf(run(definition, { ...base, '50_2': text(4001) }), '50_2')).toEqual([
      tooLong(4000),
    ]);
    expectReady(run(definition, { ...base, '50_2': text(4000) }));
  });

  it('no question carries a conditional message', () => {
    const result = run(definition, complete);
    for (const id of Object.keys(result.questions)) expect(messagesOf(result, id)).toEqual([]);
    expect(result.notices).toEqual([]);
  });
});

describe('FK 7809 answers that may not be sent', () => {
  it('pruning drops 1.3/1.4 without their option, 4 when 3 is Nej, 50.2 when 50 is empty and unticked texts', () => {
    const stale = {
      ...complete,
      '1': [{ code: 'UNDERSOKNING', date: TODAY }],
      '1_3': 'Kurator',
      '3': false,
      '50': '',
      funktionsnedsattning: ['HORSELFUNKTION'],
    };
    const pruned = pruneHidden(definition, stale, context());
    expect(Object.keys(pruned).sort()).toEqual(
      [
        '1',
        '3',
        '5',
        '58',
        'funktionsnedsattning',
        '48',
        '17',
        '50',
        '51',
        '25',
        'UNIT_CONTACT_INFORMATION',
      ].sort(),
    );
    expectReady(run(definition, pruned));
  });
});
