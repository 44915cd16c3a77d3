import { describe, expect, it } from 'vitest';
import { addDays, addYears } from '../form-engine';
import { fk7210Answers } from '../../server/seed/certificates/fk7210';
import definitionJson from './fk7210.json';
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

const subject = loadDefinition(definitionJson, fk7210Answers);
const { definition, minimal, complete } = subject;

function withDate(date: string): Record<string, unknown> {
  return { ...minimal, '54': date };
}

describe('FK 7210 definition', () => {
  itParsesAsTheForm(definitionJson, {
    code: 'fk7210',
    formNumber: 'FK 7210',
    name: 'Intyg om graviditet',
    kind: 'intyg',
    version: '1.0',
  });

  it('carries the official texts and FK ids of question 54', () => {
    const category = definition.categories.find((c) => c.id === 'KAT_1');
    expect(category?.title).toBe('Beräknat födelsedatum');
    const question = category?.questions.find((q) => q.id === '54');
    expect(question).toMatchObject({ kind: 'date', label: 'Datum', fkFieldId: '54.1' });
  });

  it('has no errors, messages or notices on the complete set', () => {
    const result = run(definition, complete);
    expect(errorsOf(result, '54')).toEqual([]);
    expect(messagesOf(result, '54')).toEqual([]);
    expect(result.notices).toEqual([]);
    expect(result.confirmations).toEqual([]);
  });
});

describeSharedRules('FK 7210', subject, {
  signRoles: ['physician', 'nurse', 'midwife'],
  fiveDigitPostcode: false,
});

describe('FK 7210 rules', () => {
  it('54 is required: "Ange ett datum."', () => {
    const missing = run(definition, without(minimal, '54'));
    expect(errorsOf(missing, '54')).toEqual(['Ange ett datum.']);
    expect(missing.questions['54']?.required).toBe(true);
    expect(missing.categories['KAT_1']?.missing).toEqual(['54']);
    expect(errorsOf(run(definition, withDate('  ')), '54')).toEqual(['Ange ett datum.']);
    expect(errorsOf(run(definition, minimal), '54')).toEqual([]);
  });

  it('54 may not be before today (minDate = today)', () => {
    const yesterday = run(definition, withDate(addDays(TODAY, -1)));
    expect(errorsOf(yesterday, '54')).toEqual(['Ange ett datum som är tidigast 2026-03-16.']);
    expect(blockingQuestionIds(yesterday)).toEqual(['54']);
    expectReady(run(definition, withDate(TODAY)));
  });

  it('54 may not be after today + 1 year (maxDate)', () => {
    const tooLate = run(definition, withDate('2027-03-17'));
    expect(errorsOf(tooLate, '54')).toEqual(['Ange ett datum som är senast 2027-03-16.']);
    expectReady(run(definition, withDate(addYears(TODAY, 1))));
  });

  it('54 must be a date in the format YYYY-MM-DD', () => {
    expect(errorsOf(run(definition, withDate('2026-02-30')), '54')).toEqual([
      'Ange giltigt datum i formatet åååå-mm-dd.',
    ]);
    expect(errorsOf(run(definition, withDate('16/9 2026')), '54')).toEqual([
      'Ange giltigt datum i formatet åååå-mm-dd.',
    ]);
  });

  it('54 is checked against the day of evaluation: a draft whose date has passed becomes invalid', () => {
    const written = withDate(TODAY);
    expectReady(run(definition, written));
    const tomorrow = addDays(TODAY, 1);
    expect(errorsOf(run(definition, written, { today: tomorrow }), '54')).toEqual([
      'Ange ett datum som är tidigast 2026-03-17.',
    ]);
  });

  it('signing does not send; the patient may see and send it; no dialogue with FK; no renewal', () => {
    expect(definition.policy).toMatchObject({
      signAndSend: false,
      sendAfterComplement: false,
      consentRequired: true,
      availableToPatient: true,
      patientMaySend: true,
      fkMayAskQuestions: false,
      fkMayRequestComplement: false,
      protectedPersonSignRolesOnly: true,
      renew: { allowed: false },
      replaceAllowed: true,
      revokeAllowed: true,
    });
  });
});
