import { useEffect, useRef } from 'react';
import { Link } from 'react-router';
import { Loading } from '../../../components/ui/loading';
import { MessageBox } from '../../../components/ui/message-box';
import { paths } from '../../../config/paths';
import { formatDate } from '../../../lib/format';
import { usePortalCertificates } from '../api/portal-certificates';
import { portalStatusLine } from './certificate-status';

/** The patient's own certificates, newest first: what, when, by whom, and where each stands. */
export function PortalCertificateList() {
  const certificates = usePortalCertificates();
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    headingRef.current?.focus();
  }, []);
  return (
    <div className="portal-list">
      <h1 ref={headingRef} tabIndex={-1}>
        Dina intyg
      </h1>
      <p>
        Här finns de intyg som din läkare har signerat. Öppna ett intyg för att läsa det, skriva ut
        det eller skicka det till Försäkringskassan.
      </p>
      {certificates.isPending && <Loading label="Hämtar dina intyg…" />}
      {certificates.isError && (
        <MessageBox variant="error" heading="Dina intyg kunde inte visas" live="alert">
          <p>{certificates.error.message}</p>
          <button
            type="button"
            className="button button--secondary portal-button"
            onClick={() => void certificates.refetch()}
          >
            Försök igen
          </button>
        </MessageBox>
      )}
      {certificates.isSuccess && certificates.data.certificates.length === 0 && (
        <MessageBox variant="info" heading="Du har inga intyg här ännu">
          <p>När din läkare har signerat ett intyg om dig visas det här.</p>
        </MessageBox>
      )}
      {certificates.isSuccess && certificates.data.certificates.length > 0 && (
        <ul className="portal-cards" aria-label="Dina intyg">
          {certificates.data.certificates.map((row) => (
            <li
              key={row.id}
              className={
                row.status === 'revoked' ? 'portal-card portal-card--revoked' : 'portal-card'
              }
            >
              <h2 className="portal-card__title">
                <Link to={paths.portalCertificate(row.id)} className="portal-card__link">
                  {row.name}
                </Link>
              </h2>
              <p className="portal-card__form">{row.formNumber}</p>
              <p className="portal-card__meta">
                Utfärdat {formatDate(row.signedAt)} av {row.signedBy.name}, {row.unitName}
              </p>
              <p className="portal-card__status">{portalStatusLine(row)}</p>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
