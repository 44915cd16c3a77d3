import { useId, useRef, useState } from 'react';
import {
  addDays,
  isIsoDate,
  isValidWorkingHours,
  periodListValueSchema,
  remainingWorkingHours,
  summarizePeriods,
  WORKING_HOURS_INVALID_MESSAGE,
  type IsoDate,
  type PeriodRow,
  type QuestionOption,
} from '../../form-engine';
import type { EditProps, ViewProps } from '../types';
import { Checkbox } from './choice';
import {
  DateField,
  Hint,
  LeftoverErrors,
  PartTracker,
  dateHintText,
  ignoreBlur,
  joinIds,
  useLeaveGroup,
} from './checkbox-dates';
import { PartErrors } from './field-errors';
import { NotAnswered } from './not-answered';
import { useAnswer } from './use-answer';
import './complex-kinds.css';

/** The end-date hint: the end can be written as the period's length. */
export const PERIOD_END_HINT =
  'Slutdatum kan också skrivas som periodens längd, till exempel ”14d”, ”2v” eller ”1m”.';

/** The day after the latest end among the rows, or today: where a new period starts. */
export function nextPeriodStart(rows: readonly PeriodRow[], today: IsoDate): IsoDate {
  const ends = rows.map((row) => row.to).filter((to) => isIsoDate(to));
  if (ends.length === 0) return today;
  const latest = ends.reduce((a, b) => (b > a ? b : a));
  return addDays(latest, 1);
}

/** "Intyget motsvarar en period på N dagar.", in a polite live region that is always there. */
export function PeriodTotal({ rows }: { rows: readonly PeriodRow[] }) {
  const summary = summarizePeriods(rows);
  return (
    <p className="complex-kind__total" role="status" aria-live="polite">
      {summary?.text ?? ''}
    </p>
  );
}

/** Read-only periods: "25 procent: 2026-03-16 – 2026-03-29" and the total. */
export function PeriodsView({
  options,
  value,
}: {
  options: readonly QuestionOption[];
  value: unknown;
}) {
  const parsed = periodListValueSchema.safeParse(value);
  if (!parsed.success || parsed.data.length === 0) return <NotAnswered />;
  const rows = parsed.data;
  const labelOf = (code: string) => options.find((option) => option.code === code)?.label ?? code;
  const summary = summarizePeriods(rows);
  return (
    <div className="answer-view answer-view--periods">
      <ul className="answer-view--list">
        {rows.map((row, index) => (
          <li key={`${row.code}-${String(index)}`}>
            {labelOf(row.code)}: {row.from === '' ? 'Ej angivet' : row.from} –{' '}
            {row.to === '' ? 'Ej angivet' : row.to}
          </li>
        ))}
      </ul>
      {summary !== null && <p>{summary.text}</p>}
    </div>
  );
}

function parseHours(text: string): number | null {
  const trimmed = text.trim().replace(',', '.');
  if (trimmed === '' || !/^\d+(\.\d+)?$/.test(trimmed)) return null;
  return Number(trimmed);
}

const hoursFormat = new Intl.NumberFormat('sv-SE', { maximumFractionDigits: 2 });

export function SickLeavePeriodsEdit({
  question,
  name,
  controlId,
  disabled,
  invalid,
  errors,
  context,
}: EditProps<'sickLeavePeriods'>) {
  const answer = useAnswer(name, periodListValueSchema);
  const rootRef = useLeaveGroup<HTMLDivElement>(answer.onBlur);
  const rows = answer.value ?? [];
  // Dates of unticked degrees, restored when the degree is ticked again.
  const remembered = useRef(new Map<string, PeriodRow>());
  const [hoursText, setHoursText] = useState('');
  const hoursId = useId();
  const tracker = new PartTracker(question.id, errors, invalid);
  const hintId = `${controlId}-hint`;
  const endHintId = `${controlId}-end-hint`;
  const showWorkingHours = question.showWorkingHours !== false;
  const hours = parseHours(hoursText);
  const hoursInvalid = hoursText.trim() !== '' && (hours === null || !isValidWorkingHours(hours));

  const write = (change: (code: string, row: PeriodRow | undefined) => PeriodRow | undefined) => {
    // One row per ticked degree, in the definition's order (rows of unknown codes are dropped).
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
        if (row !== undefined && (row.from !== '' || row.to !== ''))
          remembered.current.set(code, row);
        return undefined;
      }
      return (
        row ??
        remembered.current.get(code) ?? { code, from: nextPeriodStart(rows, context.today), to: '' }
      );
    });
  // Typing a date in an unticked row ticks it.
  const setDate = (code: string, field: 'from' | 'to', date: string | undefined) =>
    write((candidate, row) => {
      if (candidate !== code) return row;
      const current = row ?? { code, from: '', to: '' };
      return field === 'from' ? { ...current, from: date ?? '' } : { ...current, to: date ?? '' };
    });

  const rowElements = question.options.map((option) => {
    const index = rows.findIndex((row) => row.code === option.code);
    const row = rows[index];
    const ticked = row !== undefined;
    const key = `${controlId}-${option.code}`;
    const rowPart = ticked ? tracker.part([index]) : undefined;
    const codePart = ticked ? tracker.part([index, 'code']) : tracker.none(`${key}-code`);
    const fromPart = ticked ? tracker.part([index, 'from']) : tracker.none(`${key}-from`);
    const toPart = ticked ? tracker.part([index, 'to']) : tracker.none(`${key}-to`);
    const remaining =
      ticked && hours !== null && !hoursInvalid
        ? remainingWorkingHours(hours, option.percent)
        : null;
    return (
      <div
        key={option.code}
        id={rowPart?.id}
        className={`period-row${ticked ? ' period-row--ticked' : ''}`}
      >
        <div className="period-row__choice">
          <Checkbox
            id={codePart.id}
            label={option.label}
            checked={ticked}
            disabled={disabled}
            invalid={codePart.ariaInvalid === true}
            describedBy={joinIds(codePart.errorId, rowPart?.errorId)}
            onToggle={(checked) => toggle(option.code, checked)}
            onBlur={ignoreBlur}
          />
          <PartErrors id={codePart.errorId ?? ''} errors={codePart.errors} />
          {rowPart !== undefined && (
            <PartErrors id={rowPart.errorId ?? ''} errors={rowPart.errors} />
          )}
        </div>
        <div className="period-row__dates">
          <DateField
            part={fromPart}
            label="Från och med"
            rowName={option.label}
            value={row?.from === '' ? undefined : row?.from}
            onChange={(date) => setDate(option.code, 'from', date)}
            today={context.today}
            disabled={disabled}
            hintId={hintId}
          />
          <DateField
            part={toPart}
            label="Till och med"
            rowName={option.label}
            value={row?.to === '' ? undefined : row?.to}
            onChange={(date) => setDate(option.code, 'to', date)}
            today={context.today}
            base={row !== undefined && isIsoDate(row.from) ? row.from : undefined}
            mode="periodEnd"
            disabled={disabled}
            hintId={endHintId}
          />
        </div>
        {remaining !== null && (
          <p className="period-row__hours">
            Arbetstid: {hoursFormat.format(remaining)} timmar/vecka
          </p>
        )}
      </div>
    );
  });

  return (
    <div className="complex-kind periods" ref={rootRef}>
      <Hint id={hintId}>{dateHintText(context.today, question)}</Hint>
      <p id={endHintId} className="sr-only">
        {PERIOD_END_HINT}
      </p>
      {showWorkingHours && (
        <div className={`text-field periods__hours${hoursInvalid ? ' text-field--error' : ''}`}>
          <label className="label" htmlFor={hoursId}>
            Arbetstid (timmar/vecka)
            <span className="label__description" id={`${hoursId}-description`}>
              Valfritt. Används bara för att räkna ut arbetstiden under varje period och sparas inte
              i intyget.
            </span>
          </label>
          <div className="text-field__input-wrapper">
            <input
              id={hoursId}
              className="text-field__input periods__hours-input"
              type="text"
              inputMode="decimal"
              autoComplete="off"
              size={6}
              value={hoursText}
              disabled={disabled}
              aria-invalid={hoursInvalid ? true : undefined}
              aria-describedby={joinIds(
                `${hoursId}-description`,
                hoursInvalid ? `${hoursId}-error` : undefined,
              )}
              onChange={(event) => setHoursText(event.target.value)}
            />
          </div>
          {hoursInvalid && (
            <p id={`${hoursId}-error`} className="question__part-error">
              <span className="question__error">
                <span className="sr-only">Fel: </span>
                {WORKING_HOURS_INVALID_MESSAGE}
              </span>
            </p>
          )}
        </div>
      )}
      <div className="periods__rows">{rowElements}</div>
      <PeriodTotal rows={rows} />
      <LeftoverErrors id={`${controlId}-other-errors`} errors={tracker.leftover()} />
    </div>
  );
}

export function SickLeavePeriodsView({ question, value }: ViewProps<'sickLeavePeriods'>) {
  return <PeriodsView options={question.options} value={value} />;
}
