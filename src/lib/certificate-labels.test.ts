import { describe, expect, it } from 'vitest';
import type { CertificateSummary, RelatedCertificate } from '../contracts/certificates';
import {
  certificateStateLabel,
  draftStatusLabels,
  draftListStatus,
  readyForSignNote,
  signedReplacement,
} from './certificate-labels';
import { formatDateTime } from './format';

const draft: CertificateSummary = {
  id: 'cert-1',
  type: 'fk7804',
  formNumber: 'FK 7804',
  typeName: 'Läkarintyg för sjukpenning',
  status: 'draft',
  completeness: 'complete',
  patient: {
    id: 'patient-1',
    name: 'Karin Andersson',
    identityNumber: '197912129280',
    protectedIdentity: false,
  },
  createdAt: '2026-12-01T08:00:00.000Z',
  savedAt: '2026-12-01T09:00:00.000Z',
  savedBy: 'Anna Admin',
};

describe('"Klart att signera" and "Klar för signering" in a list', () => {
  it('a complete draft nobody marked is "Klart att signera", with no note', () => {
    expect(draftStatusLabels[draftListStatus(draft)]).toBe('Klart att signera');
    expect(readyForSignNote(draft)).toBeUndefined();
  });

  it('a marked draft is "Klar för signering", with who marked it and when', () => {
    const at = '2026-12-02T10:15:00.000Z';
    const marked = { ...draft, readyForSign: { at, by: 'Vera Vårdadministratör' } };
    expect(draftStatusLabels[draftListStatus(marked)]).toBe('Klar för signering');
    expect(readyForSignNote(marked)).toBe(
      `Markerat av Vera Vårdadministratör ${formatDateTime(at)}`,
    );
    expect(certificateStateLabel(marked)).toBe('Utkast – klar för signering');
  });

  it('a locked draft says nothing of a marking', () => {
    const locked: CertificateSummary = {
      ...draft,
      status: 'locked-draft',
      readyForSign: { at: '2026-12-02T10:15:00.000Z', by: 'Vera Vårdadministratör' },
    };
    expect(draftStatusLabels[draftListStatus(locked)]).toBe('Låst');
    expect(readyForSignNote(locked)).toBeUndefined();
  });
});

describe('signedReplacement', () => {
  const child = (status: RelatedCertificate['status']): RelatedCertificate => ({
    type: 'replaces',
    certificateId: `cert-${status}`,
    status,
    createdAt: '2026-12-03T08:00:00.000Z',
  });

  it('is the signed replacement, never a replacing draft or a revoked one', () => {
    expect(signedReplacement({ children: [child('draft')] })).toBeUndefined();
    expect(signedReplacement({ children: [child('revoked')] })).toBeUndefined();
    expect(signedReplacement({ children: [child('revoked'), child('signed')] })).toEqual(
      child('signed'),
    );
    expect(
      signedReplacement({ children: [{ ...child('signed'), type: 'renews' }] }),
    ).toBeUndefined();
  });
});
