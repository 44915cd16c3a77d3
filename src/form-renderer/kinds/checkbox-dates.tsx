import { useRef } from 'react';
import { checkboxDatesValueSchema, type CheckboxDateRow } from '../../form-engine';
import type { EditProps, ViewProps } from '../types';
import { Checkbox, optionLabel } from './choice';
import { DateField, dateHintText } from './date-field';
import { PartErrors } from './field-errors';
import { NotAnswered, orNotGiven } from './not-answered';
import { ignoreBlur, rowsByOption, RowKindRoot, useRowKind } from './row-parts';

// checkboxDates: "Intyget/utlåtandet är baserat på"

export function CheckboxDatesEdit(props: EditProps<'checkboxDates'>) {
  const { question, controlId, disabled, context } = props;
  const { answer, rows, tracker, hintId, root } = useRowKind(props, checkboxDatesValueSchema);
  // Dates of unticked options, restored when the option is ticked again.
  const remembered = useRef(new Map<string, string>());

  const write = (
    change: (code: string, row: CheckboxDateRow | undefined) => CheckboxDateRow | undefined,
  ) => answer.onChange(rowsByOption(question.options, rows, change));
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
  const setDate = (code: string, date: string) =>
    write((candidate, row) => (candidate === code ? { code, date } : row));

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
          <DateField
            part={datePart}
            label="Datum"
            rowName={option.label}
            labelHidden
            className="checkbox-dates__date"
            value={row.date}
            onChange={(date) => setDate(option.code, date)}
            today={context.today}
            disabled={disabled}
            hintId={hintId}
          />
        )}
      </div>
    );
  });

  return (
    <RowKindRoot
      root={root}
      className="checkbox-dates"
      hint={dateHintText(context.today, question)}
    >
      <div className="checkbox-group__content">{options}</div>
    </RowKindRoot>
  );
}

export function CheckboxDatesView({ question, value }: ViewProps<'checkboxDates'>) {
  const parsed = checkboxDatesValueSchema.safeParse(value);
  if (!parsed.success || parsed.data.length === 0) return <NotAnswered />;
  return (
    <ul className="answer-view answer-view--list">
      {parsed.data.map((row, index) => (
        <li key={`${row.code}-${String(index)}`}>
          {optionLabel(question.options, row.code)}{' '}
          <span className="answer-view__date">{orNotGiven(row.date)}</span>
        </li>
      ))}
    </ul>
  );
}
