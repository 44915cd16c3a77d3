import { useId } from 'react';
import type { EvaluationResult } from '../form-engine';
import { focusField } from './dom-ids';
import { TextBlocks } from './text-blocks';

/** One question Försäkringskassan asks to have complemented, with its instruction. */
export interface FieldRequest {
  questionId: string;
  questionLabel: string;
  instruction: string;
}

type Props = {
  requests: readonly FieldRequest[];
  /** The form instance's id prefix, so a link focuses the field of its own form. */
  idPrefix: string;
  questions: EvaluationResult['questions'];
};

/**
 * The questions FK's complement request names, in the form's order of the request, each a
 * link that moves focus to the question (where FK's instruction stands beside it).
 */
export function ComplementRequests({ requests, idPrefix, questions }: Props) {
  const headingId = useId();
  if (requests.length === 0) return null;
  return (
    <section className="complement-requests" aria-labelledby={headingId}>
      <h2 id={headingId} className="complement-requests__heading">
        Försäkringskassan begär komplettering
      </h2>
      <p>
        Komplettera de frågor som Försäkringskassan har angett. Deras instruktion står vid varje
        fråga, som är markerad i formuläret.
      </p>
      <ul className="complement-requests__list">
        {requests.map((request, index) => (
          <li key={`${request.questionId}-${String(index)}`}>
            {questions[request.questionId]?.visible === true ? (
              <a
                href={`#${request.questionId}`}
                className="complement-requests__link"
                onClick={(event) => {
                  event.preventDefault();
                  focusField(idPrefix, request.questionId);
                }}
              >
                {request.questionLabel}
              </a>
            ) : (
              <span>{request.questionLabel} (visas inte med de svar som är ifyllda nu)</span>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}

/** FK's instructions beside a question it asks to have complemented. */
export function QuestionRequests({
  id,
  instructions,
}: {
  id: string;
  instructions: readonly string[];
}) {
  return (
    <div className="question__request" id={id}>
      <p className="question__request-title">Försäkringskassan begär komplettering:</p>
      {instructions.map((instruction, index) => (
        <TextBlocks key={String(index)} text={instruction} />
      ))}
    </div>
  );
}
