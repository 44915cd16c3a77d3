import { useEffect, useRef } from 'react';
import { nextPeriodStart, periodListValueSchema, type PeriodRow } from '../../form-engine';
import { fieldDomId } from '../dom-ids';
import { useFormRuntime } from '../form-context';
import type { EditProps, ViewProps } from '../types';
import { PartErrors } from './field-errors';
import { PeriodDates, PeriodsRoot, PeriodsView } from './periods';
import { RowField, useRowKind } from './row-parts';

/** FK 7472: periods the user adds, each with a share of the ordinary care time. */
export function PeriodsWithSharesEdit(props: EditProps<'periodsWithShares'>) {
  const { question, controlId, disabled, context } = props;
  const { answer, rows, tracker, root } = useRowKind(props, periodListValueSchema);
  const { idPrefix } = useFormRuntime();
  const previous = context.previousPeriods?.[question.id];
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
    write([...rows, { code: '', from: nextPeriodStart(rows, context.today, previous), to: '' }]);
    pendingFocus.current = fieldDomId(idPrefix, question.id, [rows.length, 'code']);
  };
  const remove = (index: number) => {
    const next = rows.filter((_, candidate) => candidate !== index);
    write(next);
    pendingFocus.current =
      next.length === 0
        ? addId
        : fieldDomId(idPrefix, question.id, [Math.min(index, next.length - 1), 'code']);
  };

  const rowElements = rows.map((row, index) => {
    const number = index + 1;
    const rowName = `period ${String(number)}`;
    const rowPart = tracker.part([index]);
    const usedElsewhere = new Set(
      rows.filter((_, other) => other !== index).map((other) => other.code),
    );
    return (
      // Rows have no identity but their place; a removed row's fields are left (and saved) before it goes.
      <div key={index} id={rowPart.id} className="period-row period-row--free">
        <PartErrors id={rowPart.errorId ?? ''} errors={rowPart.errors} />
        <div className="period-row__dates">
          <RowField
            part={tracker.part([index, 'code'])}
            label={question.shareLabel ?? 'Andel'}
            rowName={rowName}
            className="complex-kind__field"
            value={row.code}
            disabled={disabled}
            describedBy={rowPart.errorId}
            onChange={(code) => update(index, { code })}
            select={{
              placeholder: 'Välj andel',
              options: question.options,
              isDisabled: (code) => usedElsewhere.has(code) && code !== row.code,
            }}
          />
          <PeriodDates
            controlId={controlId}
            from={tracker.part([index, 'from'])}
            to={tracker.part([index, 'to'])}
            row={row}
            rowName={rowName}
            onChange={(field, date) => update(index, { [field]: date })}
            today={context.today}
            disabled={disabled}
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
    <PeriodsRoot
      root={root}
      today={context.today}
      limits={question}
      rows={rows}
      options={question.options}
      previous={previous}
    >
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
    </PeriodsRoot>
  );
}

export function PeriodsWithSharesView({ question, value }: ViewProps<'periodsWithShares'>) {
  return <PeriodsView options={question.options} value={value} shareLabel={question.shareLabel} />;
}
