import { useParams } from 'react-router';
import { paths } from '../../config/paths';
import { useDocumentTitle } from '../../lib/use-document-title';
import { PatientPage } from '../../features/patients';
import { NotFoundPage } from './not-found-page';

export function Component() {
  useDocumentTitle('Patient');
  const { patientId } = useParams();
  if (patientId === undefined) return <NotFoundPage />;
  return (
    <PatientPage
      patientId={patientId}
      searchPath={paths.search}
      certificatePath={paths.certificate}
    />
  );
}
