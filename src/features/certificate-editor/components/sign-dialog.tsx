import { useEffect, useId, useRef, useState } from 'react';
import type { ConsentInput, SigningMethod } from '../../../contracts/certificates';
import type { Confirmation, Notice } from '../../../form-engine';
import { NoticeList } from '../../../form-renderer';
import { Dialog } from '../../../components/ui/dialog';
import { RadioGroup } from '../../../components/ui/radio-group';
import { MessageBox } from '../../../components/ui/message-box';
import { capitalized } from '../../../language/swedish';
import { ConsentFields, useConsentForm, type ConsentStart } from './consent-dialog';

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
  kindWord: 'intyget' | 'utlåtandet';
  /** Signing sends it to Försäkringskassan: the dialog is then the sending's confirmation too. */
  sends: boolean;
  /** The server's today: the consent's day may not come after it. */
  today: string;
  /**
   * The patient's consent is missing: the dialog asks for it, starting from these values, and
   * signing records it.
   */
  askConsent?: ConsentStart | undefined;
  notices: readonly Notice[];
  /** What belongs to sending (FK 7804's short-period text), shown when signing sends. */
  sendNotices: readonly Notice[];
  confirmations: readonly Confirmation[];
  /** FMB's warning on the sick leave, which the physician confirms having seen. */
  fmbWarning?: string | undefined;
  /** Saves what is pending; resolves when the backend has it. */
  prepare: () => Promise<void>;
  /** Signs on the backend; resolves when signed, rejects with a Swedish message. */
  sign: (
    method: SigningMethod,
    confirmations: string[],
    consent: ConsentInput | undefined,
  ) => Promise<void>;
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
 * identification is done; a failure says why and lets the physician try again. When the
 * patient's consent is missing it is asked for here, and recorded with the signing. Signing
 * cannot be undone (and may send), so the dialog opens on "Avbryt", the choice that changes
 * nothing.
 */
export function SignDialog({
  open,
  label,
  kindWord,
  sends,
  today,
  askConsent,
  notices,
  sendNotices,
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
  const consentForm = useConsentForm(today, askConsent);
  const [consent, setConsent] = useState<ConsentInput | undefined>(undefined);
  const allTicked =
    confirmations.every((confirmation) => ticked.has(confirmation.id)) &&
    (fmbWarning === undefined || fmbSeen);

  useEffect(() => {
    if (phase.kind !== 'choose') statusRef.current?.focus();
  }, [phase.kind]);

  const start = async () => {
    const given = askConsent === undefined ? undefined : consentForm.validate();
    if (askConsent !== undefined && given === undefined) return;
    setConsent(given);
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
      await sign(method, [...ticked], consent);
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
              {label}
            </button>
            <button
              type="button"
              className="button button--secondary"
              data-safe-choice
              onClick={onClose}
            >
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
      focusSafeChoice
    >
      {phase.kind === 'choose' ? (
        <>
          <p>
            {sends
              ? `När du har signerat skickas ${kindWord} direkt till Försäkringskassan. Det ska göras i samråd med patienten.`
              : `${capitalized(kindWord)} skickas inte till Försäkringskassan när du signerar. När det är signerat kan du skicka det, i samråd med patienten.`}
          </p>
          <NoticeList notices={notices} />
          <NoticeList notices={sendNotices} />
          {askConsent !== undefined && (
            <section className="sign-dialog__consent" aria-labelledby={`${methodName}-consent`}>
              <h3 id={`${methodName}-consent`}>Patientens samtycke</h3>
              <p>
                Intyget får skickas elektroniskt till Försäkringskassan bara om patienten, eller
                patientens företrädare, vill det och har samtyckt till det. Samtycket registreras
                när du signerar.
              </p>
              <ConsentFields form={consentForm} />
            </section>
          )}
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
