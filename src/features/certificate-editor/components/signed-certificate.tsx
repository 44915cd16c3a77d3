import { useQueryClient } from '@tanstack/react-query';
import { useMemo, useRef, useState, useEffect } from 'react';
import { senderName, type Certificate } from '../../../contracts/certificates';
import {
  evaluate,
  type CertificateDefinition,
  type EvaluationContext,
  type Role,
} from '../../../form-engine';
import { CertificateView } from '../../../form-renderer';
import { MessageBox } from '../../../components/ui/message-box';
import { formatDateTime } from '../../../lib/format';
import { nameWithTitle } from '../../../language/swedish';
import { sendCertificate } from '../api/certificate-actions';
import { writeCertificate } from '../api/certificate-writes';
import { describeConsent, describeConsentRecording } from './consent-summary';
import { SendDialog } from './send-dialog';

type Props = {
  certificate: Certificate;
  definition: CertificateDefinition;
  today: string;
  role: Role;
};

/** A signed certificate: read-only, with its status banners and the actions left. */
export function SignedCertificate({ certificate, definition, today, role }: Props) {
  const queryClient = useQueryClient();
  const [sending, setSending] = useState(false);
  const [justSent, setJustSent] = useState(false);
  const bannerRef = useRef<HTMLDivElement>(null);
  const context: EvaluationContext = useMemo(
    () => ({
      today,
      role,
      consentRecorded: certificate.consent !== undefined,
      patient: { birthDate: certificate.patient.birthDate },
    }),
    [today, role, certificate.consent, certificate.patient.birthDate],
  );
  const sendNotices = useMemo(
    () =>
      evaluate(definition, certificate.answers, context).notices.filter(
        (notice) => notice.placement === 'signed',
      ),
    [definition, certificate.answers, context],
  );
  const sendAction = certificate.actions.find((action) => action.type === 'send');
  const kindWord = definition.kind === 'utlåtande' ? 'utlåtandet' : 'intyget';
  const KindWord = definition.kind === 'utlåtande' ? 'Utlåtandet' : 'Intyget';

  // Focus the status after signing or sending, so the physician hears what happened.
  useEffect(() => {
    bannerRef.current?.focus();
  }, [certificate.status, certificate.sent]);

  const send = async () => {
    await writeCertificate(queryClient, certificate.id, (version) =>
      sendCertificate(certificate.id, version),
    );
    setSending(false);
    setJustSent(true);
  };

  return (
    <div className="signed-certificate">
      <div ref={bannerRef} tabIndex={-1} className="signed-certificate__banners">
        {certificate.signed !== undefined && (
          <MessageBox variant="success" heading={`${KindWord} är signerat`} live="status">
            <p>
              Signerat {formatDateTime(certificate.signed.at)} av{' '}
              {nameWithTitle(certificate.signed.by.name, certificate.signed.by.title)}.
            </p>
          </MessageBox>
        )}
        {certificate.status === 'locked-draft' && (
          <MessageBox variant="warning" heading="Utkastet är låst">
            <p>
              Utkast låses 14 dagar efter att de skapades. Ett låst utkast kan inte ändras eller
              signeras. Kopiera det för att skriva vidare, eller makulera det om det har skapats på
              fel patient.
            </p>
          </MessageBox>
        )}
        {certificate.revoked !== undefined && (
          <MessageBox
            variant="error"
            heading={
              certificate.signed === undefined
                ? 'Utkastet är makulerat'
                : `${KindWord} är makulerat`
            }
          >
            <p>
              Makulerades {formatDateTime(certificate.revoked.at)} av {certificate.revoked.by.name}
              {certificate.revoked.reason === 'wrong-patient'
                ? certificate.signed === undefined
                  ? ': utkastet har skapats på fel patient.'
                  : ': intyget har utfärdats på fel patient.'
                : ': annat allvarligt fel.'}
            </p>
            {certificate.revoked.message !== undefined && <p>{certificate.revoked.message}</p>}
          </MessageBox>
        )}
        {certificate.status !== 'signed' ? null : certificate.sent !== undefined ? (
          <MessageBox variant="info" heading="Skickat till Försäkringskassan">
            <p>
              {KindWord} skickades till Försäkringskassan {formatDateTime(certificate.sent.at)} av{' '}
              {senderName(certificate.sent)}
              {certificate.sent.by === 'patient' ? ' från Mina intyg' : ''}.
            </p>
            {justSent && sendNotices.length > 0 && (
              <p>Tänk på att informera patienten om det som gäller sjukanmälan.</p>
            )}
          </MessageBox>
        ) : (
          <MessageBox variant="warning" heading="Inte skickat">
            <p>{KindWord} är inte skickat till Försäkringskassan.</p>
          </MessageBox>
        )}
      </div>
      {sendAction !== undefined && (
        <div className="signed-certificate__actions">
          <button
            type="button"
            className="button button--primary"
            disabled={!sendAction.enabled}
            aria-describedby={sendAction.reason === undefined ? undefined : 'send-reason'}
            onClick={() => setSending(true)}
          >
            {sendAction.label}
          </button>
          {sendAction.reason !== undefined && (
            <p id="send-reason" className="editor-actions__reason">
              {sendAction.reason}
            </p>
          )}
        </div>
      )}
      {certificate.consent !== undefined && (
        <section className="signed-certificate__consent" aria-labelledby="signed-consent-heading">
          <h2 id="signed-consent-heading" className="category__title">
            Samtycke
          </h2>
          <p>{describeConsent(certificate.consent)}</p>
          <p>{describeConsentRecording(certificate.consent)}</p>
        </section>
      )}
      <CertificateView definition={definition} answers={certificate.answers} context={context} />
      {sending && (
        <SendDialog
          open
          kindWord={kindWord}
          notices={sendNotices}
          send={send}
          onClose={() => setSending(false)}
        />
      )}
    </div>
  );
}
