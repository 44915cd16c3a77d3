import { useDocumentTitle } from '../../lib/use-document-title';
import { DraftsPage, InboxPage, SignedPage } from '../../features/work-lists';

export function InboxRoute() {
  useDocumentTitle('Ej hanterade ärenden');
  return <InboxPage />;
}

export function DraftsRoute() {
  useDocumentTitle('Ej signerade utkast');
  return <DraftsPage />;
}

export function SignedRoute() {
  useDocumentTitle('Signerade intyg');
  return <SignedPage />;
}
