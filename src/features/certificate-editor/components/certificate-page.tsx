import { useQueryClient } from '@tanstack/react-query';
import { lazy, Suspense, useEffect, useRef, useState, type ReactNode } from 'react';
import { Link } from 'react-router';
import type { Certificate } from '../../../contracts/certificates';
import type { Answers, CertificateDefinition, Role } from '../../../form-engine';
import { Loading } from '../../../components/ui/loading';
import { MessageBox } from '../../../components/ui/message-box';
import { currentVersion, isCurrentVersion } from '../../../definitions';
import { signedReplacement, signedStatusLabels } from '../../../lib/certificate-labels';
import { useDefinitionVersion } from '../../../services/get-definition';
import { certificateQuery, useCertificate } from '../api/get-certificate';
import { changedAnswers, keptChanges, localBackup, sameAnswer } from '../autosave/local-backup';
import { DraftEditor } from './draft-editor';
import { PatientBanner } from './patient-banner';
import { DraftSession } from './draft-session';
import { CertificateRelations, LifecycleActions } from './lifecycle-actions';
import { ReplacementNotice } from './replacement-notice';
import { SignedCertificate } from './signed-certificate';

/** The history ("Historik") is folded away below the header: loaded beside the page, not in it. */
const CertificateHistory = lazy(async () => ({
  default: (await import('./certificate-history')).CertificateHistory,
}));

type Props = {
  certificateId: string;
  /** The server's today (the one clock) and who is working. */
  today: string;
  role: Role;
  userId: string;
  patientPath: (patientId: string) => string;
  /** Shown beside a certificate that is no longer a draft (the dialogue with FK). */
  aside?: (certificate: Certificate) => ReactNode;
};

const statusLabels: Record<Certificate['status'], string> = {
  draft: 'Utkast',
  'locked-draft': 'Låst utkast',
  signed: 'Signerat',
  revoked: 'Makulerat',
};

/** The header's status: a signed certificate that a signed one replaces reads "Ersatt". */
function statusLabel(certificate: Certificate): string {
  return certificate.status === 'signed' && signedReplacement(certificate.relations) !== undefined
    ? signedStatusLabels.replaced
    : statusLabels[certificate.status];
}

/** One certificate: the editor while it is a draft the user may edit, else the read-only view. */
export function CertificatePage({ certificateId, today, role, userId, patientPath, aside }: Props) {
  const certificate = useCertificate(certificateId);
  // An entry another tab has changed since it was read is read again before it is drawn, so
  // an editor never starts from answers and a version the server no longer has.
  if (certificate.isPending || (certificate.isStale && certificate.isFetching)) {
    return <Loading label="Hämtar intyget…" />;
  }
  if (certificate.isError) {
    // One heading for every refusal: the backend answers a certificate that is not on the
    // unit alike whether it exists or not, and its message says the rest.
    return (
      <MessageBox variant="error" heading="Intyget kunde inte visas" live="alert">
        <p>{certificate.error.message}</p>
      </MessageBox>
    );
  }
  return (
    <WithDefinition
      key={certificate.data.certificate.id}
      certificate={certificate.data.certificate}
      today={today}
      role={role}
      userId={userId}
      patientPath={patientPath}
      aside={aside}
    />
  );
}

function WithDefinition({
  certificate,
  today,
  role,
  userId,
  patientPath,
  aside,
}: Omit<Props, 'certificateId'> & { certificate: Certificate }) {
  const definition = useDefinitionVersion(certificate.type, certificate.definitionVersion);
  if (definition.isPending) return <Loading label="Hämtar formuläret…" />;
  if (definition.isError) {
    return (
      <MessageBox variant="error" heading="Formuläret kunde inte läsas" live="alert">
        <p>
          Intyget är skrivet med version {certificate.definitionVersion} av formuläret, som inte
          kunde läsas. Försök igen eller kontakta support.
        </p>
      </MessageBox>
    );
  }
  return (
    <Loaded
      certificate={certificate}
      definition={definition.data}
      today={today}
      role={role}
      userId={userId}
      patientPath={patientPath}
      aside={aside}
    />
  );
}

function Loaded({
  certificate,
  definition,
  today,
  role,
  userId,
  patientPath,
  aside,
}: Omit<Props, 'certificateId'> & { certificate: Certificate; definition: CertificateDefinition }) {
  const queryClient = useQueryClient();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const topRef = useStickyHeight('--certificate-page-top');
  const [generation, setGeneration] = useState(0);
  const [session] = useState(() => new DraftSession());
  const editable = certificate.actions.some((action) => action.type === 'edit' && action.enabled);
  // Unsaved answers from an earlier visit, if they build on the stored version.
  const [restored] = useState<Answers | undefined>(() => {
    if (!editable) return undefined;
    const backup = localBackup(userId, certificate.id).read();
    return backup !== undefined && backup.baseVersion === certificate.version
      ? backup.answers
      : undefined;
  });
  // What the user typed that someone else's save kept out of the stored version, until
  // the user uses or removes it. A backup built on an older version is such typing.
  const [kept, setKept] = useState<Answers>(() => {
    if (!editable) return {};
    const store = keptChanges(userId, certificate.id);
    const existing = store.read();
    const backup = localBackup(userId, certificate.id).read();
    if (backup === undefined || backup.baseVersion === certificate.version) return existing;
    const mine = changedAnswers(backup.answers, backup.baseAnswers ?? certificate.answers);
    const next: Answers = { ...existing };
    for (const [questionId, value] of Object.entries(mine)) {
      if (!sameAnswer(value, certificate.answers[questionId])) next[questionId] = value;
    }
    store.write(next);
    localBackup(userId, certificate.id).clear();
    return next;
  });
  useEffect(() => headingRef.current?.focus(), []);

  const updateKept = (next: Answers) => {
    keptChanges(userId, certificate.id).write(next);
    setKept(next);
  };

  const reload = (unsaved: Answers) => {
    updateKept({ ...kept, ...unsaved });
    localBackup(userId, certificate.id).clear();
    void queryClient
      .query({ ...certificateQuery(certificate.id), staleTime: 0 })
      .then(() => setGeneration((value) => value + 1));
  };

  return (
    <div className="certificate-page">
      <div className="certificate-page__top" ref={topRef}>
        <PatientBanner patient={certificate.patient} />
      </div>
      <header className="certificate-page__header">
        <h1 ref={headingRef} tabIndex={-1} className="certificate-page__title">
          {definition.formNumber} {definition.name}
        </h1>
        <p className="certificate-page__meta">
          {definition.kind === 'utlåtande' ? 'Utlåtande' : 'Intyg'} · {statusLabel(certificate)}
          {certificate.status === 'draft' && certificate.readyForSign !== undefined
            ? ' · Klar för signering'
            : ''}{' '}
          · <Link to={patientPath(certificate.patient.id)}>Till patienten</Link>
        </p>
        <CertificateRelations certificate={certificate} kind={definition.kind} />
        <ReplacementNotice certificate={certificate} kind={definition.kind} />
        <OlderVersionNotice certificate={certificate} definition={definition} />
        <LifecycleActions
          certificate={certificate}
          definition={definition}
          patientPath={patientPath(certificate.patient.id)}
          session={session}
          today={today}
          role={role}
        />
        <Suspense fallback={null}>
          <CertificateHistory certificate={certificate} kind={definition.kind} />
        </Suspense>
      </header>
      {editable ? (
        <DraftEditor
          key={generation}
          certificate={certificate}
          definition={definition}
          today={today}
          role={role}
          userId={userId}
          restoredAnswers={generation === 0 ? restored : undefined}
          keptChanges={kept}
          onKeptChanges={updateKept}
          onReload={reload}
          session={session}
        />
      ) : (
        <div className="certificate-page__body">
          <SignedCertificate
            certificate={certificate}
            definition={definition}
            today={today}
            role={role}
          />
          {aside?.(certificate)}
        </div>
      )}
    </div>
  );
}

/**
 * A ref for a sticky bar whose height (as it wraps on a narrow screen) is kept in a CSS
 * property of its parent, so that what the page scrolls into view stops below the bar.
 */
function useStickyHeight(property: string) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const bar = ref.current;
    const page = bar?.parentElement;
    if (bar === null || page === null || page === undefined) return;
    const measure = () => page.style.setProperty(property, `${String(bar.offsetHeight)}px`);
    measure();
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(measure);
    observer.observe(bar);
    return () => observer.disconnect();
  }, [property]);
  return ref;
}

/**
 * A draft written on a version of the form that FK has since replaced, as Webcert says of it:
 * it can still be signed and sent (FK takes the version it was written with), and a new draft
 * gets the new version.
 */
function OlderVersionNotice({
  certificate,
  definition,
}: {
  certificate: Certificate;
  definition: CertificateDefinition;
}) {
  if (certificate.status !== 'draft') return null;
  if (isCurrentVersion(certificate.type, certificate.definitionVersion)) return null;
  return (
    <MessageBox variant="info" heading="Utkastet är skrivet på en äldre version av formuläret">
      <p>
        Utkastet är skrivet på version {certificate.definitionVersion} av {definition.formNumber}.
        Försäkringskassan har gett ut version {currentVersion(certificate.type)}. Utkastet kan
        fortfarande signeras och skickas som det är. Ett nytt utkast skrivs på den nya versionen.
      </p>
    </MessageBox>
  );
}
