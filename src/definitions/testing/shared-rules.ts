/**
 * Rule suites that every certificate type shares: its identity, its answer builders, the
 * signing gate (consent and roles) and the care unit's address. Each test file calls them
 * with its own definition, builder and the values in which the forms differ.
 */
import { describe, expect, it } from 'vitest';
import {
  careUnitContactValueSchema,
  parseDefinition,
  pruneHidden,
  type Answers,
  type CareUnitContact,
  type CertificateDefinition,
  type Role,
} from '../../form-engine';
import {
  ALL_ROLES,
  MESSAGES,
  TODAY,
  blockingQuestionIds,
  context,
  errorsOf,
  expectReady,
  messagesOf,
  run,
  runWith,
  text,
  tooLong,
  without,
  type DefinitionUnderTest,
  type KnownDiagnosisCodes,
} from '../definition-test-kit';

/** What identifies a certificate type. */
export type FormIdentity = Pick<
  CertificateDefinition,
  'code' | 'formNumber' | 'name' | 'kind' | 'version'
>;

/** One test, in the caller's describe: the JSON parses and names the form as expected. */
export function itParsesAsTheForm(json: unknown, expected: FormIdentity): void {
  it(`parses with the meta-schema as ${expected.formNumber}, ${expected.kind} ${expected.version}`, () => {
    const definition = parseDefinition(json);
    expect(definition.code).toBe(expected.code);
    expect(definition.formNumber).toBe(expected.formNumber);
    expect(definition.name).toBe(expected.name);
    expect(definition.kind).toBe(expected.kind);
    expect(definition.version).toBe(expected.version);
  });
}

/**
 * The dates every answer builder must hold at: leap days, the turns of a year and of a month
 * (the union of the dates each form's tests used before they shared this suite).
 */
export const BUILDER_DATES = [
  TODAY,
  '2024-02-29',
  '2025-12-31',
  '2026-01-01',
  '2026-12-31',
  '2027-02-28',
  '2027-06-30',
  '2028-02-29',
  '2028-12-31',
  '2031-07-01',
];

export interface AnswerBuilderOptions {
  /** For forms with diagnoses: the builders' codes must exist in ICD-10-SE. */
  knownDiagnosisCodes?: KnownDiagnosisCodes;
}

/** Both answer sets are ready to sign at any date, and `minimal` holds only required answers. */
export function describeAnswerBuilderRules(
  label: string,
  { definition, builder, complete, minimal }: DefinitionUnderTest,
  options: AnswerBuilderOptions = {},
): void {
  describe(`${label} answer builders`, () => {
    it('complete answers are ready to sign, with no message on any answered question', () => {
      const result = run(definition, complete);
      expectReady(result);
      for (const id of Object.keys(complete)) expect(messagesOf(result, id)).toEqual([]);
    });

    it('minimal answers are ready to sign', () => {
      expectReady(run(definition, minimal));
    });

    it.each(BUILDER_DATES)('both answer sets are ready on %s', (today) => {
      expectReady(run(definition, builder.complete(today), { today }));
      expectReady(run(definition, builder.minimal(today), { today }));
    });

    const { knownDiagnosisCodes } = options;
    if (knownDiagnosisCodes !== undefined) {
      it('use diagnosis codes that exist in ICD-10-SE', async () => {
        const isKnownDiagnosisCode = await knownDiagnosisCodes();
        expectReady(run(definition, complete, { isKnownDiagnosisCode }));
        expectReady(run(definition, minimal, { isKnownDiagnosisCode }));
      });
    }

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
}

/**
 * Signing waits for the patient's consent to electronic transfer; every role may draft, and
 * only `signRoles` may sign.
 */
export function describeConsentAndRoleRules(
  label: string,
  { definition, complete }: DefinitionUnderTest,
  signRoles: readonly Role[],
): void {
  describe(`${label} signing gate`, () => {
    it('blocks signing until the patient has consented to electronic transfer', () => {
      const result = run(definition, complete, { consentRecorded: false });
      expect(result.readiness.readyToSign).toBe(false);
      expect(result.readiness.blockers).toEqual([
        { kind: 'consent', message: MESSAGES.consentMissing, path: [] },
      ]);
      expectReady(run(definition, complete, { consentRecorded: true }));
    });

    const roles = ALL_ROLES.map((role): [Role, boolean] => [role, signRoles.includes(role)]);
    it.each(roles)('%s may draft; may sign: %s', (role, maySign) => {
      const result = run(definition, complete, { role });
      expect(result.roleMayDraft).toBe(true);
      expect(result.roleMaySign).toBe(maySign);
    });
  });
}

const UNIT = 'UNIT_CONTACT_INFORMATION';

const UNIT_FIELDS: Array<[keyof CareUnitContact, string]> = [
  ['address', 'Ange postadress.'],
  ['postcode', 'Ange postnummer.'],
  ['city', 'Ange postort.'],
  ['phone', 'Ange telefonnummer.'],
];
const ALL_UNIT_FIELDS_MISSING = UNIT_FIELDS.map(([, message]) => message);
const BLANK_UNIT: CareUnitContact = { address: '', postcode: '', city: '', phone: '' };

export interface UnitContactOptions {
  /** v1 forms (`postcodeFiveDigits`) also want a postcode of five digits. */
  fiveDigitPostcode: boolean;
  /** Addresses the form must accept besides the minimal set's, each also tried with a blank field. */
  otherValidUnits?: CareUnitContact[];
}

/** The care unit's address: every field is required, each with its own message. */
export function describeUnitContactRules(
  label: string,
  { definition, minimal }: DefinitionUnderTest,
  { fiveDigitPostcode, otherValidUnits = [] }: UnitContactOptions,
): void {
  const withUnit = (unit: CareUnitContact) => run(definition, { ...minimal, [UNIT]: unit });
  const validUnits = [careUnitContactValueSchema.parse(minimal[UNIT]), ...otherValidUnits];

  describe(`${label} care unit address`, () => {
    it('requires address, postcode, city and phone', () => {
      const removed = run(definition, without(minimal, UNIT));
      expect(errorsOf(removed, UNIT)).toEqual(ALL_UNIT_FIELDS_MISSING);
      expect(errorsOf(withUnit(BLANK_UNIT), UNIT)).toEqual(ALL_UNIT_FIELDS_MISSING);
      // A space only counts as blank, whichever field holds it.
      for (const [field] of UNIT_FIELDS) {
        const blank = withUnit({ ...BLANK_UNIT, [field]: ' ' });
        expect(errorsOf(blank, UNIT)).toEqual(ALL_UNIT_FIELDS_MISSING);
      }
      expect(errorsOf(run(definition, minimal), UNIT)).toEqual([]);
    });

    it.each(UNIT_FIELDS)('a blank %s alone blocks signing with "%s"', (field, message) => {
      for (const unit of validUnits) {
        for (const blank of ['', ' ']) {
          const result = withUnit({ ...unit, [field]: blank });
          expect(errorsOf(result, UNIT)).toEqual([message]);
          expect(blockingQuestionIds(result)).toEqual([UNIT]);
        }
        expectReady(withUnit(unit));
      }
    });

    if (fiveDigitPostcode) {
      it('requires a postcode of five digits', () => {
        const unit = { address: 'Storgatan 1', postcode: '1234', city: 'Stockholm', phone: '08-1' };
        expect(errorsOf(withUnit(unit), UNIT)).toEqual(['Ange postnummer med fem siffror.']);
        expectReady(withUnit({ ...unit, postcode: '12345' }));
      });
    } else {
      it('does not require a five-digit postcode (v1 only)', () => {
        const unit = { address: 'Box 12', postcode: '11743', city: 'Stockholm', phone: '08-1' };
        expectReady(withUnit(unit));
        expectReady(withUnit({ ...unit, postcode: '1234' }));
      });
    }
  });
}

export interface SharedRuleOptions extends AnswerBuilderOptions, UnitContactOptions {
  /** The roles that may sign (every role may draft). */
  signRoles: readonly Role[];
}

/** The rules every form shares: answer builders, signing gate and care unit address. */
export function describeSharedRules(
  label: string,
  subject: DefinitionUnderTest,
  { signRoles, ...options }: SharedRuleOptions,
): void {
  describeAnswerBuilderRules(label, subject, options);
  describeConsentAndRoleRules(label, subject, signRoles);
  describeUnitContactRules(label, subject, options);
}

/** A text limit: a number of characters, or none (some v1 texts have no limit). */
export type TextLimit = number | 'unlimited';

/** A text longer than any limit, to show that a text without one takes it. */
export const VERY_LONG = 10000;

/** A free text: [question id, limit, answers under which it is shown]. */
export type FreeText = [string, TextLimit, Answers?];

/** The rows of an it.each over free texts: the limit is put in words (second) for the name. */
function textRows(texts: FreeText[]): Array<[string, string, TextLimit, Answers]> {
  return texts.map(([id, max, shown = {}]) => [
    id,
    max === 'unlimited' ? 'has no length limit in v1' : `takes at most ${max} characters`,
    max,
    shown,
  ]);
}

/** Required free texts: missing and blank are rejected, and the limit holds. */
export function describeRequiredTextRules(
  label: string,
  subject: DefinitionUnderTest,
  texts: FreeText[],
  title = 'required free text',
): void {
  const { definition, minimal } = subject;
  const withAnswers = runWith(subject);

  describe(`${label} ${title}`, () => {
    it.each(textRows(texts))('%s is required and %s', (id, _, max, shown) => {
      expect(errorsOf(run(definition, without(minimal, id)), id)).toEqual([MESSAGES.answerMissing]);
      for (const blank of ['  ', '   ']) {
        expect(errorsOf(withAnswers({ ...shown, [id]: blank }), id)).toEqual([
          MESSAGES.answerMissing,
        ]);
      }
      if (max === 'unlimited') {
        expectReady(withAnswers({ ...shown, [id]: text(VERY_LONG) }));
      } else {
        const over = withAnswers({ ...shown, [id]: text(max + 1) });
        expect(errorsOf(over, id)).toEqual([tooLong(max)]);
        const atMax = withAnswers({ ...shown, [id]: text(max) });
        expect(errorsOf(atMax, id)).toEqual([]);
        expectReady(atMax);
      }
    });
  });
}

/** Optional free texts: may be left out, not be blank only, and the limit holds. */
export function describeOptionalTextRules(
  label: string,
  subject: DefinitionUnderTest,
  texts: FreeText[],
): void {
  const withAnswers = runWith(subject);

  describe(`${label} optional free text`, () => {
    it.each(textRows(texts))('%s is optional, %s and no blanks only', (id, _, max, shown) => {
      expectReady(withAnswers(shown));
      expect(errorsOf(withAnswers({ ...shown, [id]: '   ' }), id)).toEqual([MESSAGES.blankOnly]);
      if (max === 'unlimited') {
        expectReady(withAnswers({ ...shown, [id]: text(VERY_LONG) }));
      } else {
        const over = withAnswers({ ...shown, [id]: text(max + 1) });
        expect(errorsOf(over, id)).toEqual([tooLong(max)]);
        expectReady(withAnswers({ ...shown, [id]: text(max) }));
      }
    });
  });
}
