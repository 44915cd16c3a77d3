import { Navigate } from 'react-router';
import { paths } from '../../config/paths';
import { readAuthToken } from '../../lib/auth-token';
import { useDocumentTitle } from '../../lib/use-document-title';
import { LoginPage } from '../../features/session';

export function Component() {
  useDocumentTitle('Logga in');
  if (readAuthToken() !== undefined) return <Navigate to={paths.search} replace />;
  return <LoginPage afterLogin={paths.search} />;
}
