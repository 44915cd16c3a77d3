import { screen, waitFor } from '@testing-library/react';
import { useState } from 'react';
import { beforeEach, describe, expect, it } from 'vitest';
import { seedPatients, seedUsers } from '../../../../server/seed/seed-data';
import type { Certificate } from '../../../contracts/certificates';
import {
  createTestCertificateResponseSchema,
  storedCertificateResponseSchema,
} from '../../../contracts/testability';
import { renderWithProviders } from '../../../testing/render';
import { loginOverApi, startTestBackend } from '../../../testing/test-backend';
import { getCertificate } from '../api/get-certificate';
import { localBackup } from '../autosave/local-backup';
import { CertificatePage } from './certificate-page';

startTestBackend();

/** The role the page is opened with (a variable: jsx-a11y reads a `role` string as ARIA's). */
const physician = 'physician';

beforeEach(() => window.localStorage.clear());

async function createDraft(): Promise<Certificate> {
  await loginOverApi('physician');
  const response = await fetch('/api/testability/certificates', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ type: 'fk7804', patientId: seedPatients.adult.id, answers: 'minimal' }),
  });
  const { certificateId } = createTestCertificateResponseSchema.parse(await response.json());
  return (await getCertificate(certificateId)).certificate;
}

async function storedAnswers(id: string) {
  const response = await fetch(`/api/testability/certificates/${id}`);
  return storedCertificateResponseSchema.parse(await response.json()).answers;
}

/** The draft's page, and a way to leave it at once (as a navigation link would). */
function EditorThenElsewhere({ certificateId }: { certificateId: string }) {
  const [editing, setEditing] = useState(true);
  if (!editing) return <p>Någon annanstans</p>;
  return (
    <>
      <button type="button" onClick={() => setEditing(false)}>
        Lämna utkastet
      </button>
      <CertificatePage
        certificateId={certificateId}
        today="2026-12-02"
        role={physician}
        userId={seedUsers.physician.id}
        patientPath={(patientId) => `/patient/${patientId}`}
      />
    </>
  );
}

describe('DraftEditor', () => {
  it('leaving right after typing saves what was typed, not the answers it opened with', async () => {
    const certificate = await createDraft();
    const { user } = renderWithProviders(<EditorThenElsewhere certificateId={certificate.id} />);
    await user.type(
      await screen.findByRole('textbox', { name: 'Övriga upplysningar' }, { timeout: 10_000 }),
      'Sista raden.',
    );
    // Before the debounce: the editor goes away and its pending save is flushed.
    await user.click(screen.getByRole('button', { name: 'Lämna utkastet' }));
    expect(screen.getByText('Någon annanstans')).toBeInTheDocument();

    await waitFor(
      async () => expect((await storedAnswers(certificate.id))['25']).toBe('Sista raden.'),
      { timeout: 10_000 },
    );
    const stored = await storedAnswers(certificate.id);
    // The answers it had are all still there.
    for (const [questionId, value] of Object.entries(certificate.answers)) {
      expect(stored[questionId]).toEqual(value);
    }
    // Saved: nothing is left waiting in the browser once the answer has come back.
    await waitFor(() =>
      expect(localBackup(seedUsers.physician.id, certificate.id).read()).toBeUndefined(),
    );
  });
});
