import { useState } from 'react';
import { integerValueSchema } from '../../form-engine';
import type { EditProps, ViewProps } from '../types';
import { controlAttributes } from './aria';
import { useAnswer } from './use-answer';
import { NotAnswered } from './not-answered';

/**
 * A whole number within the question's range. What cannot be read as a number is kept as
 * typed on screen and stored as NaN, so the question reports it instead of losing it.
 */
export function IntegerEdit(props: EditProps<'integer'>) {
  const { question } = props;
  const answer = useAnswer(props.name, integerValueSchema);
  const [draft, setDraft] = useState<string | null>(null);
  const stored = answer.value;
  const shown = draft ?? (stored === undefined || Number.isNaN(stored) ? '' : String(stored));
  const unitId = question.unit !== undefined ? `${props.controlId}-unit` : undefined;
  return (
    <div className={`text-field integer-field${props.invalid ? ' text-field--error' : ''}`}>
      <div className="text-field__input-wrapper integer-field__row">
        <input
          {...controlAttributes(props, unitId)}
          className="text-field__input integer-field__input"
          type="text"
          inputMode="numeric"
          autoComplete="off"
          value={shown}
          size={6}
          onChange={(event) => {
            const text = event.target.value;
            setDraft(text);
            const trimmed = text.trim();
            answer.onChange(
              trimmed === '' ? undefined : /^-?\d+$/.test(trimmed) ? Number(trimmed) : Number.NaN,
            );
          }}
          onBlur={() => {
            setDraft(null);
            answer.onBlur();
          }}
        />
        {question.unit !== undefined && (
          <span id={unitId} className="integer-field__unit">
            {question.unit}
          </span>
        )}
      </div>
    </div>
  );
}

export function IntegerView({ question, value }: ViewProps<'integer'>) {
  const parsed = integerValueSchema.safeParse(value);
  if (!parsed.success || Number.isNaN(parsed.data)) return <NotAnswered />;
  return (
    <p className="answer-view">
      {parsed.data}
      {question.unit !== undefined && ` ${question.unit}`}
    </p>
  );
}
