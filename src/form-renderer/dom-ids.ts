import type { IssuePath } from '../form-engine';

/**
 * The DOM id of a question's control, or of a part of it (row 2's end: ['1', 'to']). `prefix`
 * is the form instance's (FormRuntime.idPrefix), so two forms on one page never share an id.
 */
export function fieldDomId(prefix: string, questionId: string, path: IssuePath = []): string {
  return [`${prefix}q`, questionId, ...path.map(String)].join('-');
}

/** The id of a form instance's root element, which holds all of its questions. */
export function formRootId(prefix: string): string {
  return `${prefix}form`;
}

const focusable =
  'input:not([disabled]), select:not([disabled]), textarea:not([disabled]), button:not([disabled])';

/**
 * Moves focus to the control an error points at, in the form with this prefix: the exact
 * part when it exists, else the nearest enclosing part, else the question's first control.
 * Returns whether it moved.
 */
export function focusField(prefix: string, questionId: string, path: IssuePath = []): boolean {
  for (let length = path.length; length >= 0; length -= 1) {
    const element = document.getElementById(fieldDomId(prefix, questionId, path.slice(0, length)));
    const target = element?.matches(focusable)
      ? element
      : element?.querySelector<HTMLElement>(focusable);
    if (target) {
      target.focus();
      return true;
    }
  }
  const wrapper = document
    .getElementById(formRootId(prefix))
    ?.querySelector(`[data-question-id="${CSS.escape(questionId)}"]`);
  const first = wrapper?.querySelector<HTMLElement>(focusable);
  if (!first) return false;
  first.focus();
  return true;
}
