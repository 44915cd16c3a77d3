/**
 * fast-check arbitraries for answers of any definition: a mix of valid, incomplete, invalid
 * and wrongly shaped values per question kind, so property tests reach every rule.
 * Test-only (imports fast-check).
 */
import fc from 'fast-check';
import {
  isAnswerQuestion,
  type AnswerQuestion,
  type CertificateDefinition,
  type QuestionOption,
} from '../definition-schema';
import type { Answers } from '../answer-values';
import { addDays, type IsoDate } from '../dates';

function dateArbitrary(today: IsoDate): fc.Arbitrary<string> {
  return fc.oneof(
    {
      weight: 8,
      arbitrary: fc.integer({ min: -200, max: 400 }).map((days) => addDays(today, days)),
    },
    { weight: 2, arbitrary: fc.integer({ min: -10, max: 10 }).map((days) => addDays(today, days)) },
    { weight: 1, arbitrary: fc.constantFrom('', '2025-02-30', 'igår', '1899-12-31', '2100-01-01') },
  );
}

function textArbitrary(maxLength: number | undefined): fc.Arbitrary<string> {
  const tooLong = 'x'.repeat((maxLength ?? 20) + 1);
  return fc.oneof(
    { weight: 6, arbitrary: fc.constantFrom('Text', 'Lite längre text.', 'a') },
    { weight: 2, arbitrary: fc.constantFrom('', '   ') },
    { weight: 1, arbitrary: fc.constant(tooLong) },
  );
}

function codeArbitrary(options: readonly QuestionOption[]): fc.Arbitrary<string> {
  const codes = options.map((option) => option.code);
  return fc.oneof(
    { weight: 8, arbitrary: fc.constantFrom(...codes) },
    { weight: 1, arbitrary: fc.constantFrom('', 'BOGUS') },
  );
}

const malformed = fc.constantFrom<unknown>(42, 'text', { unexpected: true }, [1, 2]);

function validShape(question: AnswerQuestion, today: IsoDate): fc.Arbitrary<unknown> {
  switch (question.kind) {
    case 'textArea':
    case 'textField':
      return textArbitrary(question.maxLength);
    case 'icf':
      return fc.record({ text: textArbitrary(question.maxLength), icfCodes: fc.constant([]) });
    case 'yesNo':
    case 'checkbox':
      return fc.boolean();
    case 'codeRadio':
    case 'dropdown':
      return codeArbitrary(question.options);
    case 'codeCheckboxes':
      return fc.oneof(
        { weight: 6, arbitrary: fc.subarray(question.options.map((option) => option.code)) },
        { weight: 1, arbitrary: fc.array(codeArbitrary(question.options), { maxLength: 3 }) },
      );
    case 'checkboxDates':
      return fc.array(
        fc.record({ code: codeArbitrary(question.options), date: dateArbitrary(today) }),
        { maxLength: 3 },
      );
    case 'date':
      return dateArbitrary(today);
    case 'integer':
      return fc.oneof(
        { weight: 6, arbitrary: fc.integer({ min: question.min, max: question.max }) },
        { weight: 1, arbitrary: fc.constantFrom(question.min - 1, question.max + 1, 2.5) },
      );
    case 'sickLeavePeriods':
    case 'periodsWithShares':
      return fc.array(
        fc.record({
          code: codeArbitrary(question.options),
          from: dateArbitrary(today),
          to: dateArbitrary(today),
        }),
        { maxLength: 3 },
      );
    case 'diagnoses':
      return fc.array(
        fc.record({
          code: fc.constantFrom('', 'M545', 'F32', 'F321', 'J06', 'X', 'A0000000'),
          description: fc.constantFrom('', 'Beskrivning', 'x'.repeat(90)),
        }),
        { maxLength: question.maxRows + 1 },
      );
    case 'investigations':
      return fc.array(
        fc.record({
          type: codeArbitrary(question.options),
          date: dateArbitrary(today),
          source: textArbitrary(question.sourceMaxLength),
        }),
        { maxLength: question.maxRows + 1 },
      );
    case 'careUnitContact':
      return fc.record({
        address: fc.constantFrom('', 'Storgatan 1'),
        postcode: fc.constantFrom('', '111 22', '11122', '1234'),
        city: fc.constantFrom('', 'Stockholm'),
        phone: fc.constantFrom('', '08-123 45 67'),
      });
  }
}

/** A value for one question: usually well-shaped, sometimes missing or malformed. */
export function arbitraryAnswerValue(
  question: AnswerQuestion,
  today: IsoDate,
): fc.Arbitrary<unknown> {
  return fc.oneof(
    { weight: 12, arbitrary: validShape(question, today) },
    { weight: 3, arbitrary: fc.constant(undefined) },
    { weight: 1, arbitrary: fc.constant(null) },
    { weight: 1, arbitrary: malformed },
  );
}

/** Random answers for every answer question of a definition (plus, sometimes, a stray key). */
export function arbitraryAnswers(
  definition: CertificateDefinition,
  today: IsoDate,
): fc.Arbitrary<Answers> {
  const questions = definition.categories
    .flatMap((category) => category.questions)
    .filter(isAnswerQuestion);
  return fc
    .tuple(
      fc.tuple(...questions.map((question) => arbitraryAnswerValue(question, today))),
      fc.option(fc.constant('stray'), { nil: undefined }),
    )
    .map(([values, stray]) => {
      const answers: Answers = {};
      questions.forEach((question, index) => {
        const value = values[index];
        if (value !== undefined) answers[question.id] = value;
      });
      if (stray !== undefined) answers.strayKey = stray;
      return answers;
    });
}

/**
 * Answers close to `base`: up to `maxChanges` questions get a random value (or lose theirs).
 * Starting from a complete answer set this reaches "ready to sign" and near misses often.
 */
export function arbitraryAnswersNear(
  definition: CertificateDefinition,
  base: Answers,
  today: IsoDate,
  maxChanges = 3,
): fc.Arbitrary<Answers> {
  const questions = definition.categories
    .flatMap((category) => category.questions)
    .filter(isAnswerQuestion);
  const change = fc.integer({ min: 0, max: questions.length - 1 }).chain((index) => {
    const question = questions[index];
    if (!question) return fc.constant(null);
    return arbitraryAnswerValue(question, today).map((value) => ({ id: question.id, value }));
  });
  return fc.array(change, { maxLength: maxChanges }).map((changes) => {
    const answers = new Map(Object.entries(base));
    for (const entry of changes) {
      if (!entry) continue;
      if (entry.value === undefined) answers.delete(entry.id);
      else answers.set(entry.id, entry.value);
    }
    const result: Answers = Object.fromEntries(answers);
    return result;
  });
}
