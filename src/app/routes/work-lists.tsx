import { useDocumentTitle } from '../../lib/use-document-title';
import { paths } from '../../config/paths';
import { Loading } from '../../components/ui/loading';
import { useSession } from '../../features/session';
import { DraftsList, InboxList, SignedList } from '../../features/work-lists';

/** The backend's today, for the lists' day filters (the shell has loaded the session). */
function useToday(): string | undefined {
  return useSession().data?.today;
}

export function InboxRoute() {
  useDocumentTitle('Ej hanterade ärenden');
  const today = useToday();
  if (today === undefined) return <Loading label="Hämtar din inloggning…" />;
  return (
    <InboxList
      threadPath={(row) => paths.certificateThread(row.certificateId, row.threadId)}
      today={today}
    />
  );
}

export function DraftsRoute() {
  useDocumentTitle('Ej signerade utkast');
  return <DraftsList certificatePath={paths.certificate} />;
}

export function SignedRoute() {
  useDocumentTitle('Signerade intyg');
  const today = useToday();
  if (today === undefined) return <Loading label="Hämtar din inloggning…" />;
  return <SignedList certificatePath={paths.certificate} today={today} />;
}
