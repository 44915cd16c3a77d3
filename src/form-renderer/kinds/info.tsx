import type { QuestionOfKind } from '../../form-engine';

/** A static text from the definition (FK's information to the physician). */
export function InfoText({ question }: { question: QuestionOfKind<'info'> }) {
  const variant = question.level === 'observe' ? 'warning' : 'info';
  return (
    <div
      className={`question question--info message-box message-box--${variant}`}
      data-question-id={question.id}
    >
      <div className="message-box__content">
        {question.label !== undefined && <p className="message-box__heading">{question.label}</p>}
        <p className="question__info-text">{question.text}</p>
      </div>
    </div>
  );
}
