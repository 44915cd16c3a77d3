import { useId, useState, type Ref } from 'react';
import { dateProblem, formatMessage, type DateProblem, type IsoDate } from '../form-engine';
import { joinIds } from './kinds/aria';
import { DateInput, dateHint } from './kinds/date-input';

// The certificate form's date field (DateInput: åååå-mm-dd whatever the browser's language,
// shortcuts, a calendar) for dates outside a form: the lists' filters, the consent, FK's
// simulator. Its own module, so a page that needs only a date field does not load the renderer.

/** A caller's own words for a problem with the date (e.g. "Sista dagen att svara kan inte ha passerat."). */
export type DateMessages = Partial<Record<DateProblem['key'], string>>;

/**
 * What is wrong with a date field's text, in the words every date of the product uses, or
 * undefined when it is a fine date or empty (whether a date is required is the caller's).
 */
export function dateTextError(
  text: string,
  limits: { min?: IsoDate | undefined; max?: IsoDate | undefined } = {},
  messages: DateMessages = {},
): string | undefined {
  if (text.trim() === '') return undefined;
  const problem = dateProblem(text, limits);
  if (problem === undefined) return undefined;
  return messages[problem.key] ?? formatMessage(problem.key, undefined, problem.params);
}

type Props = {
  label: string;
  /** The field's text: an ISO date, '' for none, or what was typed and could not be read. */
  value: string;
  /**
   * While typing, what is typed; once the field is left (or a day is chosen in the calendar),
   * the ISO date when the text reads as one ("idag", "+7d", "20261207"), else the text as typed;
   * '' when cleared.
   */
  onChange: (text: string) => void;
  /** The server's today: "idag" and "+7d" count from it, and the calendar opens on it. */
  today: IsoDate;
  /** The first and last dates the field takes: the calendar offers no others. */
  min?: IsoDate | undefined;
  max?: IsoDate | undefined;
  /** The caller's own message (a missing date, a range), shown instead of the field's. */
  error?: string | undefined;
  /** The caller's words for the field's own problems. */
  messages?: DateMessages;
  /** The hint is read by screen readers only (a list's filter: the placeholder shows the format). */
  hintHidden?: boolean;
  required?: boolean;
  /** Classes after "text-field date-text-field". */
  className?: string;
  ref?: Ref<HTMLInputElement>;
};

/**
 * A labelled date field with its hint and its error, outside react-hook-form. As in the
 * certificate form, a date it cannot read (or one outside its limits) is said at the field as
 * soon as the field is left, until it is typed in again; the caller checks again with
 * `dateTextError` before using it.
 */
export function DateTextField({
  label,
  value,
  onChange,
  today,
  min,
  max,
  error,
  messages,
  hintHidden = false,
  required,
  className,
  ref,
}: Props) {
  const id = useId();
  // The text as it was when the field was left is checked; typing again sets it aside.
  const [left, setLeft] = useState(false);
  const shown = error ?? (left ? dateTextError(value, { min, max }, messages) : undefined);
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  return (
    <div
      className={`text-field date-text-field${shown === undefined ? '' : ' text-field--error'}${
        className === undefined ? '' : ` ${className}`
      }`}
    >
      <label className="label" htmlFor={id}>
        {label}
      </label>
      <p id={hintId} className={hintHidden ? 'sr-only' : 'date-field__hint'}>
        {dateHint(min, max)}
      </p>
      <div id={errorId} className="date-text-field__error" aria-live="polite">
        {shown !== undefined && (
          <p className="form-field__error-message">
            <span className="sr-only">Fel:</span> {shown}
          </p>
        )}
      </div>
      <div className="text-field__input-wrapper">
        <DateInput
          id={id}
          inputRef={ref}
          value={value === '' ? undefined : value}
          onChange={(text) => {
            setLeft(false);
            onChange(text ?? '');
          }}
          onBlur={() => setLeft(true)}
          today={today}
          required={required}
          invalid={shown !== undefined}
          describedBy={joinIds(shown === undefined ? undefined : errorId, hintId)}
          label={label}
          min={min}
          max={max}
        />
      </div>
    </div>
  );
}
