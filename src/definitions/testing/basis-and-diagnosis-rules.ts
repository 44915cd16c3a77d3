/**
 * Rule suites for the basis (1) and the diagnosis rows that the newer forms share (FK 3226,
 * FK 7809, FK 7804): the engine's default messages, no v1 error texts. The forms differ in
 * their basis options and follow-up texts, in the diagnosis question's id and row limit, and
 * in whether the diagnosis code format and description length are checked.
 */
import { describe, expect, it } from 'vitest';
import {
  MESSAGES,
  TODAY,
  TOMORROW,
  YESTERDAY,
  blockingQuestionIds,
  dateNotAfter,
  day,
  errorsOf,
  expectReady,
  optionCodes,
  run,
  runWith,
  stateOf,
  text,
  tooLong,
  tooManyRows,
  without,
  type DefinitionUnderTest,
} from '../definition-test-kit';

/** The engine's message for a date that does not exist. */
const DATE_INVALID = 'Ange giltigt datum i formatet åååå-mm-dd.';

/** A text that one ticked basis shows and requires: [id, option code, limit, sample answer]. */
export type FollowUpText = [string, string, number, string];

export interface BasisOptions {
  /** The option codes of 1, in form order. */
  codes: string[];
  followUps: FollowUpText[];
}

/** 1 Grund för medicinskt underlag: options with a date each, and their follow-up texts. */
export function describeBasisRules(
  label: string,
  subject: DefinitionUnderTest,
  { codes, followUps }: BasisOptions,
): void {
  const { definition, minimal } = subject;
  const withAnswers = runWith(subject);
  const basis = (...rows: Array<[string, string]>) =>
    withAnswers({ '1': rows.map(([code, date]) => ({ code, date })) });
  const hasFollowUp = (code: string) => followUps.some(([, shownBy]) => shownBy === code);
  const [first = ''] = codes;

  describe(`${label} 1 Grund för medicinskt underlag`, () => {
    it('1 offers its bases with their FK codes', () => {
      expect(optionCodes(definition, '1')).toEqual(codes);
    });

    it('1 requires at least one basis', () => {
      expect(errorsOf(run(definition, without(minimal, '1')), '1')).toEqual([
        MESSAGES.chooseAtLeastOne,
      ]);
      expect(errorsOf(withAnswers({ '1': [] }), '1')).toEqual([MESSAGES.chooseAtLeastOne]);
    });

    it.each(codes)('1: %s needs a valid date that is not in the future', (code) => {
      expect(errorsOf(basis([code, '']), '1')).toEqual([MESSAGES.dateMissing]);
      if (code !== first) {
        expect(errorsOf(basis([first, TODAY], [code, '']), '1')).toEqual([MESSAGES.dateMissing]);
      }
      expect(errorsOf(basis([code, '2026-02-30']), '1')).toEqual([DATE_INVALID]);
      expect(errorsOf(basis([code, TOMORROW]), '1')).toEqual([dateNotAfter(TODAY)]);
      expect(errorsOf(basis([code, TODAY]), '1')).toEqual([]);
      if (!hasFollowUp(code)) expectReady(basis([code, TODAY]));
    });

    it.each(codes)('1: %s may be ticked only once', (code) => {
      for (const [date, again] of [
        [TODAY, TODAY],
        [TODAY, YESTERDAY],
        [day(-3), day(-2)],
      ] as const) {
        const result = basis([code, date], [code, again]);
        expect(errorsOf(result, '1')).toEqual([MESSAGES.optionTwice]);
        expect(result.readiness.readyToSign).toBe(false);
        expect(blockingQuestionIds(result)).toContain('1');
        if (!hasFollowUp(code)) expect(blockingQuestionIds(result)).toEqual(['1']);
      }
    });

    it.each(followUps)('%s is shown and required only when %s is ticked', (id, code, _, sample) => {
      expect(stateOf(run(definition, minimal), id).visible).toBe(false);
      const ticked = basis([code, TODAY]);
      expect(stateOf(ticked, id)).toMatchObject({ visible: true, required: true });
      expect(errorsOf(ticked, id)).toEqual([MESSAGES.answerMissing]);
      expect(blockingQuestionIds(ticked)).toEqual([id]);
      expectReady(withAnswers({ '1': [{ code, date: TODAY }], [id]: sample }));
    });

    it.each(followUps)('%s (shown by %s) is at most %i characters', (id, code, max) => {
      const shown = { '1': [{ code, date: TODAY }] };
      expect(errorsOf(withAnswers({ ...shown, [id]: text(max + 1) }), id)).toEqual([tooLong(max)]);
      const atMax = withAnswers({ ...shown, [id]: text(max) });
      expect(errorsOf(atMax, id)).toEqual([]);
      expectReady(atMax);
    });

    it.each(followUps)('%s left behind after unticking %s does not block', (id, _, max, sample) => {
      for (const stale of [sample, text(max + 30)]) {
        const result = withAnswers({ [id]: stale });
        expect(stateOf(result, id).visible).toBe(false);
        expectReady(result);
      }
    });
  });
}

/** A diagnosis row: [code, description]. */
export type DiagnosisRow = [string, string];

export interface DiagnosisRowOptions {
  /** The id of the diagnoses question. */
  id: string;
  maxRows: number;
  /** Two filled rows with different codes, as the form's physician would write them. */
  rows: [DiagnosisRow, DiagnosisRow];
  /** maxRows + 1 filled rows. */
  tooMany: DiagnosisRow[];
  /** A row whose code `isKnownDiagnosisCode` does not know. */
  unknown: DiagnosisRow;
  /** Knows the minimal set's codes, not the unknown row's. */
  isKnownDiagnosisCode: (code: string) => boolean;
  /** The description's limit, where the form has one. */
  descriptionMaxLength?: number;
  /** Whether the form checks the code format (schematron: 3–5 positions, 4 on F and Z73). */
  codeFormat: boolean;
}

/** Codes and whether the schematron code format takes them. */
export const CODE_FORMAT_CASES: Array<[string, boolean]> = [
  ['C2', false],
  ['C25', true],
  ['C2590X', false],
  ['H9', false],
  ['H90', true],
  ['H9031X', false],
  ['F32', false],
  ['F321', true],
  ['F84', false],
  ['F840', true],
  ['Z73', false],
  ['Z730', true],
  ['Z736', true],
  ['32C1', false],
];

/** Diagnosis rows: required, filled from the top, code and description on each, a row limit. */
export function describeDiagnosisRowRules(
  label: string,
  subject: DefinitionUnderTest,
  options: DiagnosisRowOptions,
): void {
  const { definition, minimal } = subject;
  const { id, maxRows, rows, tooMany, unknown, isKnownDiagnosisCode } = options;
  const row = ([code, description]: DiagnosisRow) => ({ code, description });
  const empty = row(['', '']);
  const [[firstCode, firstDescription], [, secondDescription]] = rows;
  const [first, second] = rows.map(row);
  const withRows = (list: unknown[]) => runWith(subject)({ [id]: list });
  const errors = (list: unknown[]) => errorsOf(withRows(list), id);
  const CODE_MISSING = 'Ange diagnoskod.';
  const DESCRIPTION_MISSING = 'Ange diagnosbeskrivning.';

  describe(`${label} diagnoses (${id})`, () => {
    it(`${id} requires at least one diagnosis`, () => {
      const none = 'Ange minst en diagnos.';
      expect(errorsOf(run(definition, without(minimal, id)), id)).toEqual([none]);
      expect(errors([])).toEqual([none]);
      expect(errors([empty, empty])).toEqual([none]);
    });

    it(`${id}: rows are filled from the top (rowsFromTop)`, () => {
      const topFirst = 'Ange diagnos på översta raden först.';
      expect(errors([empty, first])).toEqual([topFirst]);
      expect(errors([empty, second])).toEqual([topFirst]);
      expect(errors([first, empty, second])).toEqual([CODE_MISSING, DESCRIPTION_MISSING]);
      expect(errors([first, empty])).toEqual([]);
      expectReady(withRows([first, second, empty]));
    });

    it(`${id}: every row needs a code and a description`, () => {
      expect(errors([row([firstCode, ''])])).toEqual([DESCRIPTION_MISSING]);
      expect(errors([row(['', firstDescription])])).toEqual([CODE_MISSING]);
      expect(errors([row(['', secondDescription])])).toEqual([CODE_MISSING]);
      expect(errors([row([firstCode, '']), row(['', secondDescription])])).toEqual([
        DESCRIPTION_MISSING,
        CODE_MISSING,
      ]);
    });

    const { descriptionMaxLength: max } = options;
    if (max !== undefined) {
      it(`${id}: the description is at most ${max} characters`, () => {
        expect(errors([row([firstCode, text(max + 1)])])).toEqual([tooLong(max)]);
        expect(errors([row([firstCode, text(max)])])).toEqual([]);
        expectReady(withRows([row([firstCode, text(max)])]));
      });
    }

    it(`${id}: a code not in ICD-10-SE is rejected`, () => {
      const result = run(
        definition,
        { ...minimal, [id]: [row(unknown)] },
        { isKnownDiagnosisCode },
      );
      expect(errorsOf(result, id)).toEqual([MESSAGES.unknownDiagnosisCode]);
      expectReady(run(definition, minimal, { isKnownDiagnosisCode }));
    });

    if (options.codeFormat) {
      it.each(CODE_FORMAT_CASES)(`${id}: schematron code format, %s valid: %s`, (code, valid) => {
        expect(errors([row([code, 'Diagnos'])])).toEqual(
          valid ? [] : [MESSAGES.unknownDiagnosisCode],
        );
      });
    }

    it(`${id}: at most ${maxRows} diagnoses`, () => {
      const allowed = withRows(tooMany.slice(0, maxRows).map(row));
      expect(errorsOf(allowed, id)).toEqual([]);
      expectReady(allowed);
      const over = withRows(tooMany.map(row));
      expect(errorsOf(over, id)).toEqual([tooManyRows(maxRows)]);
      expect(blockingQuestionIds(over)).toEqual([id]);
    });
  });
}
