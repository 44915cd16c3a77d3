import { useState, type Ref } from 'react';
import { parseDateInput, type IsoDate } from '../../form-engine';

type Props = {
  id: string;
  value: string | undefined;
  onChange: (value: string | undefined) => void;
  onBlur: () => void;
  today: IsoDate;
  /** Base for relative shortcuts (e.g. a period's start for its end); default today. */
  base?: IsoDate | undefined;
  /** 'periodEnd' reads "1m" as one month minus a day, as a period's end. */
  mode?: 'date' | 'periodEnd';
  disabled?: boolean;
  required?: boolean;
  invalid?: boolean;
  describedBy?: string | undefined;
  /** Visible label when the input is not labelled by a <label for>. */
  ariaLabel?: string;
  inputRef?: Ref<HTMLInputElement>;
};

export const dateFormatHint = 'åååå-mm-dd';

/** How a date may be written: the first sentence of every date field's hint. */
export const dateInputHint = `Skriv datum som ${dateFormatHint}, eller till exempel ”idag” eller ”+7d”.`;

/**
 * A date field that takes ISO dates, compact dates and shortcuts ("idag", "+7d", "2v", "1m")
 * and writes the ISO date when the user leaves it. Text it cannot read stays as typed, so
 * nothing is lost, and the question reports it as an invalid date.
 */
export function DateInput({
  id,
  value,
  onChange,
  onBlur,
  today,
  base,
  mode = 'date',
  disabled,
  required,
  invalid,
  describedBy,
  ariaLabel,
  inputRef,
}: Props) {
  // What is typed is kept locally until the user leaves the field.
  const [draft, setDraft] = useState<string | null>(null);
  const shown = draft ?? value ?? '';
  return (
    <input
      ref={inputRef}
      id={id}
      className="text-field__input date-input"
      type="text"
      inputMode="text"
      autoComplete="off"
      spellCheck={false}
      placeholder={dateFormatHint}
      value={shown}
      disabled={disabled}
      required={required}
      aria-invalid={invalid ? true : undefined}
      aria-describedby={describedBy}
      aria-label={ariaLabel}
      size={12}
      onChange={(event) => {
        setDraft(event.target.value);
        onChange(event.target.value === '' ? undefined : event.target.value);
      }}
      onBlur={() => {
        if (draft !== null) {
          const text = draft.trim();
          const parsed =
            text === '' ? null : parseDateInput(text, { today, base: base ?? today, mode });
          onChange(text === '' ? undefined : (parsed ?? text));
          setDraft(null);
        }
        onBlur();
      }}
    />
  );
}
