import { investigationsValueSchema, type InvestigationRow } from '../../form-engine';
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
import { NotAnswered } from './not-answered';
import { TextCounter } from './text';
import { useAnswer } from './use-answer';
import './complex-kinds.css';

export const DEFAULT_COLUMN_LABELS = {
  type: 'Ange utredning eller underlag',
  date: 'Datum',
  source:
    'Från vilken vårdgivare kan Försäkringskassan hämta information om utredningen/underlaget?',
};

const emptyRow = (): InvestigationRow => ({ type: '', date: '', source: '' });
const isBlank = (text: string) => text.trim() === '';
const isRowEmpty = (row: InvestigationRow) =>
  isBlank(row.type) && isBlank(row.date) && isBlank(row.source);

/** Rows shown: row 1 always, each row that holds something, and the row after the last one that does. */
function visibleRowCount(rows: readonly InvestigationRow[], maxRows: number): number {
  const lastFilled = rows.findLastIndex((row) => !isRowEmpty(row));
  return Math.min(Math.max(1, lastFilled + 2), maxRows);
}

/** FK 7800/7801/7809 "Utredningar": rows of type, date and where FK can get the investigation. */
export function InvestigationsEdit({
  question,
  name,
  controlId,
  disabled,
  invalid,
  errors,
  context,
}: EditProps<'investigations'>) {
  const answer = useAnswer(name, investigationsValueSchema);
  const rootRef = useLeaveGroup<HTMLDivElement>(answer.onBlur);
  const rows = answer.value ?? [];
  const tracker = new PartTracker(question.id, errors, invalid);
  const labels = question.columnLabels ?? DEFAULT_COLUMN_LABELS;
  const hintId = `${controlId}-hint`;

  const update = (index: number, patch: Partial<InvestigationRow>) => {
    const next = [...rows];
    while (next.length <= index) next.push(emptyRow());
    next[index] = { ...(next[index] ?? emptyRow()), ...patch };
    // Trailing empty rows are not kept.
    const trimmed = next.slice(0, next.findLastIndex((row) => !isRowEmpty(row)) + 1);
    answer.onChange(trimmed);
  };

  const count = visibleRowCount(rows, question.maxRows);
  const rowElements = Array.from({ length: count }, (_, index) => {
    const row = rows[index] ?? emptyRow();
    const rowName = `rad ${String(index + 1)}`;
    const rowPart = tracker.part([index]);
    const typePart = tracker.part([index, 'type']);
    const datePart = tracker.part([index, 'date']);
    const sourcePart = tracker.part([index, 'source']);
    const counterId =
      question.sourceMaxLength !== undefined ? `${sourcePart.id}-counter` : undefined;
    return (
      <div key={index} id={rowPart.id} className="investigation-row">
        <p className="investigation-row__label" aria-hidden="true">
          Utredning {index + 1}
        </p>
        <PartErrors id={rowPart.errorId ?? ''} errors={rowPart.errors} />
        <div className="investigation-row__fields">
          <div
            className={`select-field complex-kind__field investigation-row__type${typePart.ariaInvalid ? ' select-field--error' : ''}`}
          >
            <label className="label complex-kind__field-label" htmlFor={typePart.id}>
              {labels.type}
            </label>
            <div className="select-field__icon-wrapper">
              <select
                id={typePart.id}
                className="select-field__select"
                aria-label={`${labels.type}, ${rowName}`}
                value={row.type}
                disabled={disabled}
                aria-invalid={typePart.ariaInvalid ?? rowPart.ariaInvalid}
                aria-describedby={joinIds(typePart.errorId, rowPart.errorId)}
                onChange={(event) => update(index, { type: event.target.value })}
              >
                <option value="">Välj i listan</option>
                {question.options.map((option) => (
                  <option key={option.code} value={option.code}>
                    {option.label}
                  </option>
                ))}
              </select>
            </div>
            <PartErrors id={typePart.errorId ?? ''} errors={typePart.errors} />
          </div>
          <DateField
            part={datePart}
            label={labels.date}
            rowName={rowName}
            value={row.date === '' ? undefined : row.date}
            onChange={(date) => update(index, { date: date ?? '' })}
            today={context.today}
            disabled={disabled}
            hintId={hintId}
          />
          <div
            className={`text-field complex-kind__field investigation-row__source${sourcePart.ariaInvalid ? ' text-field--error' : ''}`}
          >
            <label className="label complex-kind__field-label" htmlFor={sourcePart.id}>
              {labels.source}
            </label>
            <div className="text-field__input-wrapper">
              <input
                id={sourcePart.id}
                className="text-field__input"
                type="text"
                aria-label={`${labels.source}, ${rowName}`}
                value={row.source}
                disabled={disabled}
                aria-invalid={sourcePart.ariaInvalid}
                aria-describedby={joinIds(sourcePart.errorId, counterId)}
                onChange={(event) => update(index, { source: event.target.value })}
              />
            </div>
            {counterId !== undefined && question.sourceMaxLength !== undefined && (
              <TextCounter
                id={counterId}
                length={row.source.length}
                max={question.sourceMaxLength}
              />
            )}
            <PartErrors id={sourcePart.errorId ?? ''} errors={sourcePart.errors} />
          </div>
        </div>
      </div>
    );
  });

  return (
    <div className="complex-kind investigations" ref={rootRef}>
      <Hint id={hintId}>{dateHintText(context.today, question)}</Hint>
      {rowElements}
      <LeftoverErrors id={`${controlId}-other-errors`} errors={tracker.leftover()} />
    </div>
  );
}

export function InvestigationsView({ question, value }: ViewProps<'investigations'>) {
  const parsed = investigationsValueSchema.safeParse(value);
  const rows = parsed.success ? parsed.data.filter((row) => !isRowEmpty(row)) : [];
  if (rows.length === 0) return <NotAnswered />;
  const labels = question.columnLabels ?? DEFAULT_COLUMN_LABELS;
  const labelOf = (code: string) =>
    question.options.find((option) => option.code === code)?.label ?? code;
  return (
    <ul className="answer-view answer-view--list answer-view--investigations">
      {rows.map((row, index) => (
        <li key={`${row.type}-${String(index)}`}>
          <span className="answer-view__title">
            {row.type === '' ? 'Ej angivet' : labelOf(row.type)}
          </span>
          <span className="answer-view__detail">
            {labels.date}: {row.date === '' ? 'Ej angivet' : row.date}
          </span>
          <span className="answer-view__detail">
            {labels.source}: {row.source.trim() === '' ? 'Ej angivet' : row.source}
          </span>
        </li>
      ))}
    </ul>
  );
}
