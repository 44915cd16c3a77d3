import { investigationsValueSchema, type InvestigationRow } from '../../form-engine';
import type { EditProps, ViewProps } from '../types';
import { optionLabel } from './choice';
import { DateField, dateHintText } from './date-field';
import { PartErrors } from './field-errors';
import { NOT_GIVEN, NotAnswered, orNotGiven } from './not-answered';
import {
  changeRow,
  isBlank,
  RowKindRoot,
  RowField,
  useRowKind,
  withoutTrailingEmpty,
} from './row-parts';
import { counterIdOf, TextCounter } from './text-box';

export const DEFAULT_COLUMN_LABELS = {
  type: 'Ange utredning eller underlag',
  date: 'Datum',
  source:
    'Från vilken vårdgivare kan Försäkringskassan hämta information om utredningen/underlaget?',
};

const emptyRow = (): InvestigationRow => ({ type: '', date: '', source: '' });
const isRowEmpty = (row: InvestigationRow) =>
  isBlank(row.type) && isBlank(row.date) && isBlank(row.source);

/** Rows shown: row 1 always, each row that holds something, and the row after the last one that does. */
function visibleRowCount(rows: readonly InvestigationRow[], maxRows: number): number {
  const lastFilled = rows.findLastIndex((row) => !isRowEmpty(row));
  return Math.min(Math.max(1, lastFilled + 2), maxRows);
}

/** FK 7800/7801/7809 "Utredningar": rows of type, date and where FK can get the investigation. */
export function InvestigationsEdit(props: EditProps<'investigations'>) {
  const { question, disabled, context } = props;
  const { answer, rows, tracker, hintId, root } = useRowKind(props, investigationsValueSchema);
  const labels = question.columnLabels ?? DEFAULT_COLUMN_LABELS;

  const update = (index: number, patch: Partial<InvestigationRow>) =>
    answer.onChange(
      withoutTrailingEmpty(
        changeRow(rows, index, emptyRow, (row) => ({ ...row, ...patch })),
        isRowEmpty,
      ),
    );

  const count = visibleRowCount(rows, question.maxRows);
  const rowElements = Array.from({ length: count }, (_, index) => {
    const row = rows[index] ?? emptyRow();
    const rowName = `rad ${String(index + 1)}`;
    const rowPart = tracker.part([index]);
    const typePart = tracker.part([index, 'type']);
    const datePart = tracker.part([index, 'date']);
    const sourcePart = tracker.part([index, 'source']);
    const counterId = counterIdOf(sourcePart.id, question.sourceMaxLength);
    return (
      <div key={index} id={rowPart.id} className="investigation-row">
        <p className="investigation-row__label" aria-hidden="true">
          Utredning {index + 1}
        </p>
        <PartErrors id={rowPart.errorId ?? ''} errors={rowPart.errors} />
        <div className="investigation-row__fields">
          <RowField
            part={typePart}
            label={labels.type}
            rowName={rowName}
            className="complex-kind__field investigation-row__type"
            value={row.type}
            disabled={disabled}
            invalid={typePart.ariaInvalid ?? rowPart.ariaInvalid}
            describedBy={rowPart.errorId}
            onChange={(type) => update(index, { type })}
            select={{ placeholder: 'Välj i listan', options: question.options }}
          />
          <DateField
            part={datePart}
            label={labels.date}
            rowName={rowName}
            value={row.date}
            onChange={(date) => update(index, { date })}
            today={context.today}
            disabled={disabled}
            hintId={hintId}
          />
          <RowField
            part={sourcePart}
            label={labels.source}
            rowName={rowName}
            className="complex-kind__field investigation-row__source"
            value={row.source}
            disabled={disabled}
            describedBy={counterId}
            onChange={(source) => update(index, { source })}
          >
            <TextCounter id={counterId} length={row.source.length} max={question.sourceMaxLength} />
          </RowField>
        </div>
      </div>
    );
  });

  return (
    <RowKindRoot
      root={root}
      className="investigations"
      hint={dateHintText(context.today, question)}
    >
      {rowElements}
    </RowKindRoot>
  );
}

export function InvestigationsView({ question, value }: ViewProps<'investigations'>) {
  const parsed = investigationsValueSchema.safeParse(value);
  const rows = parsed.success ? parsed.data.filter((row) => !isRowEmpty(row)) : [];
  if (rows.length === 0) return <NotAnswered />;
  const labels = question.columnLabels ?? DEFAULT_COLUMN_LABELS;
  return (
    <ul className="answer-view answer-view--list answer-view--investigations">
      {rows.map((row, index) => (
        <li key={`${row.type}-${String(index)}`}>
          <span className="answer-view__title">
            {row.type === '' ? NOT_GIVEN : optionLabel(question.options, row.type)}
          </span>
          <span className="answer-view__detail">
            {labels.date}: {orNotGiven(row.date)}
          </span>
          <span className="answer-view__detail">
            {labels.source}: {isBlank(row.source) ? NOT_GIVEN : row.source}
          </span>
        </li>
      ))}
    </ul>
  );
}
