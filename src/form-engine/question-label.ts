import type { CertificateDefinition } from './definition-schema';

const MAX_LABEL = 70;

/**
 * A question's label, shortened, for naming it in a list or a message (the readiness panel, a
 * refusal): the form shows it whole. The id when the definition has no such question.
 */
export function shortQuestionLabel(
  definition: CertificateDefinition,
  questionId: string | undefined,
): string {
  for (const category of definition.categories) {
    for (const question of category.questions) {
      if (question.id !== questionId) continue;
      const label = question.label ?? question.id;
      return label.length > MAX_LABEL ? `${label.slice(0, MAX_LABEL - 10).trimEnd()}…` : label;
    }
  }
  return questionId ?? '';
}
