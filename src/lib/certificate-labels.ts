import type { CertificateSummary } from '../contracts/certificates';

/** The words the app uses for a certificate's state, everywhere it is shown. */

export const draftListStatuses = ['incomplete', 'complete', 'ready-for-sign'] as const;
export type DraftListStatus = (typeof draftListStatuses)[number];

export const draftStatusLabels: Record<DraftListStatus, string> = {
  incomplete: 'Obligatoriska uppgifter saknas',
  complete: 'Klart att signera',
  'ready-for-sign': 'Klar för signering',
};

export function draftListStatus(
  summary: Pick<CertificateSummary, 'readyForSign' | 'completeness'>,
): DraftListStatus {
  if (summary.readyForSign) return 'ready-for-sign';
  return summary.completeness === 'complete' ? 'complete' : 'incomplete';
}

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
