import { useState } from 'react';
import { integerValueSchema } from '../../form-engine';
import type { EditProps, ViewProps } from '../types';
import { controlAttributes } from './aria';
import { useAnswer } from './use-answer';
import { NotAnswered } from './not-answered';

/** The answer a text stands for: undefined when blank, NaN when it is not a whole number. */
function readInteger(text: string): number | undefined {
  const trimmed = text.trim();
  if (trimmed === '') return undefined;
  return /^-?\d+$/.test(trimmed) ? Number(trimmed) : Number.NaN;
}

/**
 * A whole number within the question's range. What cannot be read as a number ("12a",
 * "1,5") stays on screen as typed, through blur and re-renders, and is stored as NaN, so the
 * question says what is wrong instead of losing the text.
 */
export function IntegerEdit(props: EditProps<'integer'>) {
  const { question } = props;
  const answer = useAnswer(props.name, integerValueSchema);
  // The text as typed. It is shown while it still stands for the stored answer; an answer
  // changed from elsewhere (a reset, a copied draft) shows instead.
  const [typed, setTyped] = useState<string | null>(null);
  const stored = answer.value;
  const typedIsCurrent = typed !== null && Object.is(readInteger(typed), stored);
  const shown = typedIsCurrent
    ? typed
    : stored === undefined || Number.isNaN(stored)
      ? ''
      : String(stored);
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
            setTyped(event.target.value);
            answer.onChange(readInteger(event.target.value));
          }}
          onBlur={answer.onBlur}
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
