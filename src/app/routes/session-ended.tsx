import { paths } from '../../config/paths';
import { useDocumentTitle } from '../../lib/use-document-title';
import { SessionEndedPage } from '../../features/session';

export function LoggedOutRoute() {
  useDocumentTitle('Utloggad');
  return <SessionEndedPage reason="logged-out" loginPath={paths.login} />;
}

export function SessionExpiredRoute() {
  useDocumentTitle('Utloggad på grund av inaktivitet');
  return <SessionEndedPage reason="expired" loginPath={paths.login} />;
}
