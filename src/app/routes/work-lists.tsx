import { useDocumentTitle } from '../../lib/use-document-title';
import { paths } from '../../config/paths';
import { DraftsList, InboxList, SignedList } from '../../features/work-lists';

export function InboxRoute() {
  useDocumentTitle('Ej hanterade ärenden');
  return (
    <InboxList threadPath={(row) => paths.certificateThread(row.certificateId, row.threadId)} />
  );
}

export function DraftsRoute() {
  useDocumentTitle('Ej signerade utkast');
  return <DraftsList certificatePath={paths.certificate} />;
}

export function SignedRoute() {
  useDocumentTitle('Signerade intyg');
  return <SignedList certificatePath={paths.certificate} />;
}
