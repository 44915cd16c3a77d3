import { Navigate } from 'react-router';
import { paths } from '../../config/paths';
import { readAuthToken } from '../../lib/auth-token';
import { useTrainingEnvironment } from '../../lib/environment';
import { useDocumentTitle } from '../../lib/use-document-title';
import { LoginPage } from '../../features/session';

export function Component() {
  useDocumentTitle('Logga in');
  const training = useTrainingEnvironment();
  if (readAuthToken() !== undefined) return <Navigate to={paths.search} replace />;
  return (
    <>
      <LoginPage afterLogin={paths.search} />
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
