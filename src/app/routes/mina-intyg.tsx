import { useParams } from 'react-router';
import {
  PortalCertificateList,
  PortalCertificatePage,
  PortalLayout,
} from '../../features/patient-portal';
import { useDocumentTitle } from '../../lib/use-document-title';
import { NotFoundPage } from './not-found-page';

/** Mina intyg: the patient's part of the app, with its own layout and log-in. */
export function PortalLayoutRoute() {
  return <PortalLayout />;
}

export function PortalCertificatesRoute() {
  useDocumentTitle('Dina intyg – Mina intyg');
  return <PortalCertificateList />;
}

export function PortalCertificateRoute() {
  useDocumentTitle('Intyg – Mina intyg');
  const { certificateId } = useParams();
  if (certificateId === undefined) return <NotFoundPage />;
  return <PortalCertificatePage key={certificateId} certificateId={certificateId} />;
}
