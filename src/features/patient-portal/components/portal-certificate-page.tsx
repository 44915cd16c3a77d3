import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo, useRef, useState, type RefObject } from 'react';
import { flushSync } from 'react-dom';
import { Link } from 'react-router';
import { Dialog } from '../../../components/ui/dialog';
import { DialogActions } from '../../../components/ui/dialog-actions';
import { Loading } from '../../../components/ui/loading';
import { MessageBox } from '../../../components/ui/message-box';
import { paths } from '../../../config/paths';
import { formatIdentityNumber } from '../../../contracts/identity-number';
import type { PortalCertificate, PortalSession } from '../../../contracts/patient-portal';
import type { CertificateDefinition, EvaluationContext } from '../../../form-engine';
import { CertificateView, PrintSheet } from '../../../form-renderer';
import { HttpError } from '../../../lib/api-client';
import { formatDate, formatDateTime } from '../../../lib/format';
import { nameWithTitle } from '../../../language/swedish';
import { announceChange, queryKeys } from '../../../lib/query-keys';
import { useDefinitionVersion } from '../../../services/get-definition';
import {
  logPortalPrint,
  sendPortalCertificate,
  usePortalCertificate,
} from '../api/portal-certificates';
import { usePortalSession } from '../api/portal-session';
import { portalStatusLine } from './certificate-status';

/** One of the patient's certificates: its content, its print and sending it to FK. */
export function PortalCertificatePage({ certificateId }: { certificateId: string }) {
  const query = usePortalCertificate(certificateId);
  const session = usePortalSession();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const loaded = query.data !== undefined;
  useEffect(() => {
    if (loaded) headingRef.current?.focus();
  }, [loaded]);

  return (
    <div className="portal-certificate">
      <p>
        <Link to={paths.portal} className="portal-back">
          Till dina intyg
        </Link>
      </p>
      {query.isPending && <Loading label="Hämtar intyget…" />}
      {query.isError && (
        <CertificateFailure error={query.error} retry={() => void query.refetch()} />
      )}
      {query.data !== undefined && session.data !== undefined && session.data !== null && (
        <CertificateContent
          certificate={query.data.certificate}
          session={session.data}
          headingRef={headingRef}
        />
      )}
    </div>
  );
}

function CertificateFailure({ error, retry }: { error: Error; retry: () => void }) {
  if (error instanceof HttpError && error.status === 403) {
    return (
      <MessageBox variant="error" heading="Intyget kan inte visas" live="alert">
        <p>{error.message} Du kan bara se dina egna intyg.</p>
      </MessageBox>
    );
  }
  return (
    <MessageBox variant="error" heading="Intyget kunde inte hämtas" live="alert">
      <p>{error.message}</p>
      <button type="button" className="button button--secondary portal-button" onClick={retry}>
        Försök igen
      </button>
    </MessageBox>
  );
}

function CertificateContent({
  certificate,
  session,
  headingRef,
}: {
  certificate: PortalCertificate;
  session: PortalSession;
  headingRef: RefObject<HTMLHeadingElement | null>;
}) {
  const queryClient = useQueryClient();
  const definition = useDefinitionVersion(certificate.type, certificate.definitionVersion);
  const [sending, setSending] = useState(false);
  const [printing, setPrinting] = useState(false);
  const [failure, setFailure] = useState<string | undefined>(undefined);
  const [justSent, setJustSent] = useState(false);
  const statusRef = useRef<HTMLDivElement>(null);
  const context: EvaluationContext = useMemo(
    () => ({
      // The answers as they were signed: the rules are read on the day of signing.
      today: certificate.signedAt.slice(0, 10),
      role: 'physician',
      consentRecorded: true,
      patient: { birthDate: certificate.patient.birthDate },
    }),
    [certificate.signedAt, certificate.patient.birthDate],
  );
  const print = certificate.actions.find((action) => action.type === 'print');
  const send = certificate.actions.find((action) => action.type === 'send');
  const kindWord = certificate.kind === 'utlåtande' ? 'utlåtandet' : 'intyget';
  const KindWord = certificate.kind === 'utlåtande' ? 'Utlåtandet' : 'Intyget';

  useEffect(() => {
    if (justSent) statusRef.current?.focus();
  }, [justSent]);

  const startPrint = async () => {
    setFailure(undefined);
    try {
      await logPortalPrint(certificate.id);
      flushSync(() => setPrinting(true));
      window.print();
    } catch (error) {
      setFailure(error instanceof Error ? error.message : 'Det gick inte att skriva ut.');
    }
  };

  const confirmSend = async () => {
    const next = await sendPortalCertificate(certificate.id);
    queryClient.setQueryData(queryKeys.portalCertificate(next.id), { certificate: next });
    announceChange(queryClient, {
      kind: 'certificate',
      certificateId: next.id,
      patientId: session.patient.id,
    });
    setSending(false);
    setJustSent(true);
  };

  return (
    <>
      <h1 ref={headingRef} tabIndex={-1} className="portal-certificate__title">
        {certificate.name}
      </h1>
      <p className="portal-certificate__form">{certificate.formNumber}</p>

      <div ref={statusRef} tabIndex={-1} className="portal-certificate__status">
        {certificate.status === 'revoked' ? (
          <MessageBox variant="error" heading={`${KindWord} är makulerat`}>
            <p>
              Din läkare har makulerat {kindWord}
              {certificate.revokedAt === undefined ? '' : ` ${formatDate(certificate.revokedAt)}`}.
              Det gäller inte längre, och därför visas inte innehållet. Kontakta{' '}
              {certificate.unit.name} om du har frågor.
            </p>
          </MessageBox>
        ) : certificate.sent !== undefined ? (
          <MessageBox
            variant={justSent ? 'success' : 'info'}
            heading={justSent ? `${KindWord} är skickat` : 'Skickat till Försäkringskassan'}
            live="status"
          >
            <p>{portalStatusLine(certificate)}</p>
          </MessageBox>
        ) : (
          <p>{portalStatusLine(certificate)}</p>
        )}
        {certificate.replacedBy !== undefined && (
          <MessageBox variant="warning" heading={`${KindWord} har ersatts`}>
            <p>
              Din läkare har skrivit ett nyare {certificate.kind} som ersätter det här{' '}
              {formatDate(certificate.replacedBy.signedAt)}.{' '}
              <Link to={paths.portalCertificate(certificate.replacedBy.id)}>
                Visa det nya {kindWord}
              </Link>
            </p>
          </MessageBox>
        )}
        {certificate.replaces !== undefined && (
          <p>
            {KindWord} ersätter ett tidigare {certificate.kind}.{' '}
            <Link to={paths.portalCertificate(certificate.replaces)}>
              Visa det tidigare {kindWord}
            </Link>
          </p>
        )}
      </div>

      <dl className="portal-facts">
        <div>
          <dt>Utfärdat av</dt>
          <dd>{nameWithTitle(certificate.signedBy.name, certificate.signedBy.title)}</dd>
        </div>
        <div>
          <dt>Signerat</dt>
          <dd>{formatDateTime(certificate.signedAt)}</dd>
        </div>
        <div>
          <dt>Mottagning</dt>
          <dd>
            {certificate.unit.name}, {certificate.unit.postalAddress}, {certificate.unit.postcode}{' '}
            {certificate.unit.city}. Telefon {certificate.unit.phone}
          </dd>
        </div>
      </dl>

      {failure !== undefined && (
        <MessageBox variant="error" heading="Det gick inte att skriva ut" live="alert">
          <p>{failure}</p>
        </MessageBox>
      )}
      {(print !== undefined || send !== undefined) && (
        <div className="portal-actions">
          {send !== undefined && (
            <div className="portal-actions__item">
              <button
                type="button"
                className="button button--primary portal-button"
                disabled={!send.enabled}
                aria-describedby={send.reason === undefined ? undefined : 'portal-send-reason'}
                onClick={() => setSending(true)}
              >
                Skicka till Försäkringskassan
              </button>
              {send.reason !== undefined && (
                <p id="portal-send-reason" className="portal-actions__reason">
                  {send.reason}
                </p>
              )}
            </div>
          )}
          {print !== undefined && (
            <div className="portal-actions__item">
              <button
                type="button"
                className="button button--secondary portal-button"
                onClick={() => void startPrint()}
              >
                Skriv ut
              </button>
            </div>
          )}
        </div>
      )}

      {certificate.answers !== undefined && definition.isPending && (
        <Loading label={`Hämtar ${kindWord}s innehåll…`} />
      )}
      {definition.isError && (
        <MessageBox variant="error" heading="Innehållet kunde inte visas" live="alert">
          <p>{definition.error.message}</p>
        </MessageBox>
      )}
      {certificate.answers !== undefined && definition.data !== undefined && (
        <>
          <CertificateView
            definition={definition.data}
            answers={certificate.answers}
            context={context}
          />
          {printing && (
            <PortalPrint
              certificate={certificate}
              definition={definition.data}
              context={context}
              today={session.today}
            />
          )}
        </>
      )}

      {sending && (
        <SendToFkDialog kindWord={kindWord} send={confirmSend} onClose={() => setSending(false)} />
      )}
    </>
  );
}

/** The patient's print: the certificate with who wrote it, where, and whether it was sent. */
function PortalPrint({
  certificate,
  definition,
  context,
  today,
}: {
  certificate: PortalCertificate;
  definition: CertificateDefinition;
  context: EvaluationContext;
  today: string;
}) {
  const patientLine = `${certificate.patient.name}, ${formatIdentityNumber(certificate.patient.identityNumber)}`;
  const { unit, sent, replacedBy } = certificate;
  return (
    <PrintSheet
      definition={definition}
      answers={certificate.answers ?? {}}
      context={context}
      variant="signed"
      stamps={
        replacedBy === undefined
          ? []
          : [`Ersatt ${formatDate(replacedBy.signedAt)} av ett nytt ${certificate.kind}.`]
      }
      facts={[
        { term: 'Patient', detail: patientLine },
        {
          term: 'Vårdenhet',
          detail: `${unit.name}, ${unit.postalAddress}, ${unit.postcode} ${unit.city}, telefon ${unit.phone}`,
        },
        {
          term: 'Signerat',
          detail: `${formatDateTime(certificate.signedAt)} av ${nameWithTitle(certificate.signedBy.name, certificate.signedBy.title)}`,
        },
        {
          term: 'Skickat till Försäkringskassan',
          detail:
            sent === undefined
              ? 'Inte skickat'
              : `${formatDateTime(sent.at)} av ${sent.byPatient ? 'patienten' : (sent.senderName ?? 'vårdenheten')}`,
        },
      ]}
      footer={`Utskrivet ${formatDate(today)} från Mina intyg. ${definition.formNumber} · ${patientLine}`}
    />
  );
}

/** The confirmation before sending, in plain words. */
function SendToFkDialog({
  kindWord,
  send,
  onClose,
}: {
  kindWord: 'intyget' | 'utlåtandet';
  send: () => Promise<void>;
  onClose: () => void;
}) {
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | undefined>(undefined);
  const confirm = async () => {
    setBusy(true);
    setFailure(undefined);
    try {
      await send();
    } catch (error) {
      setFailure(error instanceof Error ? error.message : 'Det gick inte att skicka.');
      setBusy(false);
    }
  };
  return (
    <Dialog
      open
      title={`Vill du skicka ${kindWord} till Försäkringskassan?`}
      onClose={onClose}
      focusSafeChoice
      footer={
        <DialogActions
          confirmLabel="Ja, skicka"
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
      <p>
        Försäkringskassan får då {kindWord} direkt, och kan läsa allt som står i det. Du behöver
        inte skicka det på papper.
      </p>
      <p>När {kindWord} är skickat går det inte att ta tillbaka.</p>
    </Dialog>
  );
}
