import { useParams } from 'react-router';
import { FkCaseList, FkCasePage, FkLayout } from '../../features/fk-simulator';
import { useDocumentTitle } from '../../lib/use-document-title';
import { NotFoundPage } from './not-found-page';

/** Försäkringskassan's side, simulated: its own layout and log-in. */
export function FkLayoutRoute() {
  return <FkLayout />;
}

export function FkCasesRoute() {
  useDocumentTitle('Mottagna intyg – Försäkringskassan (simulator)');
  return <FkCaseList />;
}

export function FkCaseRoute() {
  useDocumentTitle('Mottaget intyg – Försäkringskassan (simulator)');
  const { certificateId } = useParams();
  if (certificateId === undefined) return <NotFoundPage />;
  return <FkCasePage key={certificateId} certificateId={certificateId} />;
}
