import { useState } from 'react';
import { integerValueSchema } from '../../form-engine';
import type { EditProps, ViewProps } from '../types';
import { describedByWith } from './text';
import { useAnswer } from './use-answer';
import { NotAnswered } from './not-answered';

/**
 * A whole number within the question's range. What cannot be read as a number is kept as
 * typed on screen and stored as NaN, so the question reports it instead of losing it.
 */
export function IntegerEdit({
  question,
  name,
  controlId,
  describedBy,
  required,
  disabled,
  invalid,
}: EditProps<'integer'>) {
  const answer = useAnswer(name, integerValueSchema);
  const [draft, setDraft] = useState<string | null>(null);
  const stored = answer.value;
  const shown = draft ?? (stored === undefined || Number.isNaN(stored) ? '' : String(stored));
  const unitId = question.unit !== undefined ? `${controlId}-unit` : undefined;
  return (
    <div className={`text-field integer-field${invalid ? ' text-field--error' : ''}`}>
      <div className="text-field__input-wrapper integer-field__row">
        <input
          id={controlId}
          className="text-field__input integer-field__input"
          type="text"
          inputMode="numeric"
          autoComplete="off"
          value={shown}
          size={6}
          disabled={disabled}
          required={required}
          aria-invalid={invalid ? true : undefined}
          aria-describedby={describedByWith(describedBy, unitId)}
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
