import { useParams } from 'react-router';
import { paths } from '../../config/paths';
import { useDocumentTitle } from '../../lib/use-document-title';
import { CertificatePage, usePrefetchCertificate } from '../../features/certificate-editor';
import { useSession } from '../../features/session';
import { Loading } from '../../components/ui/loading';
import { NotFoundPage } from './not-found-page';

export function Component() {
  useDocumentTitle('Intyg');
  const { certificateId } = useParams();
  usePrefetchCertificate(certificateId);
  const session = useSession();
  if (certificateId === undefined) return <NotFoundPage />;
  if (session.data === undefined) return <Loading label="Hämtar din inloggning…" />;
  return (
    <CertificatePage
      key={certificateId}
      certificateId={certificateId}
      today={session.data.today}
      role={session.data.user.role}
      userId={session.data.user.id}
      patientPath={paths.patient}
    />
  );
}
