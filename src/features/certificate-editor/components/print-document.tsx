import { useMemo } from 'react';
import { createPortal } from 'react-dom';
import { senderName, type Certificate } from '../../../contracts/certificates';
import { formatIdentityNumber } from '../../../contracts/identity-number';
import type { CertificateDefinition, EvaluationContext, Role } from '../../../form-engine';
import { CertificateView } from '../../../form-renderer';
import { formatDate, formatDateTime } from '../../../lib/format';
import { describeConsent, describeConsentRecording } from './consent-summary';

type Props = {
  certificate: Certificate;
  definition: CertificateDefinition;
  /** The server's today: the print date, and the day the form's rules are read on. */
  today: string;
  role: Role;
};

/**
 * The certificate as paper: what the browser prints. It is rendered beside the app (a portal
 * on the body) and shown only in print, where the app itself is hidden. A draft is marked on
 * every line that matters as a draft that must not be sent; a revoked certificate as revoked.
 */
export function PrintDocument(props: Props) {
  return createPortal(<PrintPages {...props} />, document.body);
}

function PrintPages({ certificate, definition, today, role }: Props) {
  const context: EvaluationContext = useMemo(
    () => ({
      today,
      role,
      consentRecorded: certificate.consent !== undefined,
      patient: { birthDate: certificate.patient.birthDate },
    }),
    [today, role, certificate.consent, certificate.patient.birthDate],
  );
  const KindWord = definition.kind === 'utlåtande' ? 'Utlåtandet' : 'Intyget';
  const unsigned = certificate.signed === undefined;
  const replacedBy = certificate.relations.children.find(
    (child) => child.type === 'replaces' && child.status === 'signed',
  );
  const { patient, signed, sent, revoked, consent } = certificate;

  return (
    <div
      className={
        revoked !== undefined
          ? 'print-document print-document--revoked'
          : unsigned
            ? 'print-document print-document--draft'
            : 'print-document'
      }
    >
      <header className="print-document__header">
        <p className="print-document__form">
          {definition.formNumber} · {definition.kind === 'utlåtande' ? 'Utlåtande' : 'Intyg'}
        </p>
        <h1 className="print-document__title">{definition.name}</h1>
        {unsigned && certificate.revoked === undefined && (
          <p className="print-document__stamp">
            {certificate.status === 'locked-draft' ? 'Låst utkast' : 'Utkast'} – får inte skickas.
            Det här är inte ett signerat {definition.kind === 'utlåtande' ? 'utlåtande' : 'intyg'}.
          </p>
        )}
        {revoked !== undefined && (
          <p className="print-document__stamp">
            Makulerat {formatDate(revoked.at)}. {unsigned ? 'Utkastet' : KindWord} gäller inte.
          </p>
        )}
        {replacedBy?.signedAt !== undefined && revoked === undefined && (
          <p className="print-document__stamp">
            Ersatt {formatDate(replacedBy.signedAt)} av ett nytt{' '}
            {definition.kind === 'utlåtande' ? 'utlåtande' : 'intyg'}.
          </p>
        )}
      </header>

      <dl className="print-document__facts">
        <div>
          <dt>Patient</dt>
          <dd>
            {patient.name}, {formatIdentityNumber(patient.identityNumber)}
          </dd>
        </div>
        <div>
          <dt>Vårdenhet</dt>
          <dd>{certificate.unit.name}</dd>
        </div>
        <div>
          <dt>Signerat</dt>
          <dd>
            {signed === undefined
              ? 'Inte signerat'
              : `${formatDateTime(signed.at)} av ${signed.by.name}, ${signed.by.title}`}
          </dd>
        </div>
        <div>
          <dt>Skickat till Försäkringskassan</dt>
          <dd>
            {sent === undefined ? 'Inte skickat' : `${formatDateTime(sent.at)} av ${senderName(sent)}`}
          </dd>
        </div>
        <div>
          <dt>Samtycke</dt>
          <dd>
            {consent === undefined
              ? 'Samtycke till elektronisk överföring är inte registrerat.'
              : `${describeConsent(consent)} ${describeConsentRecording(consent)}`}
          </dd>
        </div>
        {revoked !== undefined && (
          <div>
            <dt>Makulerat</dt>
            <dd>
              {formatDateTime(revoked.at)} av {revoked.by.name}
              {revoked.message === undefined ? '' : `: ${revoked.message}`}
            </dd>
          </div>
        )}
      </dl>

      <CertificateView definition={definition} answers={certificate.answers} context={context} />

      <footer className="print-document__footer">
        <p>
          Utskrivet {formatDate(today)} från Intyga. {definition.formNumber} · {patient.name},{' '}
          {formatIdentityNumber(patient.identityNumber)}
          {unsigned ? ' · Utkast – får inte skickas' : ''}
        </p>
      </footer>
    </div>
  );
}
