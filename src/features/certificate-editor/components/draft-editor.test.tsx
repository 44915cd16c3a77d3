import { screen, waitFor } from '@testing-library/react';
import { useState } from 'react';
import { beforeEach, describe, expect, it } from 'vitest';
import { seedPatients, seedUsers } from '../../../../server/seed/seed-data';
import type { Certificate } from '../../../contracts/certificates';
import {
  createTestCertificateResponseSchema,
  storedCertificateResponseSchema,
} from '../../../contracts/testability';
import { loadDefinition } from '../../../definitions';
import type { CertificateDefinition } from '../../../form-engine';
import { renderWithProviders } from '../../../testing/render';
import { loginOverApi, startTestBackend } from '../../../testing/test-backend';
import { getCertificate } from '../api/get-certificate';
import { DraftEditor } from './draft-editor';
import { DraftSession } from './draft-session';

startTestBackend();

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

const physician = 'physician';

/** The editor, and a way to leave it at once (as a navigation link would). */
function EditorThenElsewhere(props: {
  certificate: Certificate;
  definition: CertificateDefinition;
}) {
  const [editing, setEditing] = useState(true);
  const [session] = useState(() => new DraftSession());
  if (!editing) return <p>Någon annanstans</p>;
  return (
    <>
      <button type="button" onClick={() => setEditing(false)}>
        Lämna utkastet
      </button>
      <DraftEditor
        certificate={props.certificate}
        definition={props.definition}
        today="2026-12-02"
        role={physician}
        userId={seedUsers.physician.id}
        restoredAnswers={undefined}
        keptChanges={{}}
        onKeptChanges={() => undefined}
        onReload={() => undefined}
        session={session}
      />
    </>
  );
}

describe('DraftEditor', () => {
  it('leaving right after typing saves what was typed, not the answers it opened with', async () => {
    const certificate = await createDraft();
    const definition = await loadDefinition('fk7804');
    const { user } = renderWithProviders(
      <EditorThenElsewhere certificate={certificate} definition={definition} />,
    );
    await user.type(screen.getByRole('textbox', { name: 'Övriga upplysningar' }), 'Sista raden.');
    // Before the debounce: the editor goes away and its pending save is flushed.
    await user.click(screen.getByRole('button', { name: 'Lämna utkastet' }));
    expect(screen.getByText('Någon annanstans')).toBeInTheDocument();

    await waitFor(async () =>
      expect((await storedAnswers(certificate.id))['25']).toBe('Sista raden.'),
    );
    const stored = await storedAnswers(certificate.id);
    // The answers it had are all still there.
    for (const [questionId, value] of Object.entries(certificate.answers)) {
      expect(stored[questionId]).toEqual(value);
    }
    // Saved: nothing is left waiting in the browser.
    expect(window.localStorage.length).toBe(0);
  });
});
