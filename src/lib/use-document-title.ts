import { useEffect } from 'react';

/** Sets the tab's title, so every page is named for screen readers and history. */
export function useDocumentTitle(title: string): void {
  useEffect(() => {
    document.title = `${title} – Intyga`;
  }, [title]);
}
