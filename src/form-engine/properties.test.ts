import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  evaluate,
  evaluateQuestion,
  getRuleDependencies,
  pruneHidden,
  type EvaluationContext,
} from './evaluate';
import { buildAnswerSchema } from './answer-schema';
import { roleSchema } from './definition-schema';
import type { Answers } from './answer-values';
import { addDays } from './dates';
import { arbitraryAnswers, arbitraryAnswersNear } from './testing/arbitraries';
import { SAMPLE_TODAY, completeSampleAnswers, sampleDefinition } from './testing/sample-definition';

const questionIds = sampleDefinition.categories.flatMap((category) =>
  category.questions.map((q) => q.id),
);

const contextArbitrary: fc.Arbitrary<EvaluationContext> = fc.record({
  today: fc.constant(SAMPLE_TODAY),
  role: fc.constantFrom(...roleSchema.options),
  consentRecorded: fc.boolean(),
  patient: fc.option(
    fc.record({
      birthDate: fc.integer({ min: 0, max: 30_000 }).map((days) => addDays(SAMPLE_TODAY, -days)),
    }),
    { nil: undefined },
  ),
  isKnownDiagnosisCode: fc.option(
    fc.constant((code: string) => code !== 'J06'),
    { nil: undefined },
  ),
});

// Fully random answers plus answers a few edits away from a complete set, so both
// "ready" and "not ready" outcomes are common.
const answersArbitrary = fc.oneof(
  arbitraryAnswers(sampleDefinition, SAMPLE_TODAY),
  arbitraryAnswersNear(sampleDefinition, completeSampleAnswers, SAMPLE_TODAY),
);
const runs = { numRuns: 400 };

describe('engine properties', () => {
  it('a hidden question is never required nor reported missing or invalid', () => {
    fc.assert(
      fc.property(answersArbitrary, contextArbitrary, (answers, context) => {
        const result = evaluate(sampleDefinition, answers, context);
        for (const id of questionIds) {
          const state = result.questions[id];
          if (!state || state.visible) continue;
          expect(state.required).toBe(false);
          expect(state.errors).toEqual([]);
          expect(result.readiness.blockers.some((blocker) => blocker.questionId === id)).toBe(
            false,
          );
          expect(result.categories[state.categoryId]?.missing.includes(id)).toBe(false);
        }
      }),
      runs,
    );
  });

  it('pruneHidden is idempotent and does not change the evaluation', () => {
    fc.assert(
      fc.property(answersArbitrary, contextArbitrary, (answers, context) => {
        const once = pruneHidden(sampleDefinition, answers, context);
        expect(pruneHidden(sampleDefinition, once, context)).toEqual(once);
        const before = evaluate(sampleDefinition, answers, context);
        const after = evaluate(sampleDefinition, once, context);
        expect(after.readiness).toEqual(before.readiness);
        for (const id of questionIds) {
          expect(after.questions[id]?.visible).toBe(before.questions[id]?.visible);
          expect(after.questions[id]?.required).toBe(before.questions[id]?.required);
          if (!before.questions[id]?.visible) expect(Object.hasOwn(once, id)).toBe(false);
        }
      }),
      runs,
    );
  });

  it('readyToSign is true exactly when there are no blockers', () => {
    fc.assert(
      fc.property(answersArbitrary, contextArbitrary, (answers, context) => {
        const { readiness } = evaluate(sampleDefinition, answers, context);
        expect(readiness.readyToSign).toBe(readiness.blockers.length === 0);
        const consentBlockers = readiness.blockers.filter((blocker) => blocker.kind === 'consent');
        expect(consentBlockers.length).toBe(context.consentRecorded ? 0 : 1);
      }),
      runs,
    );
  });

  it('the zod schema succeeds exactly when evaluate finds no missing/invalid blockers', () => {
    fc.assert(
      fc.property(answersArbitrary, contextArbitrary, (answers, context) => {
        const schema = buildAnswerSchema(sampleDefinition, context);
        const parsed = schema.safeParse(answers);
        const blockers = evaluate(sampleDefinition, answers, context).readiness.blockers.filter(
          (blocker) => blocker.kind !== 'consent',
        );
        expect(parsed.success).toBe(blockers.length === 0);
        const issuePaths = parsed.success
          ? []
          : parsed.error.issues.map((issue) => issue.path.join('.'));
        expect(issuePaths).toEqual(
          blockers.map((blocker) => [blocker.questionId, ...blocker.path].join('.')),
        );
      }),
      runs,
    );
  });

  it('a question’s state depends only on the answers getRuleDependencies lists', () => {
    fc.assert(
      fc.property(answersArbitrary, contextArbitrary, (answers, context) => {
        const full = evaluate(sampleDefinition, answers, context);
        for (const id of questionIds) {
          const subset: Answers = {};
          for (const dependency of getRuleDependencies(sampleDefinition, id)) {
            if (Object.hasOwn(answers, dependency)) subset[dependency] = answers[dependency];
          }
          expect(evaluateQuestion(sampleDefinition, id, subset, context)).toEqual(
            full.questions[id],
          );
        }
      }),
      { numRuns: 200 },
    );
  });
});
