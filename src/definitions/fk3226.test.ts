import { describe, expect, it } from 'vitest';
import { fk3226Answers } from '../../mocks/builders/certificates/fk3226';
import {
  addDays,
  parseDefinition,
  pruneHidden,
  type Answers,
  type EvaluationResult,
  type QuestionState,
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
import fk3226Json from './fk3226.json';

const definition = parseDefinition(fk3226Json);
const complete = fk3226Answers.complete(TODAY);
const minimal = fk3226Answers.minimal(TODAY);
const TOMORROW = addDays(TODAY, 1);
const YESTERDAY = addDays(TODAY, -1);

function question(result: EvaluationResult, id: string): QuestionState {
  const state = result.questions[id];
  if (state === undefined) throw new Error(`no question ${id}`);
  return state;
}

/** The "akut livshotande" branch of 52 with everything answered. */
const akut: Answers = {
  ...minimal,
  '52': 'AKUT_LIVSHOTANDE',
  '52_3': YESTERDAY,
  '52_4': 'Septisk chock med multiorgansvikt, vårdas i respirator på IVA.',
  '52_5': false,
};

const annat: Answers = {
  ...minimal,
  '52': 'ANNAT',
  '52_7': 'Sedan en månad tilltagande andningssvikt vid ALS. Hotet mot livet kvarstår.',
};

describe('FK 3226 definition', () => {
  it('parses with the meta-schema and identifies the form', () => {
    expect(definition.code).toBe('fk3226');
    expect(definition.formNumber).toBe('FK 3226');
    expect(definition.name).toBe('Läkarutlåtande för närståendepenning');
    expect(definition.kind).toBe('utlåtande');
    expect(definition.version).toBe('1.0');
  });

  it("uses FK's field ids and option codes", () => {
    const fkIds = definition.categories.flatMap((category) =>
      category.questions.flatMap((q) =>
        q.kind === 'info' || q.fkFieldId === undefined ? [] : [`${q.id}=${q.fkFieldId}`],
      ),
    );
    expect(fkIds).toEqual([
      '1=1.1',
      '1_3=1.3',
      '58=58.1',
      '52=52.1',
      '52_2=52.2',
      '52_3=52.3',
      '52_4=52.4',
      '52_5=52.5',
      '52_6=52.6',
      '52_7=52.7',
      '53=53.1',
    ]);
    const options = (id: string): string[] => {
      const q = definition.categories.flatMap((c) => c.questions).find((x) => x.id === id);
      return q !== undefined && 'options' in q ? q.options.map((o) => o.code) : [];
    };
    expect(options('1')).toEqual(['UNDERSOKNING', 'JOURNALUPPGIFTER', 'ANNAT']);
    expect(options('52')).toEqual(['ENDAST_PALLIATIV', 'AKUT_LIVSHOTANDE', 'ANNAT']);
  });
});

describe('FK 3226 answer sets', () => {
  it('complete answers are ready to sign', () => {
    expectReady(run(definition, complete));
  });

  it('minimal answers are ready to sign', () => {
    expectReady(run(definition, minimal));
  });

  it('both sets hold at another date', () => {
    const today = '2027-02-28';
    expectReady(run(definition, fk3226Answers.complete(today), { today }));
    expectReady(run(definition, fk3226Answers.minimal(today), { today }));
  });

  it.each(Object.keys(minimal))('removing %s from the minimal set blocks signing on it', (id) => {
    const result = run(definition, without(minimal, id));
    expect(result.readiness.readyToSign).toBe(false);
    expect(blockingQuestionIds(result)).toContain(id);
  });
});

describe('FK 3226 policy', () => {
  it('blocks signing until the patient has consented to electronic transfer', () => {
    const result = run(definition, complete, { consentRecorded: false });
    expect(result.readiness.readyToSign).toBe(false);
    expect(result.readiness.blockers).toEqual([
      {
        kind: 'consent',
        message: 'Patientens samtycke måste registreras innan intyget kan signeras.',
        path: [],
      },
    ]);
  });

  it.each<[Role, boolean, boolean]>([
    ['physician', true, true],
    ['care-admin', true, false],
    ['nurse', true, false],
    ['midwife', true, false],
  ])('%s: may draft %s, may sign %s', (role, mayDraft, maySign) => {
    const result = run(definition, complete, { role });
    expect(result.roleMayDraft).toBe(mayDraft);
    expect(result.roleMaySign).toBe(maySign);
  });

  it('signs and sends, is shown to the patient, takes questions and complements from FK', () => {
    expect(definition.policy).toMatchObject({
      signAndSend: true,
      sendAfterComplement: true,
      consentRequired: true,
      availableToPatient: true,
      fkMayAskQuestions: true,
      fkMayRequestComplement: true,
      replaceAllowed: true,
      revokeAllowed: true,
    });
  });

  it('renews without the basis (1, 1.3), the consent question (53) and the unit address', () => {
    expect(definition.policy.renew).toEqual({
      allowed: true,
      notCopied: ['1', '1_3', '53', 'UNIT_CONTACT_INFORMATION'],
    });
  });
});

describe('FK 3226 KAT_1 Grund för medicinskt underlag', () => {
  it('1 is required', () => {
    expect(errorsOf(run(definition, without(minimal, '1')), '1')).toEqual([
      'Välj minst ett alternativ.',
    ]);
    expect(errorsOf(run(definition, { ...minimal, '1': [] }), '1')).toEqual([
      'Välj minst ett alternativ.',
    ]);
  });

  it('1: a date may not be in the future', () => {
    const future = run(definition, { ...minimal, '1': [{ code: 'UNDERSOKNING', date: TOMORROW }] });
    expect(errorsOf(future, '1')).toEqual(['Ange ett datum som är senast 2026-03-16.']);
    const today = run(definition, { ...minimal, '1': [{ code: 'UNDERSOKNING', date: TODAY }] });
    expect(errorsOf(today, '1')).toEqual([]);
  });

  it('1: every ticked option needs a valid date', () => {
    const noDate = run(definition, {
      ...minimal,
      '1': [
        { code: 'UNDERSOKNING', date: TODAY },
        { code: 'JOURNALUPPGIFTER', date: '' },
      ],
    });
    expect(errorsOf(noDate, '1')).toEqual(['Ange ett datum.']);
    const badDate = run(definition, {
      ...minimal,
      '1': [{ code: 'UNDERSOKNING', date: '2026-02-30' }],
    });
    expect(errorsOf(badDate, '1')).toEqual(['Ange giltigt datum i formatet åååå-mm-dd.']);
  });

  it('1: each option at most once', () => {
    const result = run(definition, {
      ...minimal,
      '1': [
        { code: 'UNDERSOKNING', date: TODAY },
        { code: 'UNDERSOKNING', date: YESTERDAY },
      ],
    });
    expect(errorsOf(result, '1')).toEqual(['Varje alternativ får bara väljas en gång.']);
  });

  it('1.3 is shown and required only when "annat" is ticked', () => {
    const without13 = run(definition, minimal);
    expect(question(without13, '1_3').visible).toBe(false);
    const withAnnat = run(definition, {
      ...minimal,
      '1': [{ code: 'ANNAT', date: TODAY }],
    });
    expect(question(withAnnat, '1_3')).toMatchObject({ visible: true, required: true });
    expect(errorsOf(withAnnat, '1_3')).toEqual(['Ange ett svar.']);
    expect(blockingQuestionIds(withAnnat)).toEqual(['1_3']);
  });

  it('1.3 is at most 50 characters', () => {
    const base = { ...minimal, '1': [{ code: 'ANNAT', date: TODAY }] };
    expect(errorsOf(run(definition, { ...base, '1_3': 'x'.repeat(51) }), '1_3')).toEqual([
      'Ange en text som inte är längre än 50.',
    ]);
    expect(errorsOf(run(definition, { ...base, '1_3': 'x'.repeat(50) }), '1_3')).toEqual([]);
  });

  it('1.3 left behind after unticking "annat" does not block', () => {
    expectReady(run(definition, { ...minimal, '1_3': 'x'.repeat(80) }));
  });
});

describe('FK 3226 KAT_2 diagnoses (58)', () => {
  const row = (code: string, description: string): { code: string; description: string } => ({
    code,
    description,
  });
  const empty = row('', '');

  it('58 is required', () => {
    expect(errorsOf(run(definition, without(minimal, '58')), '58')).toEqual([
      'Ange minst en diagnos.',
    ]);
    expect(errorsOf(run(definition, { ...minimal, '58': [empty, empty] }), '58')).toEqual([
      'Ange minst en diagnos.',
    ]);
  });

  it('58: rows are filled from the top (rowsFromTop)', () => {
    const topEmpty = run(definition, { ...minimal, '58': [empty, row('I10', 'Hypertoni')] });
    expect(errorsOf(topEmpty, '58')).toEqual(['Ange diagnos på översta raden först.']);
    const gap = run(definition, {
      ...minimal,
      '58': [row('C259', 'Pankreascancer'), empty, row('I10', 'Hypertoni')],
    });
    expect(errorsOf(gap, '58')).toEqual(['Ange diagnoskod.', 'Ange diagnosbeskrivning.']);
    const trailingEmpty = run(definition, {
      ...minimal,
      '58': [row('C259', 'Pankreascancer'), empty],
    });
    expect(errorsOf(trailingEmpty, '58')).toEqual([]);
  });

  it('58: every row needs a code and a description', () => {
    const result = run(definition, {
      ...minimal,
      '58': [row('C259', ''), row('', 'Hypertoni')],
    });
    expect(errorsOf(result, '58')).toEqual(['Ange diagnosbeskrivning.', 'Ange diagnoskod.']);
  });

  it('58: the description is at most 81 characters', () => {
    expect(
      errorsOf(run(definition, { ...minimal, '58': [row('C259', 'x'.repeat(82))] }), '58'),
    ).toEqual(['Ange en text som inte är längre än 81.']);
    expect(
      errorsOf(run(definition, { ...minimal, '58': [row('C259', 'x'.repeat(81))] }), '58'),
    ).toEqual([]);
  });

  it('58: a code not in ICD-10-SE is rejected', () => {
    const isKnownDiagnosisCode = (code: string): boolean => code !== 'C258X';
    const unknown = run(
      definition,
      { ...minimal, '58': [row('C258X', 'Okänd')] },
      { isKnownDiagnosisCode },
    );
    expect(errorsOf(unknown, '58')).toEqual(['Diagnoskod är ej giltig.']);
    expectReady(run(definition, minimal, { isKnownDiagnosisCode }));
  });

  it.each([
    ['C2', false],
    ['C25', true],
    ['C2590X', false],
    ['F32', false],
    ['F321', true],
    ['Z73', false],
    ['Z730', true],
    ['32C1', false],
  ])('58: schematron code format, %s valid: %s', (code, valid) => {
    const errors = errorsOf(run(definition, { ...minimal, '58': [row(code, 'Diagnos')] }), '58');
    expect(errors).toEqual(valid ? [] : ['Diagnoskod är ej giltig.']);
  });

  it('58: at most five diagnoses', () => {
    const rows = ['C259', 'I10', 'E119', 'J189', 'N185', 'K746'].map((code) =>
      row(code, 'Diagnos'),
    );
    expect(errorsOf(run(definition, { ...minimal, '58': rows.slice(0, 5) }), '58')).toEqual([]);
    expect(errorsOf(run(definition, { ...minimal, '58': rows }), '58')).toEqual([
      'Ange högst 5 rader.',
    ]);
  });

  it('58: the OBSERVE note is shown in the draft', () => {
    const note = definition.categories
      .flatMap((c) => c.questions)
      .find((q) => q.id === 'diagnosObservera');
    expect(note).toMatchObject({
      kind: 'info',
      level: 'observe',
      draftOnly: true,
      text: 'Ange alla diagnoser som sammantaget medför ett påtagligt hot mot patientens liv.',
    });
    expect(question(run(definition, minimal), 'diagnosObservera').visible).toBe(true);
  });
});

describe('FK 3226 KAT_2 treatment and care situation (52 and its follow-ups)', () => {
  it('52 is required', () => {
    expect(errorsOf(run(definition, without(minimal, '52')), '52')).toEqual([
      'Välj ett alternativ.',
    ]);
  });

  it('52 rejects a code outside KV_FKMU_0009', () => {
    expect(errorsOf(run(definition, { ...minimal, '52': 'OKAND' }), '52')).toEqual([
      'Välj ett giltigt alternativ.',
    ]);
  });

  it.each([
    [undefined, []],
    ['ENDAST_PALLIATIV', ['52_2']],
    ['AKUT_LIVSHOTANDE', ['52_3', '52_4', '52_5']],
    ['ANNAT', ['52_7']],
  ])('52 = %s shows exactly %j', (code, shown) => {
    const result = run(definition, { ...minimal, '52': code, '52_2': undefined });
    const visible = ['52_2', '52_3', '52_4', '52_5', '52_6', '52_7'].filter(
      (id) => question(result, id).visible,
    );
    expect(visible).toEqual(shown);
    for (const id of shown) expect(question(result, id).required).toBe(true);
  });

  it('ENDAST_PALLIATIV: 52.2 is required', () => {
    const result = run(definition, without(minimal, '52_2'));
    expect(errorsOf(result, '52_2')).toEqual(['Ange ett datum.']);
    expect(blockingQuestionIds(result)).toEqual(['52_2']);
  });

  it('52.2 may not be in the future', () => {
    expect(errorsOf(run(definition, { ...minimal, '52_2': TOMORROW }), '52_2')).toEqual([
      'Ange ett datum som är senast 2026-03-16.',
    ]);
    expectReady(run(definition, { ...minimal, '52_2': TODAY }));
  });

  it('AKUT_LIVSHOTANDE: 52.3, 52.4 and 52.5 are required', () => {
    expectReady(run(definition, akut));
    const result = run(definition, without(akut, '52_3', '52_4', '52_5'));
    expect(errorsOf(result, '52_3')).toEqual(['Ange ett datum.']);
    expect(errorsOf(result, '52_4')).toEqual(['Ange ett svar.']);
    expect(errorsOf(result, '52_5')).toEqual(['Välj ett alternativ.']);
    expect(blockingQuestionIds(result)).toEqual(['52_3', '52_4', '52_5']);
  });

  it('52.3 may not be in the future', () => {
    expect(errorsOf(run(definition, { ...akut, '52_3': TOMORROW }), '52_3')).toEqual([
      'Ange ett datum som är senast 2026-03-16.',
    ]);
    expectReady(run(definition, { ...akut, '52_3': TODAY }));
  });

  it('52.4 is at most 265 characters', () => {
    expect(errorsOf(run(definition, { ...akut, '52_4': 'x'.repeat(266) }), '52_4')).toEqual([
      'Ange en text som inte är längre än 265.',
    ]);
    expectReady(run(definition, { ...akut, '52_4': 'x'.repeat(265) }));
  });

  it('52.6 is shown and required only when 52.5 is Ja', () => {
    expect(question(run(definition, akut), '52_6').visible).toBe(false);
    const ja = run(definition, { ...akut, '52_5': true });
    expect(question(ja, '52_6')).toMatchObject({ visible: true, required: true });
    expect(errorsOf(ja, '52_6')).toEqual(['Ange ett datum.']);
    expect(blockingQuestionIds(ja)).toEqual(['52_6']);
    expectReady(run(definition, { ...akut, '52_5': true, '52_6': addDays(TODAY, 30) }));
  });

  it('52.6 may not be in the past', () => {
    const base = { ...akut, '52_5': true };
    expect(errorsOf(run(definition, { ...base, '52_6': YESTERDAY }), '52_6')).toEqual([
      'Ange ett datum som är tidigast 2026-03-16.',
    ]);
    expectReady(run(definition, { ...base, '52_6': TODAY }));
  });

  it('52.6 is not required on another branch, even with a stale 52.5 = Ja', () => {
    const stale = { ...annat, '52_5': true, '52_6': undefined };
    const result = run(definition, stale);
    expect(question(result, '52_5').visible).toBe(false);
    expect(question(result, '52_6')).toMatchObject({ visible: false, required: false });
    expectReady(result);
    expectReady(run(definition, { ...annat, '52_5': true, '52_6': YESTERDAY }));
  });

  it('ANNAT: 52.7 is required', () => {
    expectReady(run(definition, annat));
    const result = run(definition, without(annat, '52_7'));
    expect(errorsOf(result, '52_7')).toEqual(['Ange ett svar.']);
    expect(blockingQuestionIds(result)).toEqual(['52_7']);
  });

  it('52.7 is at most 265 characters', () => {
    expect(errorsOf(run(definition, { ...annat, '52_7': 'x'.repeat(266) }), '52_7')).toEqual([
      'Ange en text som inte är längre än 265.',
    ]);
    expectReady(run(definition, { ...annat, '52_7': 'x'.repeat(265) }));
  });

  it('answers of another branch never block (switching 52 keeps them but ignores them)', () => {
    const switched = {
      ...complete,
      '52': 'ENDAST_PALLIATIV',
      '52_2': YESTERDAY,
      '52_3': TOMORROW,
      '52_6': YESTERDAY,
      '52_7': 'x'.repeat(300),
    };
    expectReady(run(definition, switched));
  });
});

describe('FK 3226 answers that may not be sent', () => {
  it('pruning drops 1.3 without "annat" and the answers of the branches 52 no longer shows', () => {
    const stale = {
      ...complete,
      '1': [{ code: 'UNDERSOKNING', date: TODAY }],
      '52': 'ANNAT',
      '52_2': YESTERDAY,
      '52_7': 'Tilltagande andningssvikt.',
    };
    const pruned = pruneHidden(definition, stale, context());
    expect(Object.keys(pruned).sort()).toEqual([
      '1',
      '52',
      '52_7',
      '53',
      '58',
      'UNIT_CONTACT_INFORMATION',
    ]);
    expectReady(run(definition, pruned));
  });
});

describe('FK 3226 KAT_3 Samtycke för närståendes stöd', () => {
  it('53 is required', () => {
    expect(errorsOf(run(definition, without(minimal, '53')), '53')).toEqual([
      'Välj ett alternativ.',
    ]);
    expectReady(run(definition, { ...minimal, '53': false }));
  });

  it('the draft-only info about consent is shown', () => {
    const info = definition.categories
      .flatMap((c) => c.questions)
      .find((q) => q.id === 'forutsattningar');
    expect(info).toMatchObject({
      kind: 'info',
      level: 'info',
      draftOnly: true,
      text: 'Om patienten har medicinska förutsättningar att samtycka till en närståendes stöd, så ska patienten göra det. Därför ska du fylla i om hen kan samtycka eller inte.',
    });
    expect(question(run(definition, minimal), 'forutsattningar').visible).toBe(true);
    expect(messagesOf(run(definition, minimal), '53')).toEqual([]);
  });
});

describe('FK 3226 care unit address', () => {
  it('every field is required', () => {
    const result = run(definition, {
      ...minimal,
      UNIT_CONTACT_INFORMATION: { address: ' ', postcode: '', city: '', phone: '' },
    });
    expect(errorsOf(result, 'UNIT_CONTACT_INFORMATION')).toEqual([
      'Ange postadress.',
      'Ange postnummer.',
      'Ange postort.',
      'Ange telefonnummer.',
    ]);
  });
});
