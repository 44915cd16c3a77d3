import type { QueryClient } from '@tanstack/react-query';
import type { ChangeNotice } from '../contracts/change-notices';

/**
 * Every query key of the app, and what a change invalidates, in one place: signing in the
 * editor refreshes the lists and the counts without one feature importing another.
 */
export const queryKeys = {
  /** What kind of environment the backend is (training, testability); never changes. */
  environment: ['environment'] as const,
  /** The operator's messages in force (public, on every page). */
  operatingMessages: ['operating-messages'] as const,
  session: ['session'] as const,
  /** The user's care units with their counts (the unit choice); under the session's key. */
  careUnitChoices: ['session', 'care-units'] as const,
  loginOptions: ['auth', 'login-options'] as const,
  workCounts: ['work-counts'] as const,
  patient: (patientId: string) => ['patients', patientId] as const,
  patientCatalogue: (patientId: string) => ['patients', patientId, 'certificate-types'] as const,
  patientCertificates: (patientId: string) => ['patients', patientId, 'certificates'] as const,
  certificate: (certificateId: string) => ['certificates', certificateId] as const,
  /** Prefix of every certificate's history ("Historik"): any change may add to one. */
  certificateHistories: ['certificate-history'] as const,
  /** A certificate's history, as of the certificate's version the page shows. */
  certificateHistory: (certificateId: string, version: number) =>
    ['certificate-history', certificateId, version] as const,
  /**
   * The mutations that write one certificate (save, consent, sign, send, …). They share one
   * mutation scope, so TanStack Query runs them one at a time, in the order they were made.
   */
  certificateWrites: (certificateId: string) => ['certificate-writes', certificateId] as const,
  /** Prefix of every list query (drafts, signed). */
  certificateLists: ['certificate-lists'] as const,
  draftList: (request: unknown) => ['certificate-lists', 'drafts', request] as const,
  signedList: (request: unknown) => ['certificate-lists', 'signed', request] as const,
  definition: (code: string) => ['definitions', code] as const,
  /** Prefix of every query of threads with FK (the inbox, the dialogue panels). */
  threads: ['threads'] as const,
  /** Prefix of every inbox query ("Ej hanterade ärenden"). */
  inbox: ['threads', 'inbox'] as const,
  inboxQuery: (request: unknown) => ['threads', 'inbox', request] as const,
  /** A certificate's threads with FK (its dialogue panel). */
  certificateThreads: (certificateId: string) => ['threads', 'certificate', certificateId] as const,
  /** Prefix of every query of the FK simulator (its own principal's session and cases). */
  fk: ['fk'] as const,
  fkSession: ['fk', 'session'] as const,
  fkLoginOptions: ['fk', 'login-options'] as const,
  fkCases: (request: unknown) => ['fk', 'cases', request] as const,
  fkCase: (certificateId: string) => ['fk', 'case', certificateId] as const,
  /** Prefix of every query of Mina intyg (the patient's own principal and certificates). */
  portal: ['portal'] as const,
  portalSession: ['portal', 'session'] as const,
  portalLoginOptions: ['portal', 'login-options'] as const,
  portalCertificates: ['portal', 'certificates'] as const,
  portalCertificate: (certificateId: string) => ['portal', 'certificate', certificateId] as const,
  /** Private physician registration: the simulated e-identification's test persons. */
  eidPersons: ['registration', 'eid-persons'] as const,
  /** "Mina uppgifter" of a registered private physician. */
  myDetails: ['registration', 'my-details'] as const,
} as const;

export type { ChangeNotice };

/** Marks everything a change makes stale in this tab. */
export function invalidateFor(queryClient: QueryClient, notice: ChangeNotice): void {
  void queryClient.invalidateQueries({ queryKey: queryKeys.workCounts });
  if (notice.kind !== 'work-counts') {
    // A history shows FK's messages and the certificates made from one: read it again.
    void queryClient.invalidateQueries({ queryKey: queryKeys.certificateHistories });
  }
  if (notice.kind === 'threads') {
    // The inbox and every dialogue panel: a thread arrived, was answered or handled.
    void queryClient.invalidateQueries({ queryKey: queryKeys.threads });
  }
  if (notice.kind !== 'work-counts') {
    // The FK simulator's cases: what FK received, and the threads on it.
    void queryClient.invalidateQueries({ queryKey: ['fk', 'case'] });
    void queryClient.invalidateQueries({ queryKey: ['fk', 'cases'] });
  }
  if (notice.kind === 'certificate') {
    // Mina intyg: the patient's list and certificates (signed, sent, revoked, replaced).
    void queryClient.invalidateQueries({ queryKey: queryKeys.portalCertificates });
    void queryClient.invalidateQueries({
      queryKey: ['portal', 'certificate'],
      predicate: (query) => query.queryKey[2] !== notice.certificateId,
    });
  }
  if (notice.kind === 'certificate') {
    void queryClient.invalidateQueries({ queryKey: queryKeys.certificateLists });
    void queryClient.invalidateQueries({ queryKey: queryKeys.patientCatalogue(notice.patientId) });
    void queryClient.invalidateQueries({
      queryKey: queryKeys.patientCertificates(notice.patientId),
    });
    // Other certificates may show this one as a relation (signing a replacement marks the
    // original replaced): they are read again when next shown. The changed one itself is
    // kept; whoever changed it has put the new version in the cache.
    void queryClient.invalidateQueries({
      queryKey: ['certificates'],
      predicate: (query) => query.queryKey[1] !== notice.certificateId,
      refetchType: 'none',
    });
  }
}

/**
 * Marks stale here what this tab's own change makes stale. Every other tab and computer hears
 * of it from the backend's change feed (./change-feed.ts).
 */
export function announceChange(queryClient: QueryClient, notice: ChangeNotice): void {
  invalidateFor(queryClient, notice);
}
