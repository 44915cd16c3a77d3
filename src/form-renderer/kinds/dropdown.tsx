import { codeValueSchema } from '../../form-engine';
import type { EditProps, ViewProps } from '../types';
import { useAnswer } from './use-answer';
import { NotAnswered } from './not-answered';

export function DropdownEdit({
  question,
  name,
  controlId,
  describedBy,
  required,
  disabled,
  invalid,
}: EditProps<'dropdown'>) {
  const answer = useAnswer(name, codeValueSchema);
  return (
    <div className={`select-field${invalid ? ' select-field--error' : ''}`}>
      <select
        id={controlId}
        className="select-field__select"
        value={answer.value ?? ''}
        disabled={disabled}
        required={required}
        aria-invalid={invalid ? true : undefined}
        aria-describedby={describedBy}
        onChange={(event) =>
          answer.onChange(event.target.value === '' ? undefined : event.target.value)
        }
        onBlur={answer.onBlur}
      >
        <option value="">{question.placeholder ?? 'Välj'}</option>
        {question.options.map((option) => (
          <option key={option.code} value={option.code}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}

export function DropdownView({ question, value }: ViewProps<'dropdown'>) {
  const parsed = codeValueSchema.safeParse(value);
  const option = parsed.success
    ? question.options.find((candidate) => candidate.code === parsed.data)
    : undefined;
  if (option === undefined) return <NotAnswered />;
  return <p className="answer-view">{option.label}</p>;
}
