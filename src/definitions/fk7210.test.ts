import { describe, expect, it } from 'vitest';
import { addDays, addYears, parseDefinition, READINESS_MESSAGES, type Role } from '../form-engine';
import { fk7210Answers } from '../../mocks/builders/certificates/fk7210';
import definitionJson from './fk7210.json';
import {
  TODAY,
  blockingQuestionIds,
  errorsOf,
  expectReady,
  messagesOf,
  run,
  without,
} from './definition-test-kit';

const definition = parseDefinition(definitionJson);
const minimal = fk7210Answers.minimal(TODAY);
const complete = fk7210Answers.complete(TODAY);

function withDate(date: string): Record<string, unknown> {
  return { ...minimal, '54': date };
}

describe('FK 7210 definition', () => {
  it('parses against the meta-schema with the spec identity', () => {
    expect(definition.code).toBe('fk7210');
    expect(definition.formNumber).toBe('FK 7210');
    expect(definition.name).toBe('Intyg om graviditet');
    expect(definition.kind).toBe('intyg');
    expect(definition.version).toBe('1.0');
  });

  it('carries the official texts and FK ids of question 54', () => {
    const category = definition.categories.find((c) => c.id === 'KAT_1');
    expect(category?.title).toBe('Beräknat födelsedatum');
    const question = category?.questions.find((q) => q.id === '54');
    expect(question).toMatchObject({ kind: 'date', label: 'Datum', fkFieldId: '54.1' });
  });

  it.each([TODAY, '2028-02-29', '2026-12-31'])(
    'accepts the complete and minimal answer sets at %s',
    (today) => {
      expectReady(run(definition, fk7210Answers.complete(today), { today }));
      expectReady(run(definition, fk7210Answers.minimal(today), { today }));
    },
  );

  it('has no errors, messages or notices on the complete set', () => {
    const result = run(definition, complete);
    expect(errorsOf(result, '54')).toEqual([]);
    expect(messagesOf(result, '54')).toEqual([]);
    expect(result.notices).toEqual([]);
    expect(result.confirmations).toEqual([]);
  });

  it.each(Object.keys(minimal))('blocks signing and lists %s when it is removed', (id) => {
    const result = run(definition, without(minimal, id));
    expect(result.readiness.readyToSign).toBe(false);
    expect(blockingQuestionIds(result)).toContain(id);
  });
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

  it('the care unit address is required, each field with its own message', () => {
    const blank = run(definition, {
      ...minimal,
      UNIT_CONTACT_INFORMATION: { address: '', postcode: ' ', city: '', phone: '' },
    });
    expect(errorsOf(blank, 'UNIT_CONTACT_INFORMATION')).toEqual([
      'Ange postadress.',
      'Ange postnummer.',
      'Ange postort.',
      'Ange telefonnummer.',
    ]);
    const onlyPhoneMissing = run(definition, {
      ...minimal,
      UNIT_CONTACT_INFORMATION: {
        address: 'Sjöviksbacken 14',
        postcode: '117 43',
        city: 'Stockholm',
        phone: '',
      },
    });
    expect(errorsOf(onlyPhoneMissing, 'UNIT_CONTACT_INFORMATION')).toEqual(['Ange telefonnummer.']);
    expect(errorsOf(run(definition, minimal), 'UNIT_CONTACT_INFORMATION')).toEqual([]);
  });

  it("requires the patient's consent to electronic transfer before signing", () => {
    const result = run(definition, complete, { consentRecorded: false });
    expect(result.readiness.readyToSign).toBe(false);
    expect(result.readiness.blockers).toEqual([
      { kind: 'consent', message: READINESS_MESSAGES.consentMissing, path: [] },
    ]);
    expectReady(run(definition, complete, { consentRecorded: true }));
  });

  it.each<[Role, boolean]>([
    ['physician', true],
    ['nurse', true],
    ['midwife', true],
    ['care-admin', false],
  ])('role %s may draft, and may sign: %s', (role, maySign) => {
    const result = run(definition, complete, { role });
    expect(result.roleMayDraft).toBe(true);
    expect(result.roleMaySign).toBe(maySign);
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
