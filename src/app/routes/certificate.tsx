import { lazy, Suspense } from 'react';
import { useLocation, useParams } from 'react-router';
import { paths } from '../../config/paths';
import { useDocumentTitle } from '../../lib/use-document-title';
import {
  CertificatePage,
  ConsentDialog,
  usePrefetchCertificate,
} from '../../features/certificate-editor';
import { useSession } from '../../features/session';
import { Loading } from '../../components/ui/loading';
import type { Certificate } from '../../contracts/certificates';
import { NotFoundPage } from './not-found-page';

// The dialogue with FK is only for sent certificates: it loads apart from the editor.
const DialoguePanel = lazy(async () => ({
  default: (await import('../../features/dialogue')).DialoguePanel,
}));

/** The thread an inbox link opened the page at ("#arende-<id>"). */
function threadIdOf(hash: string): string | undefined {
  const match = /^#arende-(.+)$/.exec(hash);
  return match?.[1] === undefined ? undefined : decodeURIComponent(match[1]);
}

export function Component() {
  useDocumentTitle('Intyg');
  const { certificateId } = useParams();
  const { hash } = useLocation();
  usePrefetchCertificate(certificateId);
  const session = useSession();
  if (certificateId === undefined) return <NotFoundPage />;
  if (session.data === undefined) return <Loading label="Hämtar din inloggning…" />;
  const dialogue = (certificate: Certificate) =>
    certificate.sent === undefined ? null : (
      <Suspense fallback={<Loading label="Hämtar ärendekommunikationen…" />}>
        <DialoguePanel
          certificateId={certificate.id}
          canAsk={certificate.status === 'signed'}
          openThreadId={threadIdOf(hash)}
          today={session.data.today}
          ConsentStep={ConsentDialog}
          threadUrl={(threadId) =>
            new URL(paths.certificateThread(certificate.id, threadId), window.location.origin).href
          }
        />
      </Suspense>
    );
  return (
    <CertificatePage
      key={certificateId}
      certificateId={certificateId}
      today={session.data.today}
      role={session.data.user.role}
      userId={session.data.user.id}
      patientPath={paths.patient}
      aside={dialogue}
    />
  );
}
