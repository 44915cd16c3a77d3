import { icfValueSchema } from '../../form-engine';
import type { EditProps, ViewProps } from '../types';
import { TextCounter, describedByWith } from './text';
import { useAnswer } from './use-answer';
import { NotAnswered } from './not-answered';

/**
 * An ICF-supported text: the text itself, plus the ICF codes the physician based it on
 * (kept when present; choosing codes from the ICF classification is not offered here).
 */
export function IcfEdit(props: EditProps<'icf'>) {
  const answer = useAnswer(props.name, icfValueSchema);
  const text = answer.value?.text ?? '';
  const codes = answer.value?.icfCodes ?? [];
  const { maxLength } = props.question;
  const counterId = maxLength !== undefined ? `${props.controlId}-counter` : undefined;
  return (
    <div className={`textarea-field${props.invalid ? ' textarea-field--error' : ''}`}>
      {codes.length > 0 && <p className="icf-codes">ICF-kategorier: {codes.join(', ')}</p>}
      <textarea
        id={props.controlId}
        className="textarea-field__textarea textarea-field__resize--vertical"
        rows={4}
        value={text}
        placeholder={props.question.placeholder}
        disabled={props.disabled}
        required={props.required}
        aria-invalid={props.invalid ? true : undefined}
        aria-describedby={describedByWith(props.describedBy, counterId)}
        onChange={(event) => {
          const next = event.target.value;
          answer.onChange(
            next === '' && codes.length === 0 ? undefined : { ...answer.value, text: next },
          );
        }}
        onBlur={answer.onBlur}
      />
      {counterId !== undefined && maxLength !== undefined && (
        <TextCounter id={counterId} length={text.length} max={maxLength} />
      )}
    </div>
  );
}

export function IcfView({ value }: ViewProps<'icf'>) {
  const parsed = icfValueSchema.safeParse(value);
  if (!parsed.success || parsed.data.text.trim() === '') return <NotAnswered />;
  return (
    <div className="answer-view">
      {parsed.data.icfCodes !== undefined && parsed.data.icfCodes.length > 0 && (
        <p className="icf-codes">ICF-kategorier: {parsed.data.icfCodes.join(', ')}</p>
      )}
      <p className="answer-view--text">{parsed.data.text}</p>
    </div>
  );
}
