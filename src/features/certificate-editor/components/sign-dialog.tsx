import { useEffect, useId, useRef, useState } from 'react';
import type { SigningMethod } from '../../../contracts/certificates';
import type { Confirmation, Notice } from '../../../form-engine';
import { NoticeList } from '../../../form-renderer';
import { Dialog } from '../../../components/ui/dialog';
import { RadioGroup } from '../../../components/ui/radio-group';
import { MessageBox } from '../../../components/ui/message-box';

type Phase =
  | { kind: 'choose' }
  | { kind: 'started' }
  | { kind: 'waiting' }
  | { kind: 'signing' }
  | { kind: 'cancelled' }
  | { kind: 'failed'; message: string };

type Props = {
  open: boolean;
  /** The action's label from the server, e.g. "Signera intyget" or "Signera och skicka". */
  label: string;
  sendsOnSigning: boolean;
  notices: readonly Notice[];
  confirmations: readonly Confirmation[];
  /** FMB's warning on the sick leave, which the physician confirms having seen. */
  fmbWarning?: string | undefined;
  /** Saves what is pending; resolves when the backend has it. */
  prepare: () => Promise<void>;
  /** Signs on the backend; resolves when signed, rejects with a Swedish message. */
  sign: (method: SigningMethod, confirmations: string[]) => Promise<void>;
  onClose: () => void;
};

const methodTexts: Record<SigningMethod, { name: string; waiting: string; simulate: string }> = {
  siths: {
    name: 'SITHS-kort',
    waiting:
      'Sätt i ditt SITHS-kort i kortläsaren och ange din säkerhetskod (PIN) när säkerhetsprogrammet frågar efter den. Här är signeringen simulerad: varken kort eller kod behövs.',
    simulate: 'Signera med SITHS-kort (simulerat)',
  },
  bankid: {
    name: 'BankID',
    waiting:
      'Öppna BankID-appen och skriv under intyget. Här är signeringen simulerad: appen behövs inte.',
    simulate: 'Signera med BankID (simulerat)',
  },
};

/**
 * Signing with a simulated SITHS card or BankID, in the real states: started, waiting for
 * the card or the app, signed, cancelled or failed. It can be cancelled until the
 * identification is done; a failure says why and lets the physician try again.
 */
export function SignDialog({
  open,
  label,
  sendsOnSigning,
  notices,
  confirmations,
  fmbWarning,
  prepare,
  sign,
  onClose,
}: Props) {
  const [method, setMethod] = useState<SigningMethod>('siths');
  const [phase, setPhase] = useState<Phase>({ kind: 'choose' });
  const [ticked, setTicked] = useState<ReadonlySet<string>>(new Set());
  const statusRef = useRef<HTMLDivElement>(null);
  const methodName = useId();
  const [fmbSeen, setFmbSeen] = useState(false);
  const allTicked =
    confirmations.every((confirmation) => ticked.has(confirmation.id)) &&
    (fmbWarning === undefined || fmbSeen);

  useEffect(() => {
    if (phase.kind !== 'choose') statusRef.current?.focus();
  }, [phase.kind]);

  const start = async () => {
    setPhase({ kind: 'started' });
    try {
      await prepare();
      setPhase({ kind: 'waiting' });
    } catch (error) {
      setPhase({
        kind: 'failed',
        message: error instanceof Error ? error.message : 'Utkastet kunde inte sparas.',
      });
    }
  };

  const identify = async () => {
    setPhase({ kind: 'signing' });
    try {
      await sign(method, [...ticked]);
    } catch (error) {
      setPhase({
        kind: 'failed',
        message: error instanceof Error ? error.message : 'Signeringen misslyckades.',
      });
    }
  };

  const cancellable = phase.kind === 'started' || phase.kind === 'waiting';
  const footer = (() => {
    switch (phase.kind) {
      case 'choose':
        return (
          <>
            <button
              type="button"
              className="button button--primary"
              disabled={!allTicked}
              onClick={() => void start()}
            >
              Starta signering
            </button>
            <button type="button" className="button button--secondary" onClick={onClose}>
              Avbryt
            </button>
          </>
        );
      case 'started':
      case 'waiting':
        return (
          <>
            {phase.kind === 'waiting' && (
              <button
                type="button"
                className="button button--primary"
                onClick={() => void identify()}
              >
                {methodTexts[method].simulate}
              </button>
            )}
            <button
              type="button"
              className="button button--secondary"
              disabled={!cancellable}
              onClick={() => setPhase({ kind: 'cancelled' })}
            >
              Avbryt signeringen
            </button>
          </>
        );
      case 'signing':
        return null;
      case 'cancelled':
      case 'failed':
        return (
          <>
            <button
              type="button"
              className="button button--primary"
              onClick={() => setPhase({ kind: 'choose' })}
            >
              Försök igen
            </button>
            <button type="button" className="button button--secondary" onClick={onClose}>
              Stäng
            </button>
          </>
        );
    }
  })();

  return (
    <Dialog
      open={open}
      title={label}
      onClose={() => (phase.kind === 'signing' ? undefined : onClose())}
      footer={footer}
    >
      {phase.kind === 'choose' ? (
        <>
          <p>
            {sendsOnSigning
              ? 'När du har signerat skickas intyget direkt till Försäkringskassan. Patienten har samtyckt till att det skickas elektroniskt.'
              : 'När du har signerat kan du skicka intyget till Försäkringskassan i samråd med patienten.'}
          </p>
          <NoticeList notices={notices} />
          <RadioGroup
            legend="Hur vill du signera?"
            options={(['siths', 'bankid'] as const).map(
              (value) => [value, methodTexts[value].name] as const,
            )}
            value={method}
            onChange={setMethod}
          />
          {fmbWarning !== undefined && (
            <div className="sign-dialog__confirmation">
              <MessageBox variant="warning" heading="Längre än FMB rekommenderar" headingLevel={3}>
                <p>{fmbWarning}</p>
              </MessageBox>
              <div className="checkbox">
                <input
                  id={`${methodName}-fmb`}
                  className="checkbox__input"
                  type="checkbox"
                  checked={fmbSeen}
                  onChange={(event) => setFmbSeen(event.target.checked)}
                />
                <label className="checkbox__label" htmlFor={`${methodName}-fmb`}>
                  Jag har sett varningen om FMB:s rekommendation.
                </label>
              </div>
            </div>
          )}
          {confirmations.map((confirmation) => (
            <div key={confirmation.id} className="sign-dialog__confirmation">
              <h3>{confirmation.title}</h3>
              <p>{confirmation.text}</p>
              <div className="checkbox">
                <input
                  id={`${methodName}-${confirmation.id}`}
                  className="checkbox__input"
                  type="checkbox"
                  checked={ticked.has(confirmation.id)}
                  onChange={(event) => {
                    const next = new Set(ticked);
                    if (event.target.checked) next.add(confirmation.id);
                    else next.delete(confirmation.id);
                    setTicked(next);
                  }}
                />
                <label className="checkbox__label" htmlFor={`${methodName}-${confirmation.id}`}>
                  {confirmation.checkboxLabel ?? 'Jag bekräftar.'}
                </label>
              </div>
            </div>
          ))}
        </>
      ) : (
        <div ref={statusRef} tabIndex={-1} role="status" className="sign-dialog__status">
          {phase.kind === 'started' && <p>Signeringen har startats. Utkastet sparas…</p>}
          {phase.kind === 'waiting' && <p>{methodTexts[method].waiting}</p>}
          {phase.kind === 'signing' && <p>Signerar…</p>}
          {phase.kind === 'cancelled' && (
            <p>Signeringen avbröts. Intyget är inte signerat; utkastet finns kvar.</p>
          )}
          {phase.kind === 'failed' && (
            <MessageBox variant="error" heading="Signeringen misslyckades" headingLevel={3}>
              <p>{phase.message}</p>
            </MessageBox>
          )}
        </div>
      )}
    </Dialog>
  );
}
