import { useState } from 'react';
import {
  CANNOT_COMPLEMENT_TEXT_MAX,
  cannotComplementReasonLabels,
  cannotComplementReasonSchema,
  type CannotComplementReason,
  type Thread,
} from '../../../contracts/threads';
import { Dialog } from '../../../components/ui/dialog';
import { DialogActions } from '../../../components/ui/dialog-actions';
import { MessageBox } from '../../../components/ui/message-box';
import { RadioGroup } from '../../../components/ui/radio-group';
import { FkTextArea } from '../../../form-renderer';
import { isApiFailure } from '../../../lib/api-client';
import { cannotComplement } from '../api/threads';

type Props = {
  thread: Thread;
  /** The certificate's threads after the answer (every open request it handled). */
  onDone: (threads: Thread[]) => void;
  onClose: () => void;
};

/** What the text is called for each reason: a comment, or a message to FK. */
const textLabels: Record<CannotComplementReason, string> = {
  'no-further-medical-information': 'Kommentar',
  'no-one-responsible': 'Meddelande till Försäkringskassan',
};

const options = cannotComplementReasonSchema.options.map(
  (reason) => [reason, cannotComplementReasonLabels[reason]] as const,
);

/**
 * "Kan ej komplettera": the unit answers a complement request without a new certificate, for
 * one of the reference's two reasons, with a text that must carry no medical information.
 * It handles the request.
 */
export function CannotComplementDialog({ thread, onDone, onClose }: Props) {
  const [reason, setReason] = useState<CannotComplementReason | ''>('');
  const [text, setText] = useState('');
  const [errors, setErrors] = useState<{ reason?: string; text?: string; send?: string }>({});
  const [busy, setBusy] = useState(false);

  const send = async () => {
    const next = {
      ...(reason === '' ? { reason: 'Välj varför du inte kan komplettera.' } : {}),
      ...(text.trim() === ''
        ? {
            text:
              reason === 'no-one-responsible'
                ? 'Skriv ett meddelande till Försäkringskassan.'
                : 'Skriv en kommentar.',
          }
        : {}),
    };
    setErrors(next);
    if (reason === '' || next.text !== undefined) return;
    setBusy(true);
    try {
      const { threads } = await cannotComplement(thread.id, thread.version, reason, text);
      onDone(threads);
    } catch (failure) {
      setErrors({
        send: isApiFailure(failure) ? failure.message : 'Svaret kunde inte skickas. Försök igen.',
      });
      setBusy(false);
    }
  };

  return (
    <Dialog
      open
      title="Kan ej komplettera"
      onClose={onClose}
      focusSafeChoice
      footer={
        <DialogActions
          confirmLabel="Skicka svar"
          busyLabel="Skickar svaret…"
          busy={busy}
          onConfirm={() => void send()}
          onCancel={onClose}
        />
      }
    >
      <p>
        Svaret skickas till Försäkringskassan och gäller alla obesvarade kompletteringsbegäranden på
        intyget, som sedan är hanterade. Om du kan komplettera intyget, välj Komplettera i stället.
      </p>
      <RadioGroup
        legend="Varför kan du inte komplettera?"
        options={options}
        value={reason}
        error={errors.reason}
        onChange={(picked) => {
          setReason(picked);
          setErrors({ ...errors, reason: undefined });
        }}
      />
      {reason !== '' && (
        <>
          <MessageBox
            variant="warning"
            heading="Ingen medicinsk information får anges."
            headingLevel={3}
          >
            <p>
              Skriv bara det Försäkringskassan behöver för att förstå varför intyget inte
              kompletteras.
            </p>
          </MessageBox>
          <FkTextArea
            label={textLabels[reason]}
            value={text}
            maxLength={CANNOT_COMPLEMENT_TEXT_MAX}
            error={errors.text}
            onTextChange={(next) => {
              setText(next);
              if (errors.text !== undefined) setErrors({ ...errors, text: undefined });
            }}
          />
        </>
      )}
      {errors.send !== undefined && (
        <p className="thread__error" role="alert">
          {errors.send}
        </p>
      )}
    </Dialog>
  );
}
