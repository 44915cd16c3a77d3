import type { AnswerKind } from '../../form-engine';
import type { EditProps } from '../types';

/** Joins ids for aria-describedby, leaving out missing and empty ones; undefined when there is none. */
export function joinIds(...ids: Array<string | undefined>): string | undefined {
  return ids.filter((id) => id !== undefined && id !== '').join(' ') || undefined;
}

/** What a kind's main control takes from its question's field. */
export type FieldState = Pick<
  EditProps<AnswerKind>,
  'controlId' | 'describedBy' | 'required' | 'disabled' | 'invalid'
>;

/**
 * The id, state and aria attributes of a single-control kind's control; `describedBy` are
 * read after the question's own descriptions.
 */
export function controlAttributes(field: FieldState, ...describedBy: Array<string | undefined>) {
  return {
    id: field.controlId,
    disabled: field.disabled,
    required: field.required,
    'aria-invalid': field.invalid ? true : undefined,
    'aria-describedby': joinIds(field.describedBy, ...describedBy),
  };
}
