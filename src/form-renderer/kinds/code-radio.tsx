import { codeValueSchema } from '../../form-engine';
import type { EditProps, ViewProps } from '../types';
import { Radio } from './choice';
import { useAnswer } from './use-answer';
import { NotAnswered } from './not-answered';

export function CodeRadioEdit({
  question,
  name,
  controlId,
  describedBy,
  required,
  disabled,
}: EditProps<'codeRadio'>) {
  const answer = useAnswer(name, codeValueSchema);
  const horizontal = question.layout === 'columns';
  return (
    <div className={`radio-button-group${horizontal ? ' radio-button-group--horizontal' : ''}`}>
      <div className="radio-button-group__content">
        {question.options.map((option) => (
          <Radio
            key={option.code}
            id={`${controlId}-${option.code}`}
            name={`${name}-radio`}
            label={
              <>
                {option.label}
                {option.description !== undefined && (
                  <span className="radio-button__details">{option.description}</span>
                )}
              </>
            }
            checked={answer.value === option.code}
            disabled={disabled}
            required={required}
            describedBy={describedBy}
            onSelect={() => answer.onChange(option.code)}
            onBlur={answer.onBlur}
          />
        ))}
      </div>
    </div>
  );
}

export function CodeRadioView({ question, value }: ViewProps<'codeRadio'>) {
  const parsed = codeValueSchema.safeParse(value);
  const option = parsed.success
    ? question.options.find((candidate) => candidate.code === parsed.data)
    : undefined;
  if (option === undefined) return <NotAnswered />;
  return <p className="answer-view">{option.label}</p>;
}
