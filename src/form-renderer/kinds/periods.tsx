import type { ReactNode } from 'react';
import {
  isIsoDate,
  periodListValueSchema,
  summarizePeriods,
  type IsoDate,
  type PeriodRow,
  type QuestionOption,
} from '../../form-engine';
import { optionLabel } from './choice';
import { DateField, dateHintText } from './date-field';
import { NotAnswered, orNotGiven } from './not-answered';
import { hintIdOf, RowKindRoot, type Part, type RowKindRootWiring } from './row-parts';
import { labelledText } from '../../language/swedish';

// Helpers shared by the period kinds (sickLeavePeriods, periodsWithShares).

/** The end-date hint: the end can be written as the period's length. */
const PERIOD_END_HINT =
  'Slutdatum kan också skrivas som periodens längd, till exempel ”14d”, ”2v” eller ”1m”.';

const endHintIdOf = (controlId: string) => `${controlId}-end-hint`;

/** The end-date hint, for screen readers only; the end fields point at it. */
function PeriodEndHint({ controlId }: { controlId: string }) {
  return (
    <p id={endHintIdOf(controlId)} className="sr-only">
      {PERIOD_END_HINT}
    </p>
  );
}

/** A row's "Från och med" and "Till och med"; the end reads "14d" from the start. */
export function PeriodDates({
  controlId,
  from,
  to,
  row,
  rowName,
  onChange,
  today,
  disabled,
}: {
  controlId: string;
  from: Part;
  to: Part;
  /** The row's dates; none for an unticked degree. */
  row: PeriodRow | undefined;
  rowName: string;
  onChange: (field: 'from' | 'to', date: string) => void;
  today: IsoDate;
  disabled: boolean;
}) {
  return (
    <>
      <DateField
        part={from}
        label="Från och med"
        rowName={rowName}
        value={row?.from}
        onChange={(date) => onChange('from', date)}
        today={today}
        disabled={disabled}
        hintId={hintIdOf(controlId)}
      />
      <DateField
        part={to}
        label="Till och med"
        rowName={rowName}
        value={row?.to}
        onChange={(date) => onChange('to', date)}
        today={today}
        base={row !== undefined && isIsoDate(row.from) ? row.from : undefined}
        mode="periodEnd"
        disabled={disabled}
        hintId={endHintIdOf(controlId)}
      />
    </>
  );
}

/** "Intyget motsvarar en period på N dagar.", in a polite live region that is always there. */
function PeriodTotal({ rows }: { rows: readonly PeriodRow[] }) {
  const summary = summarizePeriods(rows);
  return (
    <p className="complex-kind__total" role="status" aria-live="polite">
      {summary?.text ?? ''}
    </p>
  );
}

/** "Föregående intyg: 50 procent 2026-11-02 – 2026-11-29": a renewed certificate's periods. */
function PreviousPeriods({
  options,
  rows,
}: {
  options: readonly QuestionOption[];
  rows: readonly PeriodRow[];
}) {
  if (rows.length === 0) return null;
  const periods = rows
    .map((row) => `${optionLabel(options, row.code)} ${row.from} – ${row.to}`)
    .join(', ');
  return <p className="periods__previous">Föregående intyg: {periods}</p>;
}

/**
 * A period kind's root: the date hints, on a renewal the renewed certificate's periods, the
 * kind's own controls and rows (children), then the total of the periods.
 */
export function PeriodsRoot({
  root,
  today,
  limits,
  rows,
  options,
  previous = [],
  children,
}: {
  root: RowKindRootWiring;
  today: IsoDate;
  limits: Parameters<typeof dateHintText>[1];
  rows: readonly PeriodRow[];
  options: readonly QuestionOption[];
  /** On a renewal: the renewed certificate's periods of this question. */
  previous?: readonly PeriodRow[] | undefined;
  children: ReactNode;
}) {
  return (
    <RowKindRoot root={root} className="periods" hint={dateHintText(today, limits)}>
      <PeriodEndHint controlId={root.controlId} />
      <PreviousPeriods options={options} rows={previous} />
      {children}
      <PeriodTotal rows={rows} />
    </RowKindRoot>
  );
}

const dates = (row: PeriodRow) => `${orNotGiven(row.from)} – ${orNotGiven(row.to)}`;

/**
 * Read-only periods: "25 procent: 2026-03-16 – 2026-03-29" and the total; with a share's label,
 * "Andel av ordinarie tid: 25 procent, 2026-03-16 – 2026-03-29".
 */
export function PeriodsView({
  options,
  value,
  shareLabel,
}: {
  options: readonly QuestionOption[];
  value: unknown;
  shareLabel?: string | undefined;
}) {
  const parsed = periodListValueSchema.safeParse(value);
  if (!parsed.success || parsed.data.length === 0) return <NotAnswered />;
  const rows = parsed.data;
  const summary = summarizePeriods(rows);
  return (
    <div className="answer-view answer-view--periods">
      <ul className="answer-view--list">
        {rows.map((row, index) => (
          <li key={`${row.code}-${String(index)}`}>
            {shareLabel === undefined
              ? labelledText(optionLabel(options, row.code), dates(row))
              : labelledText(shareLabel, `${optionLabel(options, row.code)}, ${dates(row)}`)}
          </li>
        ))}
      </ul>
      {summary !== null && <p>{summary.text}</p>}
    </div>
  );
}
