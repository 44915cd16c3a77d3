import type { AuditEffect } from '../domain/outcome';
import type { CertificateRecord, FkReceivedRecord, ThreadRecord } from '../store/schema';
import type { Transaction } from '../store/store';
import { auditAccess, type Auth } from './support';

/**
 * Stores what a domain command returned, in the caller's transaction: the records it made or
 * changed (each its next version), what Försäkringskassan received, and its audit entries in
 * the order the command made them.
 */

export interface CommandChanges {
  certificate?: CertificateRecord | undefined;
  threads?: readonly ThreadRecord[] | undefined;
  fkReceived?: readonly FkReceivedRecord[] | undefined;
  audit: readonly AuditEffect[];
}

/** Writes a care user's audit entries (PDL); test persons are not logged (as Webcert). */
export async function recordAudit(
  tx: Transaction,
  auth: Pick<Auth, 'user' | 'unit' | 'now'>,
  audit: readonly AuditEffect[],
): Promise<void> {
  for (const { action, patient, certificateId } of audit) {
    await auditAccess(tx, auth, action, patient, certificateId);
  }
}

export async function persist(
  tx: Transaction,
  auth: Pick<Auth, 'user' | 'unit' | 'now'>,
  changes: CommandChanges,
): Promise<void> {
  for (const received of changes.fkReceived ?? []) await tx.fkReceived.put(received);
  for (const thread of changes.threads ?? []) await tx.threads.put(thread);
  if (changes.certificate !== undefined) await tx.certificates.put(changes.certificate);
  await recordAudit(tx, auth, changes.audit);
}
