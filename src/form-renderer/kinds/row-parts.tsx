import {
  useEffect,
  useRef,
  useState,
  type ChangeEvent,
  type ReactNode,
  type RefObject,
} from 'react';
import type { z } from 'zod';
import type { IssuePath, QuestionError } from '../../form-engine';
import { fieldDomId } from '../dom-ids';
import { FkTextNotice, useFkTextInput } from '../fk-text-input';
import { useFormRuntime } from '../form-context';
import type { EditProps } from '../types';
import { joinIds } from './aria';
import { OptionItems } from './choice';
import { errorsAt, PartErrors } from './field-errors';
import { useAnswer } from './use-answer';
import './complex-kinds.css';

// Helpers shared by the row kinds (checkboxDates, periods, diagnoses, investigations).

/** One part of a question (a row's date, a row's code): its DOM id, its errors and their id. */
export interface Part {
  id: string;
  errors: QuestionError[];
  /** Id of the part's error text, when it has errors. */
  errorId: string | undefined;
  /** aria-invalid for the part's control. */
  ariaInvalid: true | undefined;
  /** The part's control was left: its invalid value (not a missing one) is said at once. */
  leave?: (() => void) | undefined;
}

/** Parts the user has left, by path, and every error of the question now, shown or not. */
interface LeftParts {
  left: ReadonlySet<string>;
  liveErrors: readonly QuestionError[];
  leave: (key: string) => void;
}

const pathKey = (path: IssuePath) => path.join('.');

/**
 * Collects the errors a kind places at its parts, so that errors at a path it does not render
 * (a row with an unknown code, a duplicate) can still be shown under the question.
 */
export class PartTracker {
  private readonly placed = new Set<QuestionError>();

  constructor(
    private readonly idPrefix: string,
    private readonly questionId: string,
    private readonly errors: readonly QuestionError[],
    private readonly invalid: boolean,
    private readonly leftParts?: LeftParts,
  ) {}

  /**
   * The part at `path`; `id` overrides the DOM id (parts that have no row yet). Its errors
   * are shown once the question is left (or on request); an invalid value (an impossible
   * date, an end before its start) already once the part itself is left, as a date question's.
   */
  part(path: IssuePath, id: string = fieldDomId(this.idPrefix, this.questionId, path)): Part {
    const key = pathKey(path);
    const shown = errorsAt(this.errors, path);
    const early =
      shown.length === 0 && this.leftParts?.left.has(key) === true
        ? errorsAt(this.leftParts.liveErrors, path).filter((error) => error.kind === 'invalid')
        : [];
    const errors = shown.length > 0 ? shown : early;
    for (const error of errors) this.placed.add(error);
    const leftParts = this.leftParts;
    return {
      id,
      errors,
      errorId: errors.length > 0 ? `${id}-error` : undefined,
      ariaInvalid: (this.invalid || early.length > 0) && errors.length > 0 ? true : undefined,
      leave: leftParts === undefined ? undefined : () => leftParts.leave(key),
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

/**
 * A ref for a kind's root that calls `onLeave` (the field's onBlur, which marks the question
 * touched) when focus leaves the question's controls, not when it moves between them, so a
 * row's errors do not show while the user is still filling it in.
 */
function useLeaveGroup<T extends HTMLElement>(onLeave: () => void): RefObject<T | null> {
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

/** Does nothing: a control's own blur; the kind's root tells the form when the question is left. */
export function ignoreBlur(): void {
  // The root's leave handler (useLeaveGroup) marks the question touched.
}

/** The id of a row kind's hint, which its date fields point at. */
export function hintIdOf(controlId: string): string {
  return `${controlId}-hint`;
}

/**
 * What every row kind starts with: its rows from the answer, a tracker for the errors its
 * parts show, and what its root (RowKindRoot) needs.
 */
export function useRowKind<Row>(
  props: Pick<
    EditProps<'diagnoses'>,
    'name' | 'controlId' | 'errors' | 'liveErrors' | 'invalid'
  > & {
    question: { id: string };
  },
  schema: z.ZodType<Row[]>,
) {
  const answer = useAnswer(props.name, schema);
  const { idPrefix } = useFormRuntime();
  const [left, setLeft] = useState<ReadonlySet<string>>(() => new Set());
  const tracker = new PartTracker(idPrefix, props.question.id, props.errors, props.invalid, {
    left,
    liveErrors: props.liveErrors,
    leave: (key) => setLeft((current) => (current.has(key) ? current : new Set([...current, key]))),
  });
  const root: RowKindRootWiring = { controlId: props.controlId, tracker, onLeave: answer.onBlur };
  return { answer, rows: answer.value ?? [], tracker, hintId: hintIdOf(props.controlId), root };
}

/** Trailing empty rows are not kept. */
export function withoutTrailingEmpty<Row>(rows: readonly Row[], isEmpty: (row: Row) => boolean) {
  return rows.slice(0, rows.findLastIndex((row) => !isEmpty(row)) + 1);
}

/** The rows with row `index` changed by `change`; empty rows are added up to it. */
export function changeRow<Row>(
  rows: readonly Row[],
  index: number,
  emptyRow: () => Row,
  change: (row: Row) => Row,
): Row[] {
  const next = [...rows];
  while (next.length <= index) next.push(emptyRow());
  next[index] = change(next[index] ?? emptyRow());
  return next;
}

/**
 * One row per ticked option, in the definition's order: `change` gives each option's row from
 * its current one, undefined when unticked (rows of unknown codes are dropped).
 */
export function rowsByOption<Row extends { code: string }>(
  options: readonly { code: string }[],
  rows: readonly Row[],
  change: (code: string, row: Row | undefined) => Row | undefined,
): Row[] {
  return options.flatMap((option) => {
    const row = change(
      option.code,
      rows.find((candidate) => candidate.code === option.code),
    );
    return row === undefined ? [] : [row];
  });
}

export const isBlank = (text: string) => text.trim() === '';

/** A hint paragraph with an id for aria-describedby. */
function Hint({ id, children }: { id: string; children: ReactNode }) {
  return (
    <p id={id} className="complex-kind__hint">
      {children}
    </p>
  );
}

/** Errors no part showed, under the rows. */
function LeftoverErrors({ id, errors }: { id: string; errors: readonly QuestionError[] }) {
  if (errors.length === 0) return null;
  return (
    <div className="complex-kind__leftover">
      <PartErrors id={id} errors={errors} />
    </div>
  );
}

/** What a row kind's root needs from useRowKind. */
export interface RowKindRootWiring {
  controlId: string;
  tracker: PartTracker;
  /** The field's onBlur, which marks the question touched: called when focus leaves the root. */
  onLeave: () => void;
}

/**
 * A row kind's root: the hint first, the rows, and the errors no part showed last. The rows
 * (children) are made, and their parts taken from the tracker, before the root renders.
 * Focus leaving the root, not moving within it, marks the question touched.
 */
export function RowKindRoot({
  root,
  className,
  hint,
  children,
}: {
  root: RowKindRootWiring;
  /** The kind's class, after "complex-kind". */
  className: string;
  hint: ReactNode;
  children: ReactNode;
}) {
  const ref = useLeaveGroup<HTMLDivElement>(root.onLeave);
  return (
    <div className={`complex-kind ${className}`} ref={ref}>
      <Hint id={hintIdOf(root.controlId)}>{hint}</Hint>
      {children}
      <LeftoverErrors id={`${root.controlId}-other-errors`} errors={root.tracker.leftover()} />
    </div>
  );
}

type PartFieldProps = {
  part: Part;
  /** The FKUI field the control is styled as. */
  field: 'text' | 'select';
  /** Classes after the FKUI field's, e.g. "complex-kind__field diagnosis-row__code". */
  className: string;
  /** The visible label; none when the control is named by its aria-label alone. */
  label?: string | undefined;
  /** The control. */
  children: ReactNode;
  /** Shown after the part's errors (e.g. a look-up's own message). */
  after?: ReactNode;
};

/** One part's field: its label, its control and its errors, marked when the part has errors. */
export function PartField({ part, field, className, label, children, after }: PartFieldProps) {
  return (
    <div
      className={`${field}-field ${className}${part.ariaInvalid ? ` ${field}-field--error` : ''}`}
    >
      {label !== undefined && (
        <label className="label complex-kind__field-label" htmlFor={part.id}>
          {label}
        </label>
      )}
      {children}
      <PartErrors id={part.errorId ?? ''} errors={part.errors} />
      {after}
    </div>
  );
}

type RowFieldProps = {
  part: Part;
  /** Visible label; screen readers read it with the row: "<label>, <rowName>". */
  label: string;
  rowName: string;
  /** Classes of the field, after the FKUI field's. */
  className: string;
  value: string;
  disabled: boolean;
  /** Ids read after the part's errors. */
  describedBy: string | undefined;
  /** aria-invalid of the control, when more than the part's own errors mark it. */
  invalid?: true | undefined;
  onChange: (value: string) => void;
  /** The control lost focus. */
  onBlur?: (() => void) | undefined;
  /** A select among these options; without it, a text input. */
  select?: {
    placeholder: string;
    options: readonly { code: string; label: string }[];
    isDisabled?: (code: string) => boolean;
  };
  /** Shown under the control (e.g. a character counter). */
  children?: ReactNode;
};

/**
 * A row's text input or select, labelled and with its part's errors. A text is cleaned to text
 * FK can receive as it is typed or pasted, with a notice of what changed.
 */
export function RowField({
  part,
  label,
  rowName,
  className,
  value,
  disabled,
  describedBy,
  invalid = part.ariaInvalid,
  onChange,
  onBlur,
  select,
  children,
}: RowFieldProps) {
  const fkText = useFkTextInput();
  const control = {
    id: part.id,
    'aria-label': `${label}, ${rowName}`,
    value,
    disabled,
    'aria-invalid': invalid,
    'aria-describedby': joinIds(part.errorId, describedBy),
    onChange: (event: ChangeEvent<HTMLInputElement | HTMLSelectElement>) =>
      onChange(
        event.currentTarget instanceof HTMLInputElement
          ? fkText.clean(event.currentTarget)
          : event.currentTarget.value,
      ),
    onBlur,
    onFocus: fkText.clear,
  };
  return (
    <PartField
      part={part}
      field={select === undefined ? 'text' : 'select'}
      className={className}
      label={label}
    >
      {select === undefined ? (
        <div className="text-field__input-wrapper">
          <input {...control} className="text-field__input" type="text" />
        </div>
      ) : (
        <div className="select-field__icon-wrapper">
          <select {...control} className="select-field__select">
            <OptionItems {...select} />
          </select>
        </div>
      )}
      {children}
      {select === undefined && <FkTextNotice notice={fkText.notice} />}
    </PartField>
  );
}
