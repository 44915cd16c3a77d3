import { MutationObserver, type QueryClient } from '@tanstack/react-query';
import type { Certificate, CertificateResponse } from '../../../contracts/certificates';
import { announceChange, queryKeys } from '../../../lib/query-keys';
import { createFromCertificate, deleteDraft } from './certificate-actions';
import { certificateQuery } from './get-certificate';

/**
 * Every write on a certificate goes through here, and so the certificate has one owner: its
 * query-cache entry (`queryKeys.certificate`). Writes on one certificate run one at a time, in
 * the order they were made (one TanStack mutation scope per certificate); each is based on the
 * version in the entry when its turn comes, and its answer replaces the entry before the next
 * write starts. A save, the consent, signing, sending, printing: whichever comes first, the
 * next is based on the version it produced, and the page's header, the editor and the next
 * write all read the server's latest answer — its version, status and actions.
 */

/** A request on the certificate, made with the version it is based on. */
export type WriteRequest = (version: number) => Promise<CertificateResponse>;

/** Said when a write finds no certificate to base itself on (the page was left long ago). */
export const notLoadedMessage = 'Intyget behöver läsas in på nytt. Ladda om sidan och försök igen.';

/** The certificate as this tab last had it from the server; undefined when it has none. */
export function cachedCertificate(
  queryClient: QueryClient,
  certificateId: string,
): Certificate | undefined {
  return queryClient.getQueryData(certificateQuery(certificateId).queryKey)?.certificate;
}

/** Runs `write` after every earlier write on the certificate, with the certificate as it is then. */
async function serialised<T>(
  queryClient: QueryClient,
  certificateId: string,
  write: (current: Certificate) => Promise<T>,
): Promise<T> {
  const mutationKey = queryKeys.certificateWrites(certificateId);
  const observer = new MutationObserver<T, Error>(queryClient, {
    mutationKey,
    scope: { id: mutationKey.join(':') },
    // Sent whatever the browser says about being online: a failure is reported at once, and
    // autosave retries its saves itself.
    networkMode: 'always',
    retry: false,
    // Its answer lives in the certificate's entry: the finished mutation need not keep it.
    gcTime: 0,
    mutationFn: async () => {
      // Read now, not when the write was made: the writes before it have updated the entry.
      const current = cachedCertificate(queryClient, certificateId);
      if (current === undefined) throw new Error(notLoadedMessage);
      return write(current);
    },
  });
  try {
    return await observer.mutate();
  } finally {
    // Let go of the finished mutation, so the cache removes it.
    observer.reset();
  }
}

/** Puts the server's answer in the cache, and tells the lists and other tabs when it changed. */
function store(queryClient: QueryClient, certificate: Certificate, changed: boolean): void {
  queryClient.setQueryData(certificateQuery(certificate.id).queryKey, { certificate });
  if (changed) {
    announceChange(queryClient, {
      kind: 'certificate',
      certificateId: certificate.id,
      patientId: certificate.patient.id,
    });
  }
}

/**
 * A write that answers with the certificate (save, consent, ready for signing, sign, send,
 * print, revoke): queued behind the certificate's other writes, based on the version it finds,
 * and its answer becomes the certificate's cache entry. Resolves with that certificate.
 */
export function writeCertificate(
  queryClient: QueryClient,
  certificateId: string,
  request: WriteRequest,
): Promise<Certificate> {
  return serialised(queryClient, certificateId, async (current) => {
    const { certificate } = await request(current.version);
    // Printing only logs: the version stays, and nothing else needs to know.
    store(queryClient, certificate, certificate.version !== current.version);
    return certificate;
  });
}

/** Deletes a draft after its other writes; its cache entry goes with it. */
export function deleteCertificateDraft(
  queryClient: QueryClient,
  certificateId: string,
): Promise<void> {
  return serialised(queryClient, certificateId, async (current) => {
    await deleteDraft(certificateId, current.version);
    queryClient.removeQueries({ queryKey: queryKeys.certificate(certificateId), exact: true });
    announceChange(queryClient, {
      kind: 'certificate',
      certificateId,
      patientId: current.patient.id,
    });
  });
}

/**
 * Renew, replace or copy: a write on the original that answers with a new draft linked to it.
 * The draft gets its own cache entry; the original, which now lists the draft, is read again
 * when it is next shown.
 */
export function createLinkedDraft(
  queryClient: QueryClient,
  kind: 'renew' | 'replace' | 'copy',
  originalId: string,
): Promise<Certificate> {
  return serialised(queryClient, originalId, async (original) => {
    const { certificate: draft } = await createFromCertificate(kind, originalId, original.version);
    store(queryClient, draft, true);
    void queryClient.invalidateQueries({
      queryKey: queryKeys.certificate(originalId),
      exact: true,
      refetchType: 'none',
    });
    return draft;
  });
}
