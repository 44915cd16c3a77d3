import type { PortalCertificateRow } from '../../../contracts/patient-portal';
import { formatDate } from '../../../lib/format';

/** Where a certificate stands, in a patient's words: the one line the list and the page share. */
export function portalStatusLine(row: PortalCertificateRow): string {
  const KindWord = row.kind === 'utlåtande' ? 'Utlåtandet' : 'Intyget';
  if (row.status === 'revoked') {
    return `Makulerat${row.revokedAt === undefined ? '' : ` ${formatDate(row.revokedAt)}`}. ${KindWord} gäller inte längre.`;
  }
  if (row.sent !== undefined) {
    const by = row.sent.byPatient ? 'dig' : (row.sent.senderName ?? 'mottagningen');
    return `Skickat till Försäkringskassan ${formatDate(row.sent.at)} av ${by}.`;
  }
  if (row.replacedBy !== undefined) {
    return `Ersatt av ett nyare ${row.kind === 'utlåtande' ? 'utlåtande' : 'intyg'} ${formatDate(row.replacedBy.signedAt)}.`;
  }
  return 'Inte skickat till Försäkringskassan.';
}
