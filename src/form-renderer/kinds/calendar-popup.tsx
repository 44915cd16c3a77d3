import { useId, type KeyboardEvent } from 'react';
import { DayPicker, type Matcher } from 'react-day-picker';
import { sv } from 'react-day-picker/locale';
import 'react-day-picker/style.css';
import { isIsoDate, type IsoDate } from '../../form-engine';

// Loaded lazily (React.lazy in date-input.tsx) on a calendar's first opening: the calendar
// library never weighs on the first visit.

/** A local calendar date for an ISO date, or undefined. */
function fromIso(value: string | undefined): Date | undefined {
  if (value === undefined || !isIsoDate(value)) return undefined;
  const [year = 0, month = 1, day = 1] = value.split('-').map(Number);
  return new Date(year, month - 1, day);
}

function toIso(date: Date): IsoDate {
  const pad = (part: number) => String(part).padStart(2, '0');
  return `${String(date.getFullYear())}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

type Props = {
  /** Names the field, e.g. "Beräknat nedkomstdatum". */
  label: string;
  /** The field's date, when it holds one: the calendar opens on it. */
  value: string | undefined;
  today: IsoDate;
  min?: IsoDate | undefined;
  max?: IsoDate | undefined;
  onSelect: (date: IsoDate) => void;
  /** Escape: close without choosing. */
  onCancel: () => void;
};

/**
 * A month calendar in Swedish (weeks start on Monday) in a non-modal dialog. Focus starts
 * on the field's date or today; arrows move by day, Page Up/Down by month, Enter chooses,
 * Escape closes.
 */
export function CalendarPopup({ label, value, today, min, max, onSelect, onCancel }: Props) {
  const headingId = useId();
  const selected = fromIso(value);
  const todayDate = fromIso(today) ?? new Date();
  const minDate = fromIso(min);
  const maxDate = fromIso(max);
  const disabled: Matcher[] = [
    ...(minDate ? [{ before: minDate }] : []),
    ...(maxDate ? [{ after: maxDate }] : []),
  ];
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key !== 'Escape') return;
    event.preventDefault();
    event.stopPropagation();
    onCancel();
  };
  return (
    // The dialog's own keys: Escape closes it (the calendar handles the rest).
    // eslint-disable-next-line jsx-a11y/no-noninteractive-element-interactions
    <div
      role="dialog"
      aria-modal="false"
      aria-labelledby={headingId}
      className="calendar-popup"
      // A click inside on no control keeps focus in the dialog (so it stays open).
      tabIndex={-1}
      onKeyDown={onKeyDown}
    >
      <p id={headingId} className="calendar-popup__heading">
        Välj datum: {label}
      </p>
      <DayPicker
        mode="single"
        required
        // Opening the calendar moves focus into it, on the field's date or today (WAI-ARIA date picker dialog).
        // eslint-disable-next-line jsx-a11y/no-autofocus
        autoFocus
        locale={sv}
        weekStartsOn={1}
        showOutsideDays
        fixedWeeks
        today={todayDate}
        selected={selected}
        defaultMonth={selected ?? todayDate}
        startMonth={minDate}
        endMonth={maxDate}
        disabled={disabled}
        labels={{ labelNav: () => 'Byt månad' }}
        onSelect={(date) => onSelect(toIso(date))}
      />
      <p className="calendar-popup__hint">
        Piltangenterna byter dag, Page Up och Page Down byter månad. Enter väljer, Escape stänger.
      </p>
    </div>
  );
}
