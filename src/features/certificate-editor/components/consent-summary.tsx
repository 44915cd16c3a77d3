import type { CertificateAction, Consent } from '../../../contracts/certificates';
import { formatDate, formatDateTime } from '../../../lib/format';

/** What the certificate says about the patient's consent, in words. */
export function describeConsent(consent: Consent): string {
  const who =
    consent.givenBy === 'patient'
      ? 'Patienten'
      : `Patientens företrädare ${consent.representativeName ?? ''}`.trim();
  const how = consent.method === 'oral' ? 'muntligt' : 'skriftligt';
  return `${who} har ${how} samtyckt till elektronisk överföring till Försäkringskassan den ${formatDate(consent.givenOn)}.`;
}

export function describeConsentRecording(consent: Consent): string {
  return `Registrerat av ${consent.recordedBy.name} ${formatDateTime(consent.recordedAt)}.`;
}

type Props = {
  consent: Consent | undefined;
  action: CertificateAction | undefined;
  onOpen: () => void;
};

/** The consent step in the editor: recorded or not, and the way to record it. */
export function ConsentSummary({ consent, action, onOpen }: Props) {
  return (
    <section className="consent-summary" aria-labelledby="consent-summary-heading">
      <h2 id="consent-summary-heading" className="readiness__heading">
        Samtycke
      </h2>
      {consent === undefined ? (
        <p>Patientens samtycke till elektronisk överföring är inte registrerat.</p>
      ) : (
        <>
          <p>{describeConsent(consent)}</p>
          <p className="consent-summary__recorded">{describeConsentRecording(consent)}</p>
        </>
      )}
      {action !== undefined && (
        <button
          type="button"
          className="button button--secondary"
          disabled={!action.enabled}
          onClick={onOpen}
        >
          {action.label}
        </button>
      )}
      {action?.reason !== undefined && <p>{action.reason}</p>}
    </section>
  );
}
