import {
  draftListStatus,
  draftListStatusSchema,
  signedListStatus,
  signedListStatusSchema,
  type CertificateSummary,
  type DraftListStatus,
  type RelatedCertificate,
  type RelationType,
  type SignedListStatus,
} from '../contracts/certificates';
import { formatDateTime } from './format';

/** The words the app uses for a certificate's state, everywhere it is shown. */

export const draftListStatuses = draftListStatusSchema.options;
export { draftListStatus, type DraftListStatus };

export const draftStatusLabels: Record<DraftListStatus, string> = {
  incomplete: 'Obligatoriska uppgifter saknas',
  complete: 'Klart att signera',
  'ready-for-sign': 'Klar för signering',
  locked: 'Låst',
};

export const signedListStatuses = signedListStatusSchema.options;
export { signedListStatus, type SignedListStatus };

export const signedStatusLabels: Record<SignedListStatus, string> = {
  signed: 'Signerat, inte skickat',
  sent: 'Signerat och skickat',
  replaced: 'Ersatt',
  revoked: 'Makulerat',
};

/**
 * A relation as seen from the newer certificate (parent), and from the older one: the newer
 * one signed (child), still a draft (childDraft), or signed and later revoked (childRevoked:
 * "Ersattes av ett intyg …, som sedan makulerades"). A revoked draft never became the newer
 * certificate: revokedDraftChild says what it was meant to do.
 */
export const relationLabels: Record<
  'parent' | 'child' | 'childDraft' | 'childRevoked' | 'revokedDraftChild',
  Record<RelationType, string>
> = {
  parent: {
    renews: 'Förnyar',
    replaces: 'Ersätter',
    'copy-of': 'Kopia av',
    complements: 'Kompletterar',
  },
  child: {
    renews: 'Förnyat av',
    replaces: 'Ersatt av',
    'copy-of': 'Kopierat till',
    complements: 'Kompletterat av',
  },
  childDraft: {
    renews: 'Förnyas av',
    replaces: 'Ersätts av',
    'copy-of': 'Kopierat till',
    complements: 'Kompletteras av',
  },
  childRevoked: {
    renews: 'Förnyades av',
    replaces: 'Ersattes av',
    'copy-of': 'Kopierades till',
    complements: 'Kompletterades av',
  },
  revokedDraftChild: {
    renews: 'som skulle förnya det',
    replaces: 'som skulle ersätta det',
    'copy-of': 'som kopierades från det',
    complements: 'som skulle komplettera det',
  },
};

/**
 * The signed certificate that replaces this one, if one does: a replacing draft, or a
 * replacement that was revoked, replaces nothing (the original is then the valid one again).
 */
export function signedReplacement(relations: {
  children: readonly RelatedCertificate[];
}): RelatedCertificate | undefined {
  return relations.children.find((child) => child.type === 'replaces' && child.status === 'signed');
}

/** A list row's note on what it was made from, e.g. "Ersätter ett tidigare intyg". */
export function parentNote(summary: CertificateSummary): string | undefined {
  if (summary.parent === undefined) return undefined;
  const older = summary.parent.type === 'copy-of' ? 'ett låst utkast' : 'ett tidigare intyg';
  return `${relationLabels.parent[summary.parent.type]} ${older}`;
}

/**
 * Beside "Klar för signering" (marked by someone who may not sign) in a list: who marked it and
 * when, so it is never taken for "Klart att signera" (only that nothing is missing).
 */
export function readyForSignNote(summary: CertificateSummary): string | undefined {
  const ready = summary.readyForSign;
  if (ready === undefined || summary.status !== 'draft') return undefined;
  return `Markerat av ${ready.by} ${formatDateTime(ready.at)}`;
}

/** One line for a certificate's state in a list. */
export function certificateStateLabel(summary: CertificateSummary): string {
  switch (summary.status) {
    case 'draft':
      return `Utkast – ${draftStatusLabels[draftListStatus(summary)].toLowerCase()}`;
    case 'locked-draft':
      return 'Låst utkast';
    case 'signed':
    case 'revoked':
      return signedStatusLabels[signedListStatus(summary)];
  }
}

/**
 * What renewing does, as the renew dialog says it wherever it is offered (the certificate, the
 * patient's page). `kindWord`: "intyget" or "utlåtandet".
 */
export function renewExplanation(kindWord: string): readonly [string, string] {
  return [
    `Ett nytt utkast skapas med uppgifterna från ${kindWord}. Uppgifter som ska bedömas på nytt, som datum för undersökningar och perioder, följer inte med. Kontrollera alla uppgifter innan du signerar.`,
    `Det nya utkastet och ${kindWord} visar att de hör ihop.`,
  ];
}
