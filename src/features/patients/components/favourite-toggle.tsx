import { useState } from 'react';
import type { CertificateTypeEntry } from '../../../contracts/certificates';

/**
 * The star on a type in the catalogue: a toggle button (aria-pressed) named after the type,
 * its state shown by a filled or an empty star and read out as pressed or not.
 */
export function FavouriteToggle({
  name,
  pressed,
  onToggle,
}: {
  name: string;
  pressed: boolean;
  onToggle: (favourite: boolean) => void;
}) {
  return (
    <button
      type="button"
      className="favourite-toggle"
      aria-pressed={pressed}
      aria-label={`Favorit: ${name}`}
      onClick={() => onToggle(!pressed)}
    >
      <span aria-hidden="true">{pressed ? '★' : '☆'}</span>
    </button>
  );
}

/**
 * The catalogue in the order it had when this visit of the page first read it (the backend
 * puts the favourites first). A star set or cleared during the visit does not move the type:
 * a list that rearranges itself under the pointer and the keyboard focus, and takes a screen
 * reader's place in it along, is harder to use than one that is reordered on the next visit.
 */
export function useVisitOrder(
  types: readonly CertificateTypeEntry[] | undefined,
): readonly CertificateTypeEntry[] {
  const [order, setOrder] = useState<readonly string[] | undefined>(undefined);
  if (types === undefined) return [];
  if (order === undefined) {
    setOrder(types.map((entry) => entry.type));
    return types;
  }
  const position = (entry: CertificateTypeEntry) => {
    const index = order.indexOf(entry.type);
    return index === -1 ? order.length : index;
  };
  return [...types].sort((a, b) => position(a) - position(b));
}
