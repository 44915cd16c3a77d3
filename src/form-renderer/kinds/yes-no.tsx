import { booleanValueSchema } from '../../form-engine';
import type { EditProps, ViewProps } from '../types';
import { Radio } from './choice';
import { useAnswer } from './use-answer';
import { NotAnswered } from './not-answered';

function labels(question: EditProps<'yesNo'>['question']) {
  return { yes: question.trueLabel ?? 'Ja', no: question.falseLabel ?? 'Nej' };
}

export function YesNoEdit({
  question,
  name,
  controlId,
  describedBy,
  required,
  disabled,
}: EditProps<'yesNo'>) {
  const answer = useAnswer(name, booleanValueSchema);
  const { yes, no } = labels(question);
  return (
    <div className="radio-button-group radio-button-group--horizontal">
      <div className="radio-button-group__content">
        {([true, false] as const).map((option) => (
          <Radio
            key={String(option)}
            id={`${controlId}-${option ? 'ja' : 'nej'}`}
            name={`${name}-yesno`}
            label={option ? yes : no}
            checked={answer.value === option}
            disabled={disabled}
            required={required}
            describedBy={describedBy}
            onSelect={() => answer.onChange(option)}
            onBlur={answer.onBlur}
          />
        ))}
      </div>
    </div>
  );
}

export function YesNoView({ question, value }: ViewProps<'yesNo'>) {
  const parsed = booleanValueSchema.safeParse(value);
  if (!parsed.success) return <NotAnswered />;
  const { yes, no } = labels(question);
  return <p className="answer-view">{parsed.data ? yes : no}</p>;
}
