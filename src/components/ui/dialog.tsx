import { useEffect, useId, useRef, type ReactNode } from 'react';

type Props = {
  open: boolean;
  title: string;
  /** 'alertdialog' for dialogs that interrupt with something urgent. */
  role?: 'dialog' | 'alertdialog';
  onClose: () => void;
  children: ReactNode;
  footer: ReactNode;
  /**
   * For an action that cannot be undone (send, revoke, delete): the dialog opens with focus on
   * the choice that changes nothing (DialogActions' cancel button), so that an Enter pressed
   * by habit does no harm.
   */
  focusSafeChoice?: boolean;
};

/**
 * A modal dialog on the native <dialog> element: the browser traps focus, Escape closes,
 * and focus returns to where it was when the dialog closes.
 */
export function Dialog({
  open,
  title,
  role = 'dialog',
  onClose,
  children,
  footer,
  focusSafeChoice = false,
}: Props) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useEffect(() => {
    const dialog = ref.current;
    if (dialog === null) return;
    if (open && !dialog.open) {
      const opener = document.activeElement;
      dialog.showModal();
      if (focusSafeChoice) dialog.querySelector<HTMLElement>('[data-safe-choice]')?.focus();
      return () => {
        if (dialog.open) dialog.close();
        if (opener instanceof HTMLElement) opener.focus();
      };
    }
    return undefined;
  }, [open, focusSafeChoice]);

  return (
    <dialog
      ref={ref}
      className="app-dialog"
      role={role}
      aria-labelledby={titleId}
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
    >
      <div className="modal__dialog-inner">
        <h2 className="modal__title" id={titleId}>
          {title}
        </h2>
        <div className="modal__content">{children}</div>
        <div className="modal__footer button-group">{footer}</div>
      </div>
    </dialog>
  );
}
