import { expect } from 'vitest';
import {
  evaluate,
  type Answers,
  type CertificateDefinition,
  type EvaluationContext,
  type EvaluationResult,
} from '../form-engine';

/**
 * Shared helpers for the definitions' rule tests. Every rule is tested at this fixed date.
 */
export const TODAY = '2026-03-16';

export function context(overrides: Partial<EvaluationContext> = {}): EvaluationContext {
  return { today: TODAY, role: 'physician', consentRecorded: true, ...overrides };
}

export function run(
  definition: CertificateDefinition,
  answers: Answers,
  overrides: Partial<EvaluationContext> = {},
): EvaluationResult {
  return evaluate(definition, answers, context(overrides));
}

export function without(answers: Answers, ...ids: string[]): Answers {
  return Object.fromEntries(Object.entries(answers).filter(([id]) => !ids.includes(id)));
}

/** The ids of the questions that block signing. */
export function blockingQuestionIds(result: EvaluationResult): string[] {
  return result.readiness.blockers.flatMap((blocker) =>
    blocker.questionId === undefined ? [] : [blocker.questionId],
  );
}

export function expectReady(result: EvaluationResult): void {
  expect(result.readiness.blockers).toEqual([]);
  expect(result.readiness.readyToSign).toBe(true);
}

/** The error messages shown on one question. */
export function errorsOf(result: EvaluationResult, questionId: string): string[] {
  const state = result.questions[questionId];
  if (state === undefined) throw new Error(`no question ${questionId}`);
  return state.errors.map((error) => error.message);
}

export function messagesOf(result: EvaluationResult, questionId: string): string[] {
  const state = result.questions[questionId];
  if (state === undefined) throw new Error(`no question ${questionId}`);
  return state.messages.map((message) => message.text);
}
