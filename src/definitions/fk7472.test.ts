import { describe, expect, it } from 'vitest';
import { addDays, addYears, type PeriodRow } from '../form-engine';
import { fk7472Answers } from '../../server/seed/certificates/fk7472';
import definitionJson from './fk7472.json';
import {
  TODAY,
  blockingQuestionIds,
  errorsOf,
  expectReady,
  loadDefinition,
  messagesOf,
  run,
  without,
} from './definition-test-kit';
import { describeSharedRules, itParsesAsTheForm } from './testing/shared-rules';

const subject = loadDefinition(definitionJson, fk7472Answers);
const { definition, minimal, complete } = subject;

/** TODAY − 90 days. */
const EARLIEST = '2025-12-16';

function withPeriods(...periods: PeriodRow[]): Record<string, unknown> {
  return { ...minimal, '56': periods };
}

function period(code: string, fromOffset: number, toOffset: number): PeriodRow {
  return { code, from: addDays(TODAY, fromOffset), to: addDays(TODAY, toOffset) };
}

function errorsWithPaths(
  result: ReturnType<typeof run>,
  questionId: string,
): Array<{ message: string; path: Array<string | number> }> {
  return (result.questions[questionId]?.errors ?? []).map(({ message, path }) => ({
    message,
    path,
  }));
}

describe('FK 7472 definition', () => {
  itParsesAsTheForm(definitionJson, {
    code: 'fk7472',
    formNumber: 'FK 7472',
    name: 'Intyg för tillfällig föräldrapenning, vård av sjukt barn',
    kind: 'intyg',
    version: '1.0',
  });

  it('carries the official texts, FK ids and KV_FKMU_0008 codes', () => {
    const [kat1, kat2] = definition.categories;
    expect(kat1?.title).toBe('Barnets diagnos eller symtom');
    expect(kat1?.questions[0]).toMatchObject({
      id: '55',
      fkFieldId: '55.1',
      kind: 'textArea',
      label: 'Ange diagnos eller symtom',
    });
    expect(kat2?.title).toBe('Period som barnet inte bör vårdas i ordinarie tillsynsform');
    const question = kat2?.questions[0];
    expect(question).toMatchObject({
      id: '56',
      fkFieldId: '56.1',
      kind: 'periodsWithShares',
      label: 'Jag bedömer att barnet inte ska vårdas i ordinarie tillsynsform',
      // FK's sub-label "Andel av ordinarie tid:" names each period's share field (no colon
      // dangling above the periods).
      shareLabel: 'Andel av ordinarie tid',
    });
    const options =
      question?.kind === 'periodsWithShares'
        ? question.options.map(({ code, label, percent, codeSystem }) => ({
            code,
            label,
            percent,
            codeSystem,
          }))
        : [];
    expect(options).toEqual([
      { code: 'EN_ATTONDEL', label: '12,5 procent', percent: 12.5, codeSystem: 'KV_FKMU_0008' },
      { code: 'EN_FJARDEDEL', label: '25 procent', percent: 25, codeSystem: 'KV_FKMU_0008' },
      { code: 'HALVA', label: '50 procent', percent: 50, codeSystem: 'KV_FKMU_0008' },
      { code: 'TRE_FJARDEDELAR', label: '75 procent', percent: 75, codeSystem: 'KV_FKMU_0008' },
      { code: 'HELA', label: '100 procent', percent: 100, codeSystem: 'KV_FKMU_0008' },
    ]);
  });

  it('has no errors, messages or notices on the complete set', () => {
    const result = run(definition, complete);
    expect(errorsOf(result, '55')).toEqual([]);
    expect(errorsOf(result, '56')).toEqual([]);
    expect(messagesOf(result, '56')).toEqual([]);
    expect(result.notices).toEqual([]);
  });
});

describeSharedRules('FK 7472', subject, {
  signRoles: ['physician', 'nurse', 'midwife'],
  fiveDigitPostcode: false,
});

describe('FK 7472 rules: 55 Ange diagnos eller symtom', () => {
  it('is required: "Ange ett svar." (blank text counts as missing)', () => {
    expect(errorsOf(run(definition, without(minimal, '55')), '55')).toEqual(['Ange ett svar.']);
    expect(errorsOf(run(definition, { ...minimal, '55': '   \n ' }), '55')).toEqual([
      'Ange ett svar.',
    ]);
    expect(errorsOf(run(definition, minimal), '55')).toEqual([]);
  });

  it('takes at most 318 characters', () => {
    const tooLong = run(definition, { ...minimal, '55': 'a'.repeat(319) });
    expect(errorsOf(tooLong, '55')).toEqual(['Ange en text som inte är längre än 318 tecken.']);
    expect(tooLong.readiness.blockers[0]?.kind).toBe('invalid');
    expectReady(run(definition, { ...minimal, '55': 'a'.repeat(318) }));
  });
});

describe('FK 7472 rules: 56 period som barnet inte bör vårdas i ordinarie tillsynsform', () => {
  it('needs at least one period: "Välj minst ett alternativ."', () => {
    expect(errorsOf(run(definition, without(minimal, '56')), '56')).toEqual([
      'Välj minst ett alternativ.',
    ]);
    expect(errorsOf(run(definition, withPeriods()), '56')).toEqual(['Välj minst ett alternativ.']);
    expectReady(run(definition, withPeriods(period('EN_ATTONDEL', 0, 0))));
  });

  it('needs both dates of a ticked option: "Ange ett datum."', () => {
    const noFrom = run(definition, withPeriods({ code: 'HELA', from: '', to: TODAY }));
    expect(errorsWithPaths(noFrom, '56')).toEqual([
      { message: 'Ange ett datum.', path: [0, 'from'] },
    ]);
    const noTo = run(definition, withPeriods({ code: 'HALVA', from: TODAY, to: '' }));
    expect(errorsWithPaths(noTo, '56')).toEqual([{ message: 'Ange ett datum.', path: [0, 'to'] }]);
    expect(blockingQuestionIds(noTo)).toEqual(['56']);
  });

  it('rejects a start date earlier than today − 90 days', () => {
    const early = run(definition, withPeriods(period('HELA', -91, 0)));
    expect(errorsWithPaths(early, '56')).toEqual([
      { message: `Ange ett datum som är tidigast ${EARLIEST}.`, path: [0, 'from'] },
    ]);
    expect(addDays(TODAY, -90)).toBe(EARLIEST);
    expectReady(run(definition, withPeriods(period('HELA', -90, 0))));
  });

  it('rejects an end date earlier than today − 90 days', () => {
    const early = run(definition, withPeriods(period('TRE_FJARDEDELAR', -95, -91)));
    expect(errorsWithPaths(early, '56')).toEqual([
      { message: `Ange ett datum som är tidigast ${EARLIEST}.`, path: [0, 'from'] },
      { message: `Ange ett datum som är tidigast ${EARLIEST}.`, path: [0, 'to'] },
    ]);
    expectReady(run(definition, withPeriods(period('TRE_FJARDEDELAR', -90, -90))));
  });

  it('has no upper date limit', () => {
    const future = run(definition, withPeriods(period('HELA', 30, 400)));
    expectReady(future);
    expect(addDays(TODAY, 400) > addYears(TODAY, 1)).toBe(true);
  });

  it('rejects an end before the start, but allows a one-day period', () => {
    const reversed = run(definition, withPeriods(period('HELA', 0, -1)));
    expect(errorsWithPaths(reversed, '56')).toEqual([
      { message: 'Ange ett slutdatum som infaller efter startdatumet.', path: [0, 'to'] },
    ]);
    expectReady(run(definition, withPeriods(period('HELA', 0, 0))));
  });

  it('rejects overlapping periods, a shared day included (noOverlap)', () => {
    expect(definition.crossChecks).toContainEqual(
      expect.objectContaining({ type: 'noOverlap', question: '56' }),
    );
    const overlapping = run(definition, withPeriods(period('HELA', -5, 2), period('HALVA', 0, 5)));
    expect(errorsWithPaths(overlapping, '56')).toEqual([
      { message: 'Ange perioder som inte överlappar varandra.', path: [1, 'from'] },
    ]);
    const sharedDay = run(definition, withPeriods(period('HALVA', 3, 6), period('HELA', -2, 3)));
    expect(errorsWithPaths(sharedDay, '56')).toEqual([
      { message: 'Ange perioder som inte överlappar varandra.', path: [0, 'from'] },
    ]);
    expect(blockingQuestionIds(sharedDay)).toEqual(['56']);
    expectReady(run(definition, withPeriods(period('HELA', -2, 3), period('HALVA', 4, 6))));
  });

  it('allows each share at most once, so at most five periods', () => {
    const twice = run(definition, withPeriods(period('HELA', -2, 0), period('HELA', 2, 4)));
    expect(errorsWithPaths(twice, '56')).toEqual([
      { message: 'Varje alternativ får bara väljas en gång.', path: [1, 'code'] },
    ]);
    expectReady(
      run(
        definition,
        withPeriods(
          period('EN_ATTONDEL', -10, -9),
          period('EN_FJARDEDEL', -8, -7),
          period('HALVA', -6, -5),
          period('TRE_FJARDEDELAR', -4, -3),
          period('HELA', -2, 0),
        ),
      ),
    );
  });

  it('accepts only the KV_FKMU_0008 codes', () => {
    const unknown = run(definition, withPeriods(period('HELT_NEDSATT', 0, 2)));
    expect(errorsWithPaths(unknown, '56')).toEqual([
      { message: 'Välj ett giltigt alternativ.', path: [0, 'code'] },
    ]);
  });
});

describe('FK 7472 policy', () => {
  it('signs and sends, is hidden from the patient, takes only complements, renews without 56', () => {
    expect(definition.policy).toMatchObject({
      signAndSend: true,
      sendAfterComplement: true,
      consentRequired: true,
      availableToPatient: false,
      fkMayAskQuestions: false,
      fkMayRequestComplement: true,
      protectedPersonSignRolesOnly: true,
      replaceAllowed: true,
      revokeAllowed: true,
    });
    expect(definition.policy.renew.allowed).toBe(true);
    expect(definition.policy.renew.notCopied).toContain('56');
    expect(definition.policy.renew.notCopied).not.toContain('55');
  });
});
