import { lazy, Suspense, useEffect, useRef, useState, type Ref } from 'react';
import { parseDateInput, type IsoDate } from '../../form-engine';
import './date-input.css';

const CalendarPopup = lazy(() =>
  import('./calendar-popup').then((module) => ({ default: module.CalendarPopup })),
);

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
  /** Names the field for its calendar button and calendar ("Beräknat nedkomstdatum"). */
  label: string;
  /** The calendar's first and last choosable dates. */
  min?: IsoDate | undefined;
  max?: IsoDate | undefined;
  inputRef?: Ref<HTMLInputElement>;
};

export const dateFormatHint = 'åååå-mm-dd';

/** How a date may be written: the first sentence of every date field's hint. */
export const dateInputHint = `Skriv datum som ${dateFormatHint}, eller till exempel ”idag” eller ”+7d”.`;

/** A date field's hint: how to write a date, and its first and last dates if it has them. */
export function dateHint(min: IsoDate | undefined, max: IsoDate | undefined): string {
  const sentences = [dateInputHint];
  if (min !== undefined && max !== undefined)
    sentences.push(`Datum ska vara mellan ${min} och ${max}.`);
  else if (min !== undefined) sentences.push(`Datum får inte vara tidigare än ${min}.`);
  else if (max !== undefined) sentences.push(`Datum får inte vara senare än ${max}.`);
  return sentences.join(' ');
}

/**
 * A date field that takes ISO dates, compact dates and shortcuts ("idag", "+7d", "2v", "1m")
 * and writes the ISO date when the user leaves it. Text it cannot read stays as typed, so
 * nothing is lost, and the question reports it as an invalid date. A button beside it opens
 * a calendar (loaded on first use); a date chosen there is written as if typed.
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
  label,
  min,
  max,
  inputRef,
}: Props) {
  // What is typed is kept locally until the user leaves the field.
  const [draft, setDraft] = useState<string | null>(null);
  const [calendarOpen, setCalendarOpen] = useState(false);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const shown = draft ?? value ?? '';
  // Focus leaving the field, its button and its calendar closes the calendar.
  const rowRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const row = rowRef.current;
    if (row === null || !calendarOpen) return;
    const onFocusOut = (event: FocusEvent) => {
      const next = event.relatedTarget;
      if (!(next instanceof Node && row.contains(next))) setCalendarOpen(false);
    };
    row.addEventListener('focusout', onFocusOut);
    return () => row.removeEventListener('focusout', onFocusOut);
  }, [calendarOpen]);
  const closeCalendar = () => {
    setCalendarOpen(false);
    buttonRef.current?.focus();
  };
  return (
    <div className="date-input__row" ref={rowRef}>
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
      <button
        ref={buttonRef}
        type="button"
        className="date-input__calendar-button"
        aria-label={`Välj datum i kalendern, ${label}`}
        aria-haspopup="dialog"
        aria-expanded={calendarOpen}
        disabled={disabled}
        onClick={() => setCalendarOpen((open) => !open)}
      >
        <svg aria-hidden="true" focusable="false" viewBox="0 0 24 24" width="20" height="20">
          <path
            fill="currentColor"
            d="M7 2h2v2h6V2h2v2h3a1 1 0 0 1 1 1v15a1 1 0 0 1-1 1H4a1 1 0 0 1-1-1V5a1 1 0 0 1 1-1h3V2Zm12 8H5v9h14v-9ZM5 6v2h14V6H5Zm2 6h2v2H7v-2Zm4 0h2v2h-2v-2Zm4 0h2v2h-2v-2Z"
          />
        </svg>
      </button>
      {calendarOpen && (
        <Suspense
          fallback={<p className="calendar-popup calendar-popup--loading">Laddar kalendern…</p>}
        >
          <CalendarPopup
            label={label}
            value={draft === null ? value : undefined}
            today={today}
            min={min}
            max={max}
            onSelect={(date) => {
              setDraft(null);
              onChange(date);
              onBlur();
              closeCalendar();
            }}
            onCancel={closeCalendar}
          />
        </Suspense>
      )}
    </div>
  );
}
