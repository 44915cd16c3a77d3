import type { IssuePath } from '../form-engine';

/** The DOM id of a question's control, or of a part of it (row 2's end: ['1', 'to']). */
export function fieldDomId(questionId: string, path: IssuePath = []): string {
  return ['q', questionId, ...path.map(String)].join('-');
}

const focusable =
  'input:not([disabled]), select:not([disabled]), textarea:not([disabled]), button:not([disabled])';

/**
 * Moves focus to the control an error points at: the exact part when it exists, else the
 * nearest enclosing part, else the question's first control. Returns whether it moved.
 */
export function focusField(questionId: string, path: IssuePath = []): boolean {
  for (let length = path.length; length >= 0; length -= 1) {
    const element = document.getElementById(fieldDomId(questionId, path.slice(0, length)));
    const target = element?.matches(focusable)
      ? element
      : element?.querySelector<HTMLElement>(focusable);
    if (target) {
      target.focus();
      return true;
    }
  }
  const wrapper = document.querySelector(`[data-question-id="${CSS.escape(questionId)}"]`);
  const first = wrapper?.querySelector<HTMLElement>(focusable);
  if (!first) return false;
  first.focus();
  return true;
}
