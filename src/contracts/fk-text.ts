import type { z } from 'zod';
import { fkTextProblem } from '../form-engine/fk-text';

/**
 * A text of a request that Försäkringskassan receives (a question, an answer, a "Kan ej
 * komplettera" comment, a revocation's message): refused, naming the characters, when it holds
 * any outside the set FK can receive (the set and why: src/form-engine/fk-text.ts). A
 * certificate's answers are checked by the form engine and the backend's save and sign.
 */
export function fkText<T extends z.ZodType<string>>(schema: T): T {
  return schema.superRefine((text, context) => {
    const problem = fkTextProblem(text);
    if (problem !== undefined) context.addIssue({ code: 'custom', message: problem });
  });
}
