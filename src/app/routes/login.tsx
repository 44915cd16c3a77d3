import { Navigate, useLocation } from 'react-router';
import { paths } from '../../config/paths';
import { useHasSession } from '../../lib/session-store';
import { useTrainingEnvironment } from '../../lib/environment';
import { useDocumentTitle } from '../../lib/use-document-title';
import { LoginPage } from '../../features/session';
import { returnTarget } from '../session-end';

export function Component() {
  useDocumentTitle('Logga in');
  const training = useTrainingEnvironment();
  // Where the user was going when the log-in was asked for (router state, never the URL).
  const afterLogin = returnTarget(useLocation().state) ?? paths.search;
  // Logged in already, here or in another tab of the browser: straight on.
  const loggedIn = useHasSession('care');
  if (loggedIn) return <Navigate to={afterLogin} replace />;
  return (
    <>
      <LoginPage afterLogin={afterLogin} />
      <p className="login-page__fk">
        Är du patient? <a href={paths.portal}>Logga in på Mina intyg</a> för att se dina intyg.
      </p>
      {training && (
        <p className="login-page__fk">
          Testar du dialogen med Försäkringskassan?{' '}
          <a href={paths.fk} target="_blank" rel="noreferrer">
            Öppna Försäkringskassans simulator i en ny flik
          </a>
        </p>
      )}
    </>
  );
}
