import type { CertificateRecord } from '../store/schema';
import { certificateEvent, nextCertificate } from './certificates';
import { daysBetween, swedishDay } from './clock';

/**
 * Drafts are locked when they were created this many days ago or more, as Webcert's nightly
 * job does (`job.utkastlock.locked.after.day=14`): a locked draft is read-only and can only be
 * copied into a new draft or revoked.
 */
export const LOCK_AFTER_DAYS = 14;

export function isOverdueForLocking(
  record: Pick<CertificateRecord, 'status' | 'createdAt'>,
  today: string,
): boolean {
  return (
    record.status === 'draft' &&
    daysBetween(swedishDay(Date.parse(record.createdAt)), today) >= LOCK_AFTER_DAYS
  );
}

/** The draft as the lock leaves it: read-only, its events saying when. */
export function locked(record: CertificateRecord, at: string): CertificateRecord {
  return nextCertificate(
    record,
    { status: 'locked-draft' },
    certificateEvent('locked', at, 'Intyga'),
  );
}
