import { booleanValueSchema } from '../../form-engine';
import type { EditProps, ViewProps } from '../types';
import { Checkbox } from './choice';
import { useAnswer } from './use-answer';
import { NotAnswered } from './not-answered';

/** A single box, answered only when ticked. */
export function CheckboxEdit({
  question,
  name,
  controlId,
  describedBy,
  disabled,
  invalid,
}: EditProps<'checkbox'>) {
  const answer = useAnswer(name, booleanValueSchema);
  return (
    <Checkbox
      id={`${controlId}-box`}
      label={question.checkboxLabel}
      checked={answer.value === true}
      disabled={disabled}
      invalid={invalid}
      describedBy={describedBy}
      onToggle={(checked) => answer.onChange(checked ? true : undefined)}
      onBlur={answer.onBlur}
    />
  );
}

export function CheckboxView({ question, value }: ViewProps<'checkbox'>) {
  const parsed = booleanValueSchema.safeParse(value);
  if (!parsed.success || !parsed.data)
    return <NotAnswered text={question.uncheckedLabel ?? 'Ej angivet'} />;
  return <p className="answer-view">{question.checkboxLabel}</p>;
}
