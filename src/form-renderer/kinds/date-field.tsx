import { applyOffset, type DateOffsetSpec, type IsoDate } from '../../form-engine';
import { joinIds } from './aria';
import { DateInput, dateHint } from './date-input';
import { ignoreBlur, PartField, type Part } from './row-parts';

/** "Skriv datum som åååå-mm-dd …", with the question's date limits. */
export function dateHintText(
  today: IsoDate,
  limits: { minDate?: DateOffsetSpec | undefined; maxDate?: DateOffsetSpec | undefined },
): string {
  return dateHint(
    limits.minDate ? applyOffset(today, limits.minDate) : undefined,
    limits.maxDate ? applyOffset(today, limits.maxDate) : undefined,
  );
}

type DateFieldProps = {
  part: Part;
  /** The label, e.g. "Från och med"; screen readers read it with the row. */
  label: string;
  /** Read after the label by screen readers, naming the row (e.g. "25 procent"). */
  rowName: string;
  /** The label is not shown: the row already says what the date is (checkboxDates). */
  labelHidden?: boolean;
  /** Classes of the field, after "text-field". */
  className?: string;
  /** The stored date; '' (or no row) is no date. */
  value: string | undefined;
  /** The date to store: '' when cleared. */
  onChange: (value: string) => void;
  today: IsoDate;
  base?: IsoDate | undefined;
  mode?: 'date' | 'periodEnd';
  disabled: boolean;
  hintId: string;
};

/** A row's DateInput, labelled and with its part's errors (checkboxDates, periods, investigations). */
export function DateField({
  part,
  label,
  rowName,
  labelHidden = false,
  className = 'complex-kind__field complex-kind__field--date',
  value,
  onChange,
  today,
  base,
  mode = 'date',
  disabled,
  hintId,
}: DateFieldProps) {
  return (
    <PartField
      part={part}
      field="text"
      className={className}
      label={labelHidden ? undefined : label}
    >
      <div className="text-field__input-wrapper">
        <DateInput
          id={part.id}
          value={value === '' ? undefined : value}
          onChange={(date) => onChange(date ?? '')}
          onBlur={part.leave ?? ignoreBlur}
          today={today}
          base={base}
          mode={mode}
          disabled={disabled}
          invalid={part.ariaInvalid}
          describedBy={joinIds(part.errorId, hintId)}
          ariaLabel={`${label}, ${rowName}`}
          label={`${label}, ${rowName}`}
        />
      </div>
    </PartField>
  );
}
