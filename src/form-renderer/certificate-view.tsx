import { useMemo } from 'react';
import {
  evaluate,
  isAnswerQuestion,
  type Answers,
  type CertificateDefinition,
  type EvaluationContext,
} from '../form-engine';
import { bindKind } from './bind-kind';

type Props = { definition: CertificateDefinition; answers: Answers; context: EvaluationContext };

/** A certificate read-only, as signed and printed: every visible question with its answer. */
export function CertificateView({ definition, answers, context }: Props) {
  const evaluation = useMemo(
    () => evaluate(definition, answers, context),
    [definition, answers, context],
  );
  return (
    <article
      className="certificate-view"
      aria-label={`${definition.formNumber} ${definition.name}`}
    >
      {definition.categories
        .filter((category) => evaluation.categories[category.id]?.visible === true)
        .map((category) => (
          <section key={category.id} className="certificate-view__category">
            <h2 className="category__title">{category.title}</h2>
            <dl className="certificate-view__answers">
              {category.questions
                .filter(
                  (question) =>
                    isAnswerQuestion(question) &&
                    evaluation.questions[question.id]?.visible === true,
                )
                .map((question) =>
                  isAnswerQuestion(question) ? (
                    <div key={question.id} className="certificate-view__item">
                      <dt>{question.label}</dt>
                      <dd>{bindKind(question).view(answers[question.id])}</dd>
                    </div>
                  ) : null,
                )}
            </dl>
          </section>
        ))}
    </article>
  );
}
