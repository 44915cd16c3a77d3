import type { ReactNode } from 'react';
import './sticky-action-bar.css';

type Props = {
  /** The region's name, said by screen readers and listed among the page's landmarks. */
  label: string;
  children: ReactNode;
};

/**
 * A page's primary action (sign, send), in reach wherever the page is scrolled: the bar sticks
 * to the bottom of the window while its page runs on below, and rests at the page's end, so it
 * never covers the last of the content. Put it last in the element it belongs to (it sticks
 * within it). Hidden in print.
 */
export function StickyActionBar({ label, children }: Props) {
  return (
    <div className="sticky-action-bar" role="region" aria-label={label}>
      {children}
    </div>
  );
}
