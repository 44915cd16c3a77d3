import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { flushSync } from 'react-dom';
import { Link, useNavigate } from 'react-router';
import type {
  Certificate,
  CertificateAction,
  RelatedCertificate,
  RevokeReason,
} from '../../../contracts/certificates';
import { REVOKE_MESSAGE_MAX } from '../../../contracts/certificates';
import { paths } from '../../../config/paths';
import { formatDate } from '../../../lib/format';
import { relationLabels, renewExplanation } from '../../../lib/certificate-labels';
import { Dialog } from '../../../components/ui/dialog';
import { DialogActions } from '../../../components/ui/dialog-actions';
import { MessageBox } from '../../../components/ui/message-box';
import { RadioGroup } from '../../../components/ui/radio-group';
import { CharacterCounter } from '../../../components/ui/character-counter';
import { textTooLongMessage } from '../../../language/swedish';
import type { CertificateDefinition, Role } from '../../../form-engine';
import { FkTextNotice, useFkTextInput } from '../../../form-renderer';
import { recordPrint, revokeCertificate } from '../api/certificate-actions';
import {
  createLinkedDraft,
  deleteCertificateDraft,
  writeCertificate,
} from '../api/certificate-writes';
import type { DraftSession } from './draft-session';
import { PrintDocument } from './print-document';

type Props = {
  certificate: Certificate;
  definition: CertificateDefinition;
  /** Where the user goes once the draft is deleted. */
  patientPath: string;
  /** The draft editor below, when the certificate is being written (it saves what is typed). */
  session: DraftSession;
  today: string;
  role: Role;
};

type Handled = 'renew' | 'replace' | 'copy' | 'print' | 'revoke' | 'delete';
const handled: readonly Handled[] = ['renew', 'replace', 'copy', 'print', 'revoke', 'delete'];

function isHandled(action: CertificateAction): action is CertificateAction & { type: Handled } {
  return handled.some((type) => type === action.type);
}

function failureText(error: unknown, fallback: string): string {
  return error instanceof Error && error.message !== '' ? error.message : fallback;
}

/**
 * What can be done with a certificate besides writing and signing it: renew, replace, copy a
 * locked draft, print, revoke, delete a draft. The buttons are the server's action list; a
 * disabled one says why.
 */
export function LifecycleActions({
  certificate,
  definition,
  patientPath,
  session,
  today,
  role,
}: Props) {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [open, setOpen] = useState<Handled | undefined>(undefined);
  const [failure, setFailure] = useState<string | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  // The certificate as it is printed, while the print layout is on the page.
  const [printCopy, setPrintCopy] = useState<Certificate | undefined>(undefined);
  const reasonPrefix = useId();
  const printAction = certificate.actions.find((action) => action.type === 'print');
  const printAllowed = printAction?.enabled === true;

  /** Logs the printing (PDL) once what is typed is saved; returns what is printed. */
  const logPrint = async (): Promise<Certificate> => {
    await session.flush();
    return writeCertificate(queryClient, certificate.id, (version) =>
      recordPrint(certificate.id, version),
    );
  };
  const logPrintRef = useRef(logPrint);
  const printCopyRef = useRef(printCopy);
  const printableRef = useRef({ certificate, allowed: printAllowed });
  useEffect(() => {
    logPrintRef.current = logPrint;
    printCopyRef.current = printCopy;
    printableRef.current = { certificate, allowed: printAllowed };
  });

  // The browser's own print (Ctrl+P, the menu) prints the layout too, and is logged as well.
  useEffect(() => {
    const beforePrint = () => {
      const { certificate: current, allowed } = printableRef.current;
      if (!allowed || printCopyRef.current !== undefined) return;
      flushSync(() => setPrintCopy({ ...current, answers: session.answers(current.answers) }));
      void logPrintRef.current().catch(() => undefined);
    };
    const afterPrint = () => setPrintCopy(undefined);
    window.addEventListener('beforeprint', beforePrint);
    window.addEventListener('afterprint', afterPrint);
    return () => {
      window.removeEventListener('beforeprint', beforePrint);
      window.removeEventListener('afterprint', afterPrint);
    };
  }, [session]);

  const actions = certificate.actions.filter(isHandled);
  const printDocument =
    printCopy === undefined ? null : (
      <PrintDocument certificate={printCopy} definition={definition} today={today} role={role} />
    );
  if (actions.length === 0) return printDocument;
  const kindWord = definition.kind === 'utlåtande' ? 'utlåtandet' : 'intyget';
  const replacement = certificate.relations.children.find(
    (child) => child.type === 'replaces' && child.status === 'draft',
  );

  const run = async (work: () => Promise<void>, fallback: string) => {
    setBusy(true);
    setFailure(undefined);
    try {
      await work();
    } catch (error) {
      setFailure(failureText(error, fallback));
    } finally {
      setBusy(false);
    }
  };

  const createFrom = (kind: 'renew' | 'replace' | 'copy') =>
    run(async () => {
      const draft = await createLinkedDraft(queryClient, kind, certificate.id);
      setOpen(undefined);
      await navigate(paths.certificate(draft.id));
    }, 'Det gick inte att skapa utkastet.');

  // The answers are saved first, so what is printed and logged is what is on screen.
  const print = () =>
    run(async () => {
      const latest = await logPrint();
      flushSync(() => setPrintCopy(latest));
      window.print();
    }, 'Det gick inte att skriva ut.');

  const choose = (action: CertificateAction & { type: Handled }) => {
    setFailure(undefined);
    if (action.type === 'print' && certificate.patient.protectedIdentity) {
      // As in Webcert: a protected identity's printout is handled with care; the user confirms.
      setOpen('print');
    } else if (action.type === 'print') {
      void print();
    } else if (action.type === 'copy') {
      void createFrom('copy');
    } else if (action.type === 'replace' && replacement !== undefined) {
      void navigate(paths.certificate(replacement.certificateId));
    } else {
      setOpen(action.type);
    }
  };

  const close = () => {
    setOpen(undefined);
    setFailure(undefined);
  };

  return (
    <div className="lifecycle-actions">
      {printDocument}
      <ul className="lifecycle-actions__list" aria-label={`Åtgärder för ${kindWord}`}>
        {actions.map((action) => (
          <li key={action.type}>
            <button
              type="button"
              className={
                action.type === 'revoke' || action.type === 'delete'
                  ? 'button button--secondary lifecycle-actions__danger'
                  : 'button button--secondary'
              }
              disabled={!action.enabled || busy}
              aria-describedby={
                action.reason === undefined ? undefined : `${reasonPrefix}-${action.type}`
              }
              onClick={() => choose(action)}
            >
              {action.label}
            </button>
            {action.reason !== undefined && (
              <p id={`${reasonPrefix}-${action.type}`} className="editor-actions__reason">
                {action.reason}
              </p>
            )}
          </li>
        ))}
      </ul>
      {open === undefined && failure !== undefined && (
        <MessageBox variant="error" heading="Åtgärden kunde inte utföras" live="alert">
          <p>{failure}</p>
        </MessageBox>
      )}
      {open === 'print' && (
        <ConfirmDialog
          title="Patienten har skyddade personuppgifter"
          irreversible
          confirmLabel="Skriv ut"
          busyLabel="Skriver ut…"
          busy={busy}
          failure={failure}
          onConfirm={() => {
            setOpen(undefined);
            void print();
          }}
          onClose={close}
        >
          <p>
            Utskriften innehåller uppgifter om en patient med skyddade personuppgifter. Hantera den
            varsamt: lämna den inte där obehöriga kan se den, och förstör den när den inte längre
            behövs.
          </p>
        </ConfirmDialog>
      )}
      {open === 'renew' && (
        <ConfirmDialog
          title={`Förnya ${kindWord}`}
          confirmLabel="Förnya"
          busyLabel="Förnyar…"
          busy={busy}
          failure={failure}
          onConfirm={() => void createFrom('renew')}
          onClose={close}
        >
          {renewExplanation(kindWord).map((paragraph) => (
            <p key={paragraph}>{paragraph}</p>
          ))}
        </ConfirmDialog>
      )}
      {open === 'replace' && (
        <ConfirmDialog
          title={`Ersätt ${kindWord}`}
          confirmLabel="Ersätt"
          busyLabel="Skapar utkast…"
          busy={busy}
          failure={failure}
          onConfirm={() => void createFrom('replace')}
          onClose={close}
        >
          <p>
            Ett nytt utkast skapas med samma uppgifter som {kindWord}, så att du kan rätta eller
            lägga till information. När det nya intyget är signerat ersätter det {kindWord}, som då
            inte längre kan skickas, ersättas eller förnyas.
          </p>
          <p>
            Om {kindWord} innehåller ett allvarligt fel, till exempel om det är utfärdat på fel
            patient, ska du makulera det i stället.
          </p>
        </ConfirmDialog>
      )}
      {open === 'delete' && (
        <ConfirmDialog
          title="Radera utkastet"
          irreversible
          confirmLabel="Radera"
          busyLabel="Raderar…"
          busy={busy}
          failure={failure}
          onConfirm={() =>
            void run(async () => {
              await session.flush();
              await deleteCertificateDraft(queryClient, certificate.id);
              session.stop();
              setOpen(undefined);
              await navigate(patientPath);
            }, 'Det gick inte att radera utkastet.')
          }
          onClose={close}
        >
          <p>Utkastet raderas och kan inte återskapas.</p>
        </ConfirmDialog>
      )}
      {open === 'revoke' && (
        <RevokeDialog
          lockedDraft={certificate.status === 'locked-draft'}
          kindWord={kindWord}
          busy={busy}
          failure={failure}
          onRevoke={(reason, message) =>
            void run(async () => {
              await writeCertificate(queryClient, certificate.id, (version) =>
                revokeCertificate(certificate.id, version, reason, message),
              );
              setOpen(undefined);
            }, 'Det gick inte att makulera.')
          }
          onClose={close}
        />
      )}
    </div>
  );
}

function Failure({ failure }: { failure: string | undefined }) {
  if (failure === undefined) return null;
  return (
    <MessageBox variant="error" heading="Åtgärden kunde inte utföras" headingLevel={3} live="alert">
      <p>{failure}</p>
    </MessageBox>
  );
}

function ConfirmDialog({
  title,
  confirmLabel,
  busyLabel,
  busy,
  failure,
  onConfirm,
  onClose,
  children,
  irreversible = false,
}: {
  title: string;
  /** It cannot be undone: the dialog opens on "Avbryt". */
  irreversible?: boolean;
  confirmLabel: string;
  busyLabel: string;
  busy: boolean;
  failure: string | undefined;
  onConfirm: () => void;
  onClose: () => void;
  children: ReactNode;
}) {
  return (
    <Dialog
      open
      title={title}
      onClose={onClose}
      focusSafeChoice={irreversible}
      footer={
        <DialogActions
          confirmLabel={confirmLabel}
          busyLabel={busyLabel}
          busy={busy}
          onConfirm={onConfirm}
          onCancel={onClose}
        />
      }
    >
      <Failure failure={failure} />
      {children}
    </Dialog>
  );
}

/** "Makulera", with Webcert's two reasons: a clarification is optional, a cause mandatory. */
function RevokeDialog({
  lockedDraft,
  kindWord,
  busy,
  failure,
  onRevoke,
  onClose,
}: {
  lockedDraft: boolean;
  kindWord: string;
  busy: boolean;
  failure: string | undefined;
  onRevoke: (reason: RevokeReason, message: string) => void;
  onClose: () => void;
}) {
  const [reason, setReason] = useState<RevokeReason | ''>('');
  const [message, setMessage] = useState('');
  const [errors, setErrors] = useState<{ reason?: string; message?: string }>({});
  const textId = useId();
  const firstReason = useRef<HTMLInputElement>(null);
  const text = useRef<HTMLTextAreaElement>(null);
  const fkText = useFkTextInput();
  const title = lockedDraft ? 'Makulera utkastet' : `Makulera ${kindWord}`;
  const mandatory = reason === 'other-serious-error';
  const tooLong = message.length > REVOKE_MESSAGE_MAX;

  const submit = () => {
    const next: { reason?: string; message?: string } = {};
    if (reason === '') next.reason = 'Ange varför intyget ska makuleras.';
    if (mandatory && message.trim() === '') next.message = 'Ange orsaken till felet.';
    if (tooLong) next.message = textTooLongMessage(REVOKE_MESSAGE_MAX);
    setErrors(next);
    if (next.reason !== undefined) {
      firstReason.current?.focus();
      return;
    }
    if (next.message !== undefined) {
      text.current?.focus();
      return;
    }
    if (reason !== '') onRevoke(reason, message);
  };

  return (
    <Dialog
      open
      title={title}
      onClose={onClose}
      focusSafeChoice
      footer={
        <DialogActions
          confirmLabel="Makulera"
          busyLabel="Makulerar…"
          busy={busy}
          onConfirm={submit}
          onCancel={onClose}
        />
      }
    >
      <div className="revoke-dialog">
        <Failure failure={failure} />
        {lockedDraft ? (
          <p>Ett makulerat utkast kan inte kopieras eller användas igen.</p>
        ) : (
          <>
            <p>
              Om du makulerar {kindWord} informeras mottagaren om att det inte längre gäller.
              Patienten kan inte längre se {kindWord} i Mina intyg.
            </p>
            <p>
              Om {kindWord} bara behöver ny eller rättad information ska du använda ”Ersätt” i
              stället.
            </p>
          </>
        )}
        <RadioGroup
          legend="Varför ska det makuleras?"
          options={[
            [
              'wrong-patient',
              lockedDraft
                ? 'Utkastet har skapats på fel patient'
                : 'Intyget har utfärdats på fel patient',
            ],
            ['other-serious-error', 'Annat allvarligt fel'],
          ]}
          value={reason}
          onChange={(value) => {
            setReason(value);
            setErrors({});
          }}
          error={errors.reason}
          firstInputRef={firstReason}
        />
        {reason !== '' && (
          <div className="text-field">
            <label className="text-field__label" htmlFor={textId}>
              {mandatory ? 'Ange orsaken till felet' : 'Förtydliga vid behov (frivilligt)'}
            </label>
            {errors.message !== undefined && (
              <p className="form-field__error-message radio-group__error" id={`${textId}-error`}>
                <span className="sr-only">Fel: </span>
                {errors.message}
              </p>
            )}
            <textarea
              id={textId}
              ref={text}
              className="text-field__input"
              rows={5}
              value={message}
              aria-invalid={errors.message !== undefined ? true : undefined}
              aria-describedby={`${textId}-count${errors.message === undefined ? '' : ` ${textId}-error`}`}
              onChange={(event) => setMessage(fkText.clean(event.currentTarget))}
              onFocus={fkText.clear}
            />
            <CharacterCounter
              id={`${textId}-count`}
              length={message.length}
              max={REVOKE_MESSAGE_MAX}
            />
            <FkTextNotice notice={fkText.notice} />
          </div>
        )}
      </div>
    </Dialog>
  );
}

/** The certificate's relations, with links: what it came from and what came from it. */
export function CertificateRelations({
  certificate,
  kind,
}: {
  certificate: Certificate;
  /** Related certificates are of the same type: an intyg's relatives are intyg. */
  kind: 'intyg' | 'utlåtande';
}) {
  const { parent, children } = certificate.relations;
  if (parent === undefined && children.length === 0) return null;
  const describe = (related: RelatedCertificate) => {
    if (related.status === 'revoked') return `makulerat ${kind}`;
    if (related.status === 'signed') return `signerat ${kind}`;
    if (related.status === 'locked-draft') return 'låst utkast';
    return 'utkast';
  };
  const dateOf = (related: RelatedCertificate) => formatDate(related.signedAt ?? related.createdAt);
  const link = (related: RelatedCertificate, text: string) => (
    <Link to={paths.certificate(related.certificateId)}>{text}</Link>
  );
  const childItem = (child: RelatedCertificate) => {
    if (child.status === 'revoked') {
      // What came from this certificate was revoked later: say so, not "Ersatt av: makulerat …".
      return child.signedAt === undefined ? (
        <>
          {link(child, `Ett utkast från ${dateOf(child)}`)},{' '}
          {relationLabels.revokedDraftChild[child.type]}, makulerades.
        </>
      ) : (
        <>
          {relationLabels.childRevoked[child.type]}{' '}
          {link(child, `ett ${kind} signerat ${dateOf(child)}`)}, som sedan makulerades.
        </>
      );
    }
    const label = child.status === 'signed' ? relationLabels.child : relationLabels.childDraft;
    return (
      <>
        {label[child.type]}: {link(child, `${describe(child)} ${dateOf(child)}`)}
      </>
    );
  };
  return (
    <ul className="certificate-relations" aria-label="Relationer till andra intyg">
      {parent !== undefined && (
        <li>
          {relationLabels.parent[parent.type]}:{' '}
          {link(parent, `${describe(parent)} ${dateOf(parent)}`)}
        </li>
      )}
      {children.map((child) => (
        <li key={child.certificateId}>{childItem(child)}</li>
      ))}
    </ul>
  );
}
