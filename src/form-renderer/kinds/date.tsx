import { applyOffset, dateValueSchema, isIsoDate } from '../../form-engine';
import type { EditProps, ViewProps } from '../types';
import { joinIds } from './aria';
import { DateInput, dateInputHint } from './date-input';
import { useAnswer } from './use-answer';
import { NotAnswered } from './not-answered';

export function DateEdit({
  question,
  name,
  controlId,
  describedBy,
  required,
  disabled,
  invalid,
  context,
}: EditProps<'date'>) {
  const answer = useAnswer(name, dateValueSchema);
  const hintId = `${controlId}-hint`;
  return (
    <div className={`text-field date-field${invalid ? ' text-field--error' : ''}`}>
      <p id={hintId} className="date-field__hint">
        {dateInputHint}
      </p>
      <div className="text-field__input-wrapper">
        <DateInput
          id={controlId}
          value={answer.value}
          onChange={answer.onChange}
          onBlur={answer.onBlur}
          today={context.today}
          disabled={disabled}
          required={required}
          invalid={invalid}
          describedBy={joinIds(describedBy, hintId)}
          label={question.label}
          min={question.minDate ? applyOffset(context.today, question.minDate) : undefined}
          max={question.maxDate ? applyOffset(context.today, question.maxDate) : undefined}
        />
      </div>
    </div>
  );
}

export function DateView({ value }: ViewProps<'date'>) {
  const parsed = dateValueSchema.safeParse(value);
  if (!parsed.success || !isIsoDate(parsed.data)) return <NotAnswered />;
  return <p className="answer-view">{parsed.data}</p>;
}
