import { codeValueSchema } from '../../form-engine';
import type { EditProps, ViewProps } from '../types';
import { controlAttributes } from './aria';
import { ChosenOptionView, OptionItems } from './choice';
import { useAnswer } from './use-answer';

export function DropdownEdit(props: EditProps<'dropdown'>) {
  const answer = useAnswer(props.name, codeValueSchema);
  return (
    <div className={`select-field${props.invalid ? ' select-field--error' : ''}`}>
      <select
        {...controlAttributes(props)}
        className="select-field__select"
        value={answer.value ?? ''}
        onChange={(event) =>
          answer.onChange(event.target.value === '' ? undefined : event.target.value)
        }
        onBlur={answer.onBlur}
      >
        <OptionItems
          placeholder={props.question.placeholder ?? 'Välj'}
          options={props.question.options}
        />
      </select>
    </div>
  );
}

export function DropdownView({ question, value }: ViewProps<'dropdown'>) {
  return <ChosenOptionView options={question.options} value={value} />;
}
