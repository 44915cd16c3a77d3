import { useId, useRef, useState } from 'react';
import {
  isValidWorkingHours,
  nextPeriodStart,
  periodListValueSchema,
  remainingWorkingHours,
  WORKING_HOURS_INVALID_MESSAGE,
  type PeriodRow,
} from '../../form-engine';
import type { EditProps, ViewProps } from '../types';
import { joinIds } from './aria';
import { Checkbox } from './choice';
import { ErrorText, PartErrors } from './field-errors';
import { PeriodDates, PeriodsRoot, PeriodsView } from './periods';
import { ignoreBlur, rowsByOption, useRowKind } from './row-parts';

function parseHours(text: string): number | null {
  const trimmed = text.trim().replace(',', '.');
  if (trimmed === '' || !/^\d+(\.\d+)?$/.test(trimmed)) return null;
  return Number(trimmed);
}

const hoursFormat = new Intl.NumberFormat('sv-SE', { maximumFractionDigits: 2 });

export function SickLeavePeriodsEdit(props: EditProps<'sickLeavePeriods'>) {
  const { question, controlId, disabled, context } = props;
  const { answer, rows, tracker, root } = useRowKind(props, periodListValueSchema);
  // Dates of unticked degrees, restored when the degree is ticked again.
  const remembered = useRef(new Map<string, PeriodRow>());
  const [hoursText, setHoursText] = useState('');
  const hoursId = useId();
  const showWorkingHours = question.showWorkingHours !== false;
  const hours = parseHours(hoursText);
  const previous = context.previousPeriods?.[question.id];
  const hoursInvalid = hoursText.trim() !== '' && (hours === null || !isValidWorkingHours(hours));

  const write = (change: (code: string, row: PeriodRow | undefined) => PeriodRow | undefined) =>
    answer.onChange(rowsByOption(question.options, rows, change));
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
        remembered.current.get(code) ?? {
          code,
          from: nextPeriodStart(rows, context.today, previous),
          to: '',
        }
      );
    });
  // Typing a date in an unticked row ticks it.
  const setDate = (code: string, field: 'from' | 'to', date: string) =>
    write((candidate, row) => {
      if (candidate !== code) return row;
      const current = row ?? { code, from: '', to: '' };
      return field === 'from' ? { ...current, from: date } : { ...current, to: date };
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
          <PeriodDates
            controlId={controlId}
            from={fromPart}
            to={toPart}
            row={row}
            rowName={option.label}
            onChange={(field, date) => setDate(option.code, field, date)}
            today={context.today}
            disabled={disabled}
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
    <PeriodsRoot
      root={root}
      today={context.today}
      limits={question}
      rows={rows}
      options={question.options}
      previous={previous}
    >
      {showWorkingHours && (
        <div className={`text-field periods__hours${hoursInvalid ? ' text-field--error' : ''}`}>
          <label className="label" htmlFor={hoursId}>
            Arbetstid (timmar/vecka)
          </label>
          <p
            className="label__description periods__hours-description"
            id={`${hoursId}-description`}
          >
            Valfritt. Används bara för att räkna ut arbetstiden under varje period och sparas inte i
            intyget.
          </p>
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
              <ErrorText>{WORKING_HOURS_INVALID_MESSAGE}</ErrorText>
            </p>
          )}
        </div>
      )}
      <div className="periods__rows">{rowElements}</div>
    </PeriodsRoot>
  );
}

export function SickLeavePeriodsView({ question, value }: ViewProps<'sickLeavePeriods'>) {
  return <PeriodsView options={question.options} value={value} />;
}
