import type { Locator } from '@playwright/test';
import { expect } from './fixtures';

/**
 * Steps for text Försäkringskassan can receive (src/form-engine/fk-text.ts), reusable in any
 * journey: what a word processor leaves in a text, what the field makes of it, and the notice.
 */

/** Typographic quotes, a dash and an emoji, as pasted from a word processor or a phone. */
export const WORD_PROCESSOR_TEXT = '”Citat” – test 😀';
/** What the field keeps of it. */
export const CLEANED_TEXT = '"Citat" - test';
/** The field's notice of what changed. */
export const CLEANED_NOTICE =
  'Tecken som Försäkringskassan inte kan ta emot har ändrats: ” blev ", – blev -, 😀 togs bort.';

/**
 * Replaces the field's text with `text` as a paste does: one insertion of the whole text at
 * the caret (Playwright's insertText, the input event a paste makes).
 */
export async function pasteInto(field: Locator, text: string): Promise<void> {
  await field.click();
  await field.press('ControlOrMeta+a');
  await field.page().keyboard.insertText(text);
}

/** Pastes the word processor's text and checks what the field holds and says. */
export async function pasteWordProcessorText(field: Locator): Promise<void> {
  await pasteInto(field, WORD_PROCESSOR_TEXT);
  await expect(field).toHaveValue(CLEANED_TEXT);
  await expect(field.page().getByText(CLEANED_NOTICE)).toBeVisible();
}
