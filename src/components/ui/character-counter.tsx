import { useDeferredValue } from 'react';
import { characterCountText, charactersLeftText } from '../../language/swedish';
import './character-counter.css';

/**
 * A text's character counter, the one wording of the product: "123 av 4 000 tecken" on screen,
 * and "123 av 4 000 tecken – 3 tecken för mycket" in words (not only in red) past the limit.
 * Screen readers hear "12 tecken kvar" (or "3 tecken för mycket") once the limit is near, not
 * with every keystroke. Give its id to the text's aria-describedby.
 */
export function CharacterCounter({ id, length, max }: { id: string; length: number; max: number }) {
  // Shown a moment after the keystroke, not as part of it: typing stays quick.
  const shown = useDeferredValue(length);
  const left = max - shown;
  const over = left < 0;
  const near = left <= Math.max(10, Math.round(max * 0.05));
  return (
    <p id={id} className={`character-counter${over ? ' character-counter--over' : ''}`}>
      <span aria-hidden="true">
        {characterCountText(shown, max)}
        {over ? ' – ' : ''}
      </span>
      <span className={over ? undefined : 'sr-only'} aria-live="polite">
        {near ? charactersLeftText(shown, max) : ''}
      </span>
    </p>
  );
}
