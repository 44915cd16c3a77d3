/**
 * The zod schema react-hook-form (zodResolver) and the backend validate answers with.
 *
 * It is a thin wrapper around `evaluate`: every missing/invalid blocker becomes one issue with
 * `path: [questionId, ...relativePath]`. So the schema and `evaluate` apply the same rules by
 * construction (hidden questions skipped, requiredIf enforced, cross-checks included).
 * Consent is not an answer and is not part of the schema.
 */
import { z } from 'zod';
import type { CertificateDefinition } from './definition-schema';
import type { Answers } from './answer-values';
import { evaluate, type EvaluationContext } from './evaluate';

export type ContextSource = EvaluationContext | (() => EvaluationContext);

/**
 * Builds the answer schema once per definition. Pass a function as `context` when the role,
 * today or the patient can change while the form is open; it is read on every validation.
 */
export function buildAnswerSchema(
  definition: CertificateDefinition,
  context: ContextSource,
): z.ZodType<Answers, Answers> {
  const answersSchema: z.ZodType<Answers, Answers> = z.record(z.string(), z.unknown());
  return answersSchema.superRefine((answers, ctx) => {
    const current = typeof context === 'function' ? context() : context;
    const { blockers } = evaluate(definition, answers, current).readiness;
    for (const blocker of blockers) {
      if (blocker.kind === 'consent' || blocker.questionId === undefined) continue;
      ctx.addIssue({
        code: 'custom',
        path: [blocker.questionId, ...blocker.path],
        message: blocker.message,
      });
    }
  });
}
