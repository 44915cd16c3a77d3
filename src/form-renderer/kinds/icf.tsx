import { icfValueSchema } from '../../form-engine';
import type { EditProps, ViewProps } from '../types';
import { TextBox } from './text-box';
import { useAnswer } from './use-answer';
import { NotAnswered } from './not-answered';

/**
 * An ICF-supported text: the text itself, plus the ICF codes the physician based it on
 * (kept when present; choosing codes from the ICF classification is not offered here).
 */
export function IcfEdit(props: EditProps<'icf'>) {
  const answer = useAnswer(props.name, icfValueSchema);
  const codes = answer.value?.icfCodes ?? [];
  return (
    <TextBox
      field={props}
      multiline
      value={answer.value?.text ?? ''}
      placeholder={props.question.placeholder}
      maxLength={props.question.maxLength}
      onChange={(next) =>
        answer.onChange(
          next === '' && codes.length === 0 ? undefined : { ...answer.value, text: next },
        )
      }
      onBlur={answer.onBlur}
    >
      {codes.length > 0 && <p className="icf-codes">ICF-kategorier: {codes.join(', ')}</p>}
    </TextBox>
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
