import { useEffect, useRef, type ReactNode, type RefObject } from 'react';
import {
  applyOffset,
  checkboxDatesValueSchema,
  type CheckboxDateRow,
  type DateOffsetSpec,
  type IsoDate,
  type IssuePath,
  type QuestionError,
} from '../../form-engine';
import { fieldDomId } from '../dom-ids';
import type { EditProps, ViewProps } from '../types';
import { Checkbox } from './choice';
import { DateInput, dateFormatHint } from './date-input';
import { errorsAt, PartErrors } from './field-errors';
import { NotAnswered } from './not-answered';
import { useAnswer } from './use-answer';
import './complex-kinds.css';

// ---------------------------------------------------------------------------
// Helpers shared by the row kinds (checkboxDates, periods, diagnoses, investigations).

/** Joins ids for aria-describedby; undefined when there is none. */
export function joinIds(...ids: Array<string | undefined>): string | undefined {
  return ids.filter((id) => id !== undefined && id !== '').join(' ') || undefined;
}

/** One part of a question (a row's date, a row's code): its DOM id, its errors and their id. */
export interface Part {
  id: string;
  errors: QuestionError[];
  /** Id of the part's error text, when it has errors. */
  errorId: string | undefined;
  /** aria-invalid for the part's control. */
  ariaInvalid: true | undefined;
}

/**
 * Collects the errors a kind places at its parts, so that errors at a path it does not render
 * (a row with an unknown code, a duplicate) can still be shown under the question.
 */
export class PartTracker {
  private readonly placed = new Set<QuestionError>();

  constructor(
    private readonly questionId: string,
    private readonly errors: readonly QuestionError[],
    private readonly invalid: boolean,
  ) {}

  /** The part at `path`; `id` overrides the DOM id (parts that have no row yet). */
  part(path: IssuePath, id: string = fieldDomId(this.questionId, path)): Part {
    const errors = errorsAt(this.errors, path);
    for (const error of errors) this.placed.add(error);
    return {
      id,
      errors,
      errorId: errors.length > 0 ? `${id}-error` : undefined,
      ariaInvalid: this.invalid && errors.length > 0 ? true : undefined,
    };
  }

  /** A part that cannot have errors yet (e.g. an unticked option's field). */
  none(id: string): Part {
    return { id, errors: [], errorId: undefined, ariaInvalid: undefined };
  }

  /** Errors below the question (path not empty) that no part has shown. */
  leftover(): QuestionError[] {
    return this.errors.filter((error) => error.path.length > 0 && !this.placed.has(error));
  }
}

/** Errors no part showed, under the rows. */
export function LeftoverErrors({ id, errors }: { id: string; errors: readonly QuestionError[] }) {
  if (errors.length === 0) return null;
  return (
    <div className="complex-kind__leftover">
      <PartErrors id={id} errors={errors} />
    </div>
  );
}

/**
 * A ref for a kind's root that calls `onLeave` (the field's onBlur, which marks the question
 * touched) when focus leaves the question's controls, not when it moves between them, so a
 * row's errors do not show while the user is still filling it in.
 */
export function useLeaveGroup<T extends HTMLElement>(onLeave: () => void): RefObject<T | null> {
  const ref = useRef<T>(null);
  const latest = useRef(onLeave);
  useEffect(() => {
    latest.current = onLeave;
  });
  useEffect(() => {
    const root = ref.current;
    if (root === null) return;
    const handler = (event: FocusEvent) => {
      const next = event.relatedTarget;
      if (next instanceof Node && root.contains(next)) return;
      latest.current();
    };
    root.addEventListener('focusout', handler);
    return () => root.removeEventListener('focusout', handler);
  }, []);
  return ref;
}

/** Does nothing: DateInput's own blur; the kind's root tells the form when the question is left. */
export function ignoreBlur(): void {
  // The root's leaveHandler marks the question touched.
}

/** "Skriv datum som åååå-mm-dd …", with the question's date limits. */
export function dateHintText(
  today: IsoDate,
  limits: { minDate?: DateOffsetSpec | undefined; maxDate?: DateOffsetSpec | undefined },
  extra?: string,
): string {
  const sentences = [`Skriv datum som ${dateFormatHint}, eller till exempel ”idag” eller ”+7d”.`];
  if (extra !== undefined) sentences.push(extra);
  const min = limits.minDate ? applyOffset(today, limits.minDate) : undefined;
  const max = limits.maxDate ? applyOffset(today, limits.maxDate) : undefined;
  if (min !== undefined && max !== undefined)
    sentences.push(`Datum ska vara mellan ${min} och ${max}.`);
  else if (min !== undefined) sentences.push(`Datum får inte vara tidigare än ${min}.`);
  else if (max !== undefined) sentences.push(`Datum får inte vara senare än ${max}.`);
  return sentences.join(' ');
}

type DateFieldProps = {
  part: Part;
  /** Visible label, e.g. "Från och med". */
  label: string;
  /** Read after the label by screen readers only, naming the row (e.g. "25 procent"). */
  rowName: string;
  value: string | undefined;
  onChange: (value: string | undefined) => void;
  today: IsoDate;
  base?: IsoDate | undefined;
  mode?: 'date' | 'periodEnd';
  disabled: boolean;
  hintId: string | undefined;
  describedBy?: string | undefined;
};

/** A labelled DateInput with its part's errors (periods and investigations). */
export function DateField({
  part,
  label,
  rowName,
  value,
  onChange,
  today,
  base,
  mode = 'date',
  disabled,
  hintId,
  describedBy,
}: DateFieldProps) {
  return (
    <div
      className={`text-field complex-kind__field complex-kind__field--date${part.ariaInvalid ? ' text-field--error' : ''}`}
    >
      <label className="label complex-kind__field-label" htmlFor={part.id}>
        {label}
      </label>
      <div className="text-field__input-wrapper">
        <DateInput
          id={part.id}
          value={value}
          onChange={onChange}
          onBlur={ignoreBlur}
          today={today}
          base={base}
          mode={mode}
          disabled={disabled}
          invalid={part.ariaInvalid}
          describedBy={joinIds(part.errorId, describedBy, hintId)}
          ariaLabel={`${label}, ${rowName}`}
        />
      </div>
      <PartErrors id={part.errorId ?? `${part.id}-error`} errors={part.errors} />
    </div>
  );
}

/** A hint paragraph with an id for aria-describedby. */
export function Hint({ id, children }: { id: string; children: ReactNode }) {
  return (
    <p id={id} className="complex-kind__hint">
      {children}
    </p>
  );
}

// ---------------------------------------------------------------------------
// checkboxDates: "Intyget/utlåtandet är baserat på"

export function CheckboxDatesEdit({
  question,
  name,
  controlId,
  disabled,
  invalid,
  errors,
  context,
}: EditProps<'checkboxDates'>) {
  const answer = useAnswer(name, checkboxDatesValueSchema);
  const rootRef = useLeaveGroup<HTMLDivElement>(answer.onBlur);
  const rows = answer.value ?? [];
  // Dates of unticked options, restored when the option is ticked again.
  const remembered = useRef(new Map<string, string>());
  const tracker = new PartTracker(question.id, errors, invalid);
  const hintId = `${controlId}-hint`;

  const write = (
    change: (code: string, row: CheckboxDateRow | undefined) => CheckboxDateRow | undefined,
  ) => {
    // One row per ticked option, in the definition's order (rows of unknown codes are dropped).
    const next = question.options.flatMap((option) => {
      const row = change(
        option.code,
        rows.find((candidate) => candidate.code === option.code),
      );
      return row === undefined ? [] : [row];
    });
    answer.onChange(next);
  };
  const toggle = (code: string, checked: boolean) =>
    write((candidate, row) => {
      if (candidate !== code) return row;
      if (!checked) {
        if (row !== undefined && row.date !== '') remembered.current.set(code, row.date);
        return undefined;
      }
      // Webcert prefills today; a date typed before unticking comes back.
      return row ?? { code, date: remembered.current.get(code) ?? context.today };
    });
  const setDate = (code: string, date: string | undefined) =>
    write((candidate, row) => (candidate === code ? { code, date: date ?? '' } : row));

  const options = question.options.map((option) => {
    const index = rows.findIndex((row) => row.code === option.code);
    const row = rows[index];
    const codePart = index >= 0 ? tracker.part([index, 'code']) : undefined;
    const datePart = index >= 0 ? tracker.part([index, 'date']) : undefined;
    return (
      <div key={option.code} className="checkbox-dates__row">
        <Checkbox
          id={codePart?.id ?? `${controlId}-${option.code}`}
          label={option.label}
          checked={row !== undefined}
          disabled={disabled}
          invalid={codePart?.ariaInvalid === true}
          describedBy={codePart?.errorId}
          onToggle={(checked) => toggle(option.code, checked)}
          onBlur={ignoreBlur}
        />
        {codePart !== undefined && (
          <PartErrors id={codePart.errorId ?? ''} errors={codePart.errors} />
        )}
        {row !== undefined && datePart !== undefined && (
          <div
            className={`text-field checkbox-dates__date${datePart.ariaInvalid ? ' text-field--error' : ''}`}
          >
            <div className="text-field__input-wrapper">
              <DateInput
                id={datePart.id}
                value={row.date === '' ? undefined : row.date}
                onChange={(date) => setDate(option.code, date)}
                onBlur={ignoreBlur}
                today={context.today}
                disabled={disabled}
                invalid={datePart.ariaInvalid}
                describedBy={joinIds(datePart.errorId, hintId)}
                ariaLabel={`Datum, ${option.label}`}
              />
            </div>
            <PartErrors id={datePart.errorId ?? ''} errors={datePart.errors} />
          </div>
        )}
      </div>
    );
  });

  return (
    <div className="complex-kind checkbox-dates" ref={rootRef}>
      <Hint id={hintId}>{dateHintText(context.today, question)}</Hint>
      <div className="checkbox-group__content">{options}</div>
      <LeftoverErrors id={`${controlId}-other-errors`} errors={tracker.leftover()} />
    </div>
  );
}

export function CheckboxDatesView({ question, value }: ViewProps<'checkboxDates'>) {
  const parsed = checkboxDatesValueSchema.safeParse(value);
  if (!parsed.success || parsed.data.length === 0) return <NotAnswered />;
  const labelOf = (code: string) =>
    question.options.find((option) => option.code === code)?.label ?? code;
  return (
    <ul className="answer-view answer-view--list">
      {parsed.data.map((row, index) => (
        <li key={`${row.code}-${String(index)}`}>
          {labelOf(row.code)}{' '}
          <span className="answer-view__date">{row.date === '' ? 'Ej angivet' : row.date}</span>
        </li>
      ))}
    </ul>
  );
}
