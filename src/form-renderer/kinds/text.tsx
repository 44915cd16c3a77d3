import { textValueSchema } from '../../form-engine';
import type { EditProps, ViewProps } from '../types';
import { useAnswer } from './use-answer';
import { NotAnswered } from './not-answered';

type TextQuestion = EditProps<'textArea'>['question'] | EditProps<'textField'>['question'];

/** "N av M tecken", announced only when the limit is near. */
function Counter({ id, length, max }: { id: string; length: number; max: number }) {
  const left = max - length;
  return (
    <p id={id} className={`text-counter${left < 0 ? ' text-counter--over' : ''}`}>
      <span aria-hidden="true">
        {length} av {max} tecken
      </span>
      <span className="sr-only" aria-live="polite">
        {left <= Math.max(10, Math.round(max * 0.05))
          ? `${Math.max(left, 0)} tecken kvar av ${max}`
          : ''}
      </span>
    </p>
  );
}

function describedByWith(
  describedBy: string | undefined,
  extra: string | undefined,
): string | undefined {
  return [describedBy, extra].filter((id) => id !== undefined).join(' ') || undefined;
}

function useText(props: EditProps<'textArea'> | EditProps<'textField'>) {
  const answer = useAnswer(props.name, textValueSchema);
  const text = answer.value ?? '';
  const question: TextQuestion = props.question;
  const counterId = question.maxLength !== undefined ? `${props.controlId}-counter` : undefined;
  return { answer, text, counterId, maxLength: question.maxLength };
}

export function TextAreaEdit(props: EditProps<'textArea'>) {
  const { answer, text, counterId, maxLength } = useText(props);
  return (
    <div className={`textarea-field${props.invalid ? ' textarea-field--error' : ''}`}>
      <textarea
        id={props.controlId}
        name={props.name}
        className="textarea-field__textarea textarea-field__resize--vertical"
        rows={4}
        value={text}
        placeholder={props.question.placeholder}
        disabled={props.disabled}
        required={props.required}
        aria-invalid={props.invalid ? true : undefined}
        aria-describedby={describedByWith(props.describedBy, counterId)}
        onChange={(event) =>
          answer.onChange(event.target.value === '' ? undefined : event.target.value)
        }
        onBlur={answer.onBlur}
      />
      {counterId !== undefined && maxLength !== undefined && (
        <Counter id={counterId} length={text.length} max={maxLength} />
      )}
    </div>
  );
}

export function TextFieldEdit(props: EditProps<'textField'>) {
  const { answer, text, counterId, maxLength } = useText(props);
  return (
    <div className={`text-field${props.invalid ? ' text-field--error' : ''}`}>
      <div className="text-field__input-wrapper">
        <input
          id={props.controlId}
          name={props.name}
          type="text"
          className="text-field__input"
          value={text}
          placeholder={props.question.placeholder}
          disabled={props.disabled}
          required={props.required}
          aria-invalid={props.invalid ? true : undefined}
          aria-describedby={describedByWith(props.describedBy, counterId)}
          onChange={(event) =>
            answer.onChange(event.target.value === '' ? undefined : event.target.value)
          }
          onBlur={answer.onBlur}
        />
      </div>
      {counterId !== undefined && maxLength !== undefined && (
        <Counter id={counterId} length={text.length} max={maxLength} />
      )}
    </div>
  );
}

function TextView({ value }: { value: unknown }) {
  const parsed = textValueSchema.safeParse(value);
  if (!parsed.success || parsed.data.trim() === '') return <NotAnswered />;
  return <p className="answer-view answer-view--text">{parsed.data}</p>;
}

export function TextAreaView({ value }: ViewProps<'textArea'>) {
  return <TextView value={value} />;
}

export function TextFieldView({ value }: ViewProps<'textField'>) {
  return <TextView value={value} />;
}

export { Counter as TextCounter, describedByWith };
