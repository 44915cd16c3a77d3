import { useState } from 'react';
import { Link } from 'react-router';
import type { CertificateHistoryEvent } from '../../../contracts/certificate-history';
import type { Certificate } from '../../../contracts/certificates';
import { threadTopicLabels } from '../../../contracts/threads';
import { paths } from '../../../config/paths';
import type { CertificateDefinition } from '../../../form-engine';
import { Loading } from '../../../components/ui/loading';
import { MessageBox } from '../../../components/ui/message-box';
import { formatDateTime, formatTime, formatDate } from '../../../lib/format';
import { capitalized } from '../../../language/swedish';
import { useCertificateHistory } from '../api/get-certificate-history';

type Props = {
  certificate: Pick<Certificate, 'id' | 'version'>;
  kind: CertificateDefinition['kind'];
};

/** "Historik": what happened to the certificate, who did it and when, newest first. */
export function CertificateHistory({ certificate, kind }: Props) {
  const [open, setOpen] = useState(false);
  return (
    <details
      className="certificate-history"
      onToggle={(event) => setOpen(event.currentTarget.open)}
    >
      <summary>Historik</summary>
      {open && <HistoryList certificate={certificate} kind={kind} />}
    </details>
  );
}

function HistoryList({ certificate, kind }: Props) {
  const history = useCertificateHistory(certificate.id, certificate.version, true);
  if (history.isPending) return <Loading label="Hämtar historiken…" />;
  if (history.isError) {
    return (
      <MessageBox variant="error" heading="Historiken kunde inte hämtas" live="alert">
        <p>{history.error.message}</p>
      </MessageBox>
    );
  }
  return (
    <ol className="certificate-history__list" aria-label="Händelser, den senaste först">
      {history.data.events.map((event, index) => (
        <li
          key={`${event.type}-${event.at}-${String(index)}`}
          className="certificate-history__item"
        >
          <span>
            {eventText(event, kind)}
            {event.related !== undefined && (
              <>
                {' '}
                <Link to={paths.certificate(event.related.id)}>
                  {relatedLinkText[event.related.relation]}
                </Link>
              </>
            )}
          </span>
          <EventTime event={event} />
        </li>
      ))}
    </ol>
  );
}

const relatedLinkText: Record<NonNullable<CertificateHistoryEvent['related']>['relation'], string> =
  {
    renews: 'Öppna förnyelsen',
    replaces: 'Öppna det ersättande intyget',
    complements: 'Öppna kompletteringen',
    'copy-of': 'Öppna kopian',
  };

/** The event's time; a grouped event's span ("7 december 2026 kl. 10:02–10:41"). */
function EventTime({ event }: { event: CertificateHistoryEvent }) {
  const { at, until } = event;
  if (until === undefined || until === at) {
    return (
      <time className="certificate-history__time" dateTime={at}>
        {formatDateTime(at)}
      </time>
    );
  }
  const sameDay = formatDate(at) === formatDate(until);
  return (
    <span className="certificate-history__time">
      <time dateTime={at}>{formatDateTime(at)}</time>–
      <time dateTime={until}>{sameDay ? formatTime(until) : formatDateTime(until)}</time>
    </span>
  );
}

/** The event in Swedish, in Webcert's and Försäkringskassan's words where they have them. */
export function eventText(event: CertificateHistoryEvent, kind: 'intyg' | 'utlåtande'): string {
  const noun = kind === 'utlåtande' ? 'utlåtandet' : 'intyget';
  const Noun = capitalized(noun);
  const { by } = event;
  const topic = event.topic === undefined ? '' : ` (${threadTopicLabels[event.topic]})`;
  switch (event.type) {
    case 'created':
      return `Utkastet är skapat av ${by}.`;
    case 'saved':
      return `Sparat av ${by}.`;
    case 'consent-recorded':
      return `Patientens samtycke är registrerat av ${by}.`;
    case 'ready-for-sign':
      return `Utkastet är markerat klart för signering av ${by}.`;
    case 'signed':
      return `${Noun} är signerat av ${by}.`;
    case 'sent':
      return `${Noun} är skickat till Försäkringskassan av ${by}.`;
    case 'sent-by-patient':
      return `Patienten har skickat ${noun} till Försäkringskassan från Mina intyg.`;
    case 'printed-by-patient':
      return `Patienten har skrivit ut ${noun} från Mina intyg.`;
    case 'revoked':
      return `${Noun} är makulerat av ${by}.`;
    case 'locked':
      return 'Utkastet är låst eftersom det inte har signerats inom 14 dagar.';
    case 'question-received':
      return `Försäkringskassan har ställt en fråga${topic}.`;
    case 'complement-requested':
      return 'Försäkringskassan har begärt komplettering.';
    case 'reminder-received':
      return `Försäkringskassan har skickat en påminnelse${topic}.`;
    case 'question-sent':
      return `${by} har skickat en fråga till Försäkringskassan${topic}.`;
    case 'answered':
      return `${by} har svarat på Försäkringskassans fråga${topic}.`;
    case 'answer-received':
      return `Försäkringskassan har svarat på frågan${topic}.`;
    case 'renewed':
      return `${Noun} är förnyat av ${by}.`;
    case 'replaced':
      return `${Noun} är ersatt av ett nytt, signerat av ${by}.`;
    case 'complemented':
      return `${Noun} är kompletterat, kompletteringen signerad av ${by}.`;
  }
}
