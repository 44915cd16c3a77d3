import { codeListValueSchema } from '../../form-engine';
import type { EditProps, ViewProps } from '../types';
import { Checkbox, OptionLabel } from './choice';
import { useAnswer } from './use-answer';
import { NotAnswered } from './not-answered';

export function CodeCheckboxesEdit({
  question,
  name,
  controlId,
  describedBy,
  disabled,
  invalid,
  disabledOptions,
}: EditProps<'codeCheckboxes'>) {
  const answer = useAnswer(name, codeListValueSchema);
  const selected = answer.value ?? [];
  const horizontal = question.layout === 'columns';
  const toggle = (code: string, checked: boolean) => {
    // Keep the definition's option order, whatever order the boxes are ticked in.
    const next = question.options
      .map((option) => option.code)
      .filter((candidate) => (candidate === code ? checked : selected.includes(candidate)));
    answer.onChange(next.length === 0 ? undefined : next);
  };
  return (
    <div className={`checkbox-group${horizontal ? ' checkbox-group--horizontal' : ''}`}>
      <div className="checkbox-group__content">
        {question.options.map((option) => (
          <Checkbox
            key={option.code}
            id={`${controlId}-${option.code}`}
            label={<OptionLabel option={option} detailsClassName="checkbox__details" />}
            checked={selected.includes(option.code)}
            disabled={
              disabled || (disabledOptions.includes(option.code) && !selected.includes(option.code))
            }
            invalid={invalid}
            describedBy={describedBy}
            onToggle={(checked) => toggle(option.code, checked)}
            onBlur={answer.onBlur}
          />
        ))}
      </div>
    </div>
  );
}

export function CodeCheckboxesView({ question, value }: ViewProps<'codeCheckboxes'>) {
  const parsed = codeListValueSchema.safeParse(value);
  const chosen = parsed.success
    ? question.options.filter((option) => parsed.data.includes(option.code))
    : [];
  if (chosen.length === 0) return <NotAnswered />;
  return (
    <ul className="answer-view answer-view--list">
      {chosen.map((option) => (
        <li key={option.code}>{option.label}</li>
      ))}
    </ul>
  );
}
