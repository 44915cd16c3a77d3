type Props = {
  confirmLabel: string;
  /** What the confirm button says while the action runs; it is disabled meanwhile. */
  busyLabel: string;
  busy: boolean;
  onConfirm: () => void;
  cancelLabel?: string;
  onCancel: () => void;
};

/** A dialog's footer: the primary action, and a way out. */
export function DialogActions({
  confirmLabel,
  busyLabel,
  busy,
  onConfirm,
  cancelLabel = 'Avbryt',
  onCancel,
}: Props) {
  return (
    <>
      <button type="button" className="button button--primary" disabled={busy} onClick={onConfirm}>
        {busy ? busyLabel : confirmLabel}
      </button>
      {/* The choice that changes nothing: a dialog with `focusSafeChoice` opens on it. */}
      <button
        type="button"
        className="button button--secondary"
        data-safe-choice
        onClick={onCancel}
      >
        {cancelLabel}
      </button>
    </>
  );
}
