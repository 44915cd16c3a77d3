import { useLocation } from 'react-router';
import { paths } from '../../config/paths';
import { useDocumentTitle } from '../../lib/use-document-title';
import { SessionEndedPage } from '../../features/session';
import { returnStateFor, returnTarget } from '../session-end';

export function LoggedOutRoute() {
  useDocumentTitle('Utloggad');
  return <SessionEndedPage reason="logged-out" loginPath={paths.login} />;
}

export function SessionExpiredRoute() {
  useDocumentTitle('Utloggad på grund av inaktivitet');
  // "Logga in igen" leads back to the page the session ended on.
  const returnTo = returnTarget(useLocation().state);
  return (
    <SessionEndedPage
      reason="expired"
      loginPath={paths.login}
      loginState={returnTo === undefined ? undefined : returnStateFor(returnTo)}
    />
  );
}
