import type { QuestionOfKind } from '../../form-engine';
import { TextBlocks } from '../text-blocks';

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
        <TextBlocks className="question__info-text" text={question.text} />
      </div>
    </div>
  );
}
