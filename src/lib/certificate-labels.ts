import {
  draftListStatus,
  draftListStatusSchema,
  type CertificateSummary,
  type DraftListStatus,
} from '../contracts/certificates';

/** The words the app uses for a certificate's state, everywhere it is shown. */

export const draftListStatuses = draftListStatusSchema.options;
export { draftListStatus, type DraftListStatus };

export const draftStatusLabels: Record<DraftListStatus, string> = {
  incomplete: 'Obligatoriska uppgifter saknas',
  complete: 'Klart att signera',
  'ready-for-sign': 'Klar för signering',
  locked: 'Låst',
};

/** One line for a certificate's state in a list. */
export function certificateStateLabel(summary: CertificateSummary): string {
  switch (summary.status) {
    case 'draft':
      return `Utkast – ${draftStatusLabels[draftListStatus(summary)].toLowerCase()}`;
    case 'locked-draft':
      return 'Låst utkast';
    case 'signed':
      return summary.sentAt === undefined ? 'Signerat, inte skickat' : 'Signerat och skickat';
    case 'revoked':
      return 'Makulerat';
  }
}
