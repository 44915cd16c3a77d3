import { useId } from 'react';
import {
  isAnswerQuestion,
  type AnswerQuestion,
  type Answers,
  type CertificateDefinition,
} from '../../../form-engine';
import { MessageBox } from '../../../components/ui/message-box';
import { AnswerView } from '../../../form-renderer';

type Props = {
  definition: CertificateDefinition;
  changes: Answers;
  onUse: (questionId: string) => void;
  onRemove: (questionId: string) => void;
};

function questionsOf(definition: CertificateDefinition): Map<string, AnswerQuestion> {
  const questions = new Map<string, AnswerQuestion>();
  for (const category of definition.categories) {
    for (const question of category.questions) {
      if (isAnswerQuestion(question)) questions.set(question.id, question);
    }
  }
  return questions;
}

/**
 * What the user typed that was not saved because someone else saved the draft first. It
 * stays here, question by question, until the user puts it into the form or removes it.
 */
export function UnsavedChanges({ definition, changes, onUse, onRemove }: Props) {
  const questions = questionsOf(definition);
  const items = Object.entries(changes).flatMap(([questionId, value]) => {
    const question = questions.get(questionId);
    return question === undefined ? [] : [{ question, value }];
  });
  if (items.length === 0) return null;
  return (
    <section className="unsaved-changes" aria-label="Dina ändringar som inte sparades">
      <MessageBox variant="warning" heading="Dina ändringar som inte sparades">
        <p>
          Utkastet sparades av någon annan, eller i en annan flik, innan dina ändringar hann sparas,
          så de finns inte i den sparade versionen. Här är det du skrev. Välj för varje fråga om du
          vill använda ditt svar i stället för det sparade.
        </p>
        <ul className="unsaved-changes__list">
          {items.map(({ question, value }) => (
            <li key={question.id}>
              <UnsavedAnswer
                question={question}
                value={value}
                onUse={() => onUse(question.id)}
                onRemove={() => onRemove(question.id)}
              />
            </li>
          ))}
        </ul>
      </MessageBox>
    </section>
  );
}

function UnsavedAnswer({
  question,
  value,
  onUse,
  onRemove,
}: {
  question: AnswerQuestion;
  value: unknown;
  onUse: () => void;
  onRemove: () => void;
}) {
  const labelId = useId();
  return (
    <div role="group" aria-labelledby={labelId} className="unsaved-changes__item">
      <h3 id={labelId} className="unsaved-changes__label">
        {question.label}
      </h3>
      <div className="unsaved-changes__answer">
        <AnswerView question={question} value={value} />
      </div>
      <div className="button-group">
        <button type="button" className="button button--secondary" onClick={onUse}>
          Använd mitt svar
        </button>
        <button type="button" className="button button--tertiary" onClick={onRemove}>
          Ta bort mitt svar
        </button>
      </div>
    </div>
  );
}
