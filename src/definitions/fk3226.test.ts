import { describe, expect, it } from 'vitest';
import { fk3226Answers } from '../../server/seed/certificates/fk3226';
import { isKnownCode } from '../../server/domain/diagnoses/icd10-index';
import { loadIcd10IndexFromDisk } from '../../server/domain/diagnoses/load-icd10-node';
import { pruneHidden, type Answers } from '../form-engine';
import {
  MESSAGES,
  TODAY,
  TOMORROW,
  YESTERDAY,
  blockingQuestionIds,
  context,
  dateNotAfter,
  dateNotBefore,
  day,
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
import fk3226Json from './fk3226.json';
import { describeBasisRules, describeDiagnosisRowRules } from './testing/basis-and-diagnosis-rules';
import { describeSharedRules, itParsesAsTheForm } from './testing/shared-rules';

const subject = loadDefinition(fk3226Json, fk3226Answers);
const { definition, complete, minimal } = subject;

const knownDiagnosisCodes = knownCodesLookup(loadIcd10IndexFromDisk, isKnownCode);

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

/** A draft-only info text of the given level, shown on the minimal answers. */
function expectDraftInfo(id: string, level: string, text: string): void {
  expect(questionOf(definition, id)).toMatchObject({ kind: 'info', level, draftOnly: true, text });
  expect(stateOf(run(definition, minimal), id).visible).toBe(true);
}

describe('FK 3226 definition', () => {
  itParsesAsTheForm(fk3226Json, {
    code: 'fk3226',
    formNumber: 'FK 3226',
    name: 'Läkarutlåtande för närståendepenning',
    kind: 'utlåtande',
    version: '1.0',
  });

  it("uses FK's field ids and option codes", () => {
    expect(fkFieldIds(definition)).toEqual([
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
    expect(optionCodes(definition, '52')).toEqual([
      'ENDAST_PALLIATIV',
      'AKUT_LIVSHOTANDE',
      'ANNAT',
    ]);
  });
});

describeSharedRules('FK 3226', subject, {
  signRoles: ['physician'],
  fiveDigitPostcode: false,
  knownDiagnosisCodes,
});

describe('FK 3226 policy', () => {
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

describeBasisRules('FK 3226 KAT_1', subject, {
  codes: ['UNDERSOKNING', 'JOURNALUPPGIFTER', 'ANNAT'],
  followUps: [['1_3', 'ANNAT', 50, 'Samtal med ansvarig IVA-läkare']],
});

describeDiagnosisRowRules('FK 3226 KAT_2', subject, {
  id: '58',
  maxRows: 5,
  rows: [
    ['C259', 'Pankreascancer'],
    ['I10', 'Hypertoni'],
  ],
  tooMany: ['C259', 'I10', 'E119', 'J189', 'N185', 'K746'].map((code) => [code, 'Diagnos']),
  unknown: ['C258X', 'Okänd'],
  isKnownDiagnosisCode: (code) => code !== 'C258X',
  descriptionMaxLength: 81,
  codeFormat: true,
});

describe('FK 3226 KAT_2 diagnoses (58): the OBSERVE note', () => {
  it('58: the OBSERVE note is shown in the draft', () => {
    expectDraftInfo(
      'diagnosObservera',
      'observe',
      'Ange alla diagnoser som sammantaget medför ett påtagligt hot mot patientens liv.',
    );
  });
});

describe('FK 3226 KAT_2 treatment and care situation (52 and its follow-ups)', () => {
  it('52 is required', () => {
    expect(errorsOf(run(definition, without(minimal, '52')), '52')).toEqual([MESSAGES.chooseOne]);
  });

  it('52 rejects a code outside KV_FKMU_0009', () => {
    expect(errorsOf(run(definition, { ...minimal, '52': 'OKAND' }), '52')).toEqual([
      MESSAGES.invalidOption,
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
      (id) => stateOf(result, id).visible,
    );
    expect(visible).toEqual(shown);
    for (const id of shown) expect(stateOf(result, id).required).toBe(true);
  });

  it('ENDAST_PALLIATIV: 52.2 is required', () => {
    const result = run(definition, without(minimal, '52_2'));
    expect(errorsOf(result, '52_2')).toEqual([MESSAGES.dateMissing]);
    expect(blockingQuestionIds(result)).toEqual(['52_2']);
  });

  it('52.2 may not be in the future', () => {
    expect(errorsOf(run(definition, { ...minimal, '52_2': TOMORROW }), '52_2')).toEqual([
      dateNotAfter('2026-03-16'),
    ]);
    expectReady(run(definition, { ...minimal, '52_2': TODAY }));
  });

  it('AKUT_LIVSHOTANDE: 52.3, 52.4 and 52.5 are required', () => {
    expectReady(run(definition, akut));
    const result = run(definition, without(akut, '52_3', '52_4', '52_5'));
    expect(errorsOf(result, '52_3')).toEqual([MESSAGES.dateMissing]);
    expect(errorsOf(result, '52_4')).toEqual([MESSAGES.answerMissing]);
    expect(errorsOf(result, '52_5')).toEqual([MESSAGES.chooseOne]);
    expect(blockingQuestionIds(result)).toEqual(['52_3', '52_4', '52_5']);
  });

  it('52.3 may not be in the future', () => {
    expect(errorsOf(run(definition, { ...akut, '52_3': TOMORROW }), '52_3')).toEqual([
      dateNotAfter('2026-03-16'),
    ]);
    expectReady(run(definition, { ...akut, '52_3': TODAY }));
  });

  it.each([
    ['52.4', '52_4', akut],
    ['52.7', '52_7', annat],
  ])('%s is at most 265 characters', (_, id, branch) => {
    expect(errorsOf(run(definition, { ...branch, [id]: text(266) }), id)).toEqual([tooLong(265)]);
    expectReady(run(definition, { ...branch, [id]: text(265) }));
  });

  it('52.6 is shown and required only when 52.5 is Ja', () => {
    expect(stateOf(run(definition, akut), '52_6').visible).toBe(false);
    const ja = run(definition, { ...akut, '52_5': true });
    expect(stateOf(ja, '52_6')).toMatchObject({ visible: true, required: true });
    expect(errorsOf(ja, '52_6')).toEqual([MESSAGES.dateMissing]);
    expect(blockingQuestionIds(ja)).toEqual(['52_6']);
    expectReady(run(definition, { ...akut, '52_5': true, '52_6': day(30) }));
  });

  it('52.6 may not be in the past', () => {
    const base = { ...akut, '52_5': true };
    expect(errorsOf(run(definition, { ...base, '52_6': YESTERDAY }), '52_6')).toEqual([
      dateNotBefore('2026-03-16'),
    ]);
    expectReady(run(definition, { ...base, '52_6': TODAY }));
  });

  it('52.6 is not required on another branch, even with a stale 52.5 = Ja', () => {
    const stale = { ...annat, '52_5': true, '52_6': undefined };
    const result = run(definition, stale);
    expect(stateOf(result, '52_5').visible).toBe(false);
    expect(stateOf(result, '52_6')).toMatchObject({ visible: false, required: false });
    expectReady(result);
    expectReady(run(definition, { ...annat, '52_5': true, '52_6': YESTERDAY }));
  });

  it('ANNAT: 52.7 is required', () => {
    expectReady(run(definition, annat));
    const result = run(definition, without(annat, '52_7'));
    expect(errorsOf(result, '52_7')).toEqual([MESSAGES.answerMissing]);
    expect(blockingQuestionIds(result)).toEqual(['52_7']);
  });

  it('answers of another branch never block (switching 52 keeps them but ignores them)', () => {
    const switched = {
      ...complete,
      '52': 'ENDAST_PALLIATIV',
      '52_2': YESTERDAY,
      '52_3': TOMORROW,
      '52_6': YESTERDAY,
      '52_7': text(300),
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
    expect(errorsOf(run(definition, without(minimal, '53')), '53')).toEqual([MESSAGES.chooseOne]);
    expectReady(run(definition, { ...minimal, '53': false }));
  });

  it('the draft-only info about consent is shown', () => {
    expectDraftInfo(
      'forutsattningar',
      'info',
      'Om patienten har medicinska förutsättningar att samtycka till en närståendes stöd, så ska patienten göra det. Därför ska du fylla i om hen kan samtycka eller inte.',
    );
    expect(messagesOf(run(definition, minimal), '53')).toEqual([]);
  });
});
