/** A polite "loading" status: visible text and announced to screen readers. */
export function Loading({ label = 'Laddar…' }: { label?: string }) {
  return (
    <p className="loading-text" role="status">
      {label}
    </p>
  );
}
