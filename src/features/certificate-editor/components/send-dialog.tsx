import { useState } from 'react';
import type { Notice } from '../../../form-engine';
import { NoticeList } from '../../../form-renderer';
import { Dialog } from '../../../components/ui/dialog';
import { DialogActions } from '../../../components/ui/dialog-actions';
import { MessageBox } from '../../../components/ui/message-box';

type Props = {
  open: boolean;
  kindWord: 'intyget' | 'utlåtandet';
  notices: readonly Notice[];
  send: () => Promise<void>;
  onClose: () => void;
};

/** Sending to FK, with the notices that belong to sending (FK 7804's short-period text). */
export function SendDialog({ open, kindWord, notices, send, onClose }: Props) {
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | undefined>(undefined);
  const confirm = async () => {
    setBusy(true);
    setFailure(undefined);
    try {
      await send();
    } catch (error) {
      setFailure(error instanceof Error ? error.message : 'Det gick inte att skicka.');
    } finally {
      setBusy(false);
    }
  };
  return (
    <Dialog
      open={open}
      title="Skicka till Försäkringskassan"
      onClose={onClose}
      focusSafeChoice
      footer={
        <DialogActions
          confirmLabel="Skicka"
          busyLabel="Skickar…"
          busy={busy}
          onConfirm={() => void confirm()}
          onCancel={onClose}
        />
      }
    >
      {failure !== undefined && (
        <MessageBox
          variant="error"
          heading="Det gick inte att skicka"
          headingLevel={3}
          live="alert"
        >
          <p>{failure}</p>
        </MessageBox>
      )}
      <NoticeList notices={notices} />
      <p>
        Om du går vidare skickas {kindWord} elektroniskt till Försäkringskassan. Det ska göras i
        samråd med patienten.
      </p>
    </Dialog>
  );
}
