import { useEffect, useRef } from 'react';
import { isIsoDate, periodListValueSchema, type PeriodRow } from '../../form-engine';
import { fieldDomId } from '../dom-ids';
import type { EditProps, ViewProps } from '../types';
import {
  DateField,
  Hint,
  LeftoverErrors,
  PartTracker,
  dateHintText,
  joinIds,
  useLeaveGroup,
} from './checkbox-dates';
import { PartErrors } from './field-errors';
import { PERIOD_END_HINT, PeriodTotal, PeriodsView, nextPeriodStart } from './sick-leave-periods';
import { useAnswer } from './use-answer';
import './complex-kinds.css';

/** FK 7472: periods the user adds, each with a share of the ordinary care time. */
export function PeriodsWithSharesEdit({
  question,
  name,
  controlId,
  disabled,
  invalid,
  errors,
  context,
}: EditProps<'periodsWithShares'>) {
  const answer = useAnswer(name, periodListValueSchema);
  const rootRef = useLeaveGroup<HTMLDivElement>(answer.onBlur);
  const rows = answer.value ?? [];
  const tracker = new PartTracker(question.id, errors, invalid);
  const hintId = `${controlId}-hint`;
  const endHintId = `${controlId}-end-hint`;
  const addId = `${controlId}-add`;
  // The control to focus once the rows have re-rendered (after adding or removing a period).
  const pendingFocus = useRef<string | null>(null);
  useEffect(() => {
    const id = pendingFocus.current;
    if (id === null) return;
    const element = document.getElementById(id);
    if (element !== null) {
      pendingFocus.current = null;
      element.focus();
    }
  });

  const write = (next: PeriodRow[]) => answer.onChange(next);
  const update = (index: number, patch: Partial<PeriodRow>) =>
    write(rows.map((row, candidate) => (candidate === index ? { ...row, ...patch } : row)));
  const add = () => {
    write([...rows, { code: '', from: nextPeriodStart(rows, context.today), to: '' }]);
    pendingFocus.current = fieldDomId(question.id, [rows.length, 'code']);
  };
  const remove = (index: number) => {
    const next = rows.filter((_, candidate) => candidate !== index);
    write(next);
    pendingFocus.current =
      next.length === 0
        ? addId
        : fieldDomId(question.id, [Math.min(index, next.length - 1), 'code']);
  };

  const rowElements = rows.map((row, index) => {
    const number = index + 1;
    const rowName = `period ${String(number)}`;
    const rowPart = tracker.part([index]);
    const codePart = tracker.part([index, 'code']);
    const fromPart = tracker.part([index, 'from']);
    const toPart = tracker.part([index, 'to']);
    const usedElsewhere = new Set(
      rows.filter((_, other) => other !== index).map((other) => other.code),
    );
    return (
      // Rows have no identity but their place; a removed row's fields are left (and saved) before it goes.
      <div key={index} id={rowPart.id} className="period-row period-row--free">
        <PartErrors id={rowPart.errorId ?? ''} errors={rowPart.errors} />
        <div className="period-row__dates">
          <div
            className={`select-field complex-kind__field${codePart.ariaInvalid ? ' select-field--error' : ''}`}
          >
            <label className="label complex-kind__field-label" htmlFor={codePart.id}>
              Andel
            </label>
            <div className="select-field__icon-wrapper">
              <select
                id={codePart.id}
                className="select-field__select"
                aria-label={`Andel, ${rowName}`}
                value={row.code}
                disabled={disabled}
                aria-invalid={codePart.ariaInvalid}
                aria-describedby={joinIds(codePart.errorId, rowPart.errorId)}
                onChange={(event) => update(index, { code: event.target.value })}
              >
                <option value="">Välj andel</option>
                {question.options.map((option) => (
                  <option
                    key={option.code}
                    value={option.code}
                    disabled={usedElsewhere.has(option.code) && option.code !== row.code}
                  >
                    {option.label}
                  </option>
                ))}
              </select>
            </div>
            <PartErrors id={codePart.errorId ?? ''} errors={codePart.errors} />
          </div>
          <DateField
            part={fromPart}
            label="Från och med"
            rowName={rowName}
            value={row.from === '' ? undefined : row.from}
            onChange={(date) => update(index, { from: date ?? '' })}
            today={context.today}
            disabled={disabled}
            hintId={hintId}
          />
          <DateField
            part={toPart}
            label="Till och med"
            rowName={rowName}
            value={row.to === '' ? undefined : row.to}
            onChange={(date) => update(index, { to: date ?? '' })}
            today={context.today}
            base={isIsoDate(row.from) ? row.from : undefined}
            mode="periodEnd"
            disabled={disabled}
            hintId={endHintId}
          />
          <div className="period-row__remove">
            <button
              type="button"
              className="button button--tertiary button--small"
              disabled={disabled}
              onClick={() => remove(index)}
            >
              Ta bort period {number}
            </button>
          </div>
        </div>
      </div>
    );
  });

  return (
    <div className="complex-kind periods" ref={rootRef}>
      <Hint id={hintId}>{dateHintText(context.today, question)}</Hint>
      <p id={endHintId} className="sr-only">
        {PERIOD_END_HINT}
      </p>
      {rows.length === 0 && <p className="complex-kind__empty">Ingen period är angiven.</p>}
      <div className="periods__rows">{rowElements}</div>
      <button
        id={addId}
        type="button"
        className="button button--secondary button--small periods__add"
        disabled={disabled}
        onClick={add}
      >
        Lägg till period
      </button>
      <PeriodTotal rows={rows} />
      <LeftoverErrors id={`${controlId}-other-errors`} errors={tracker.leftover()} />
    </div>
  );
}

export function PeriodsWithSharesView({ question, value }: ViewProps<'periodsWithShares'>) {
  return <PeriodsView options={question.options} value={value} />;
}
