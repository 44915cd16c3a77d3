import { endpoints } from '../../src/contracts/endpoints';
import { certificateHistoryResponseSchema } from '../../src/contracts/certificate-history';
import type { Database } from '../store/store';
import { certificateHistory } from '../domain/certificate-history';
import { certificateRead } from './certificate-action';
import { jsonResponse } from './support';

/**
 * `GET /api/certificates/{id}/events`: the certificate's history, guarded exactly as reading
 * the certificate (session, role, unit, protected identity). Its own endpoint rather than part
 * of the certificate: it reads the certificate's threads and the certificates made from it,
 * which no write needs, and every write on a certificate answers with the whole certificate.
 * Not audited: the page that shows it has read the certificate, which is.
 */
export function certificateHistoryHandlers(db: Database) {
  return [
    certificateRead(db, endpoints.getCertificateHistory, async ({ tx, record }) => {
      const threads = await tx.threads.getAllByIndex('by-certificate', { equals: record.id });
      const children = await tx.certificates.getAllByIndex('by-parent', { equals: record.id });
      return jsonResponse(certificateHistoryResponseSchema, {
        events: certificateHistory(record, { threads, children }),
      });
    }),
  ];
}
