import { QueryClient } from '@tanstack/react-query';
import { http, HttpResponse } from 'msw';
import { describe, expect, it, vi } from 'vitest';
import { seedPatients } from '../../../../mocks/builders/seed-data';
import type { ConsentInput } from '../../../contracts/certificates';
import { HttpError } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';
import {
  loginOverApi,
  createTestCertificate,
  startTestBackend,
} from '../../../testing/test-backend';
import { recordConsent, recordPrint } from './certificate-actions';
import { cachedCertificate, notLoadedMessage, writeCertificate } from './certificate-writes';
import { getCertificate } from './get-certificate';
import { saveAnswers } from './save-answers';

const backend = startTestBackend();

const consent: ConsentInput = { givenBy: 'patient', method: 'oral', givenOn: '2026-01-02' };

/** A draft FK 7804 read into a fresh cache, as the certificate page has it. */
async function openDraft() {
  await loginOverApi('physician');
  const id = await createTestCertificate({
    type: 'fk7804',
    patientId: seedPatients.adult.id,
    answers: 'minimal',
    consent: false,
  });
  const queryClient = new QueryClient();
  const opened = await getCertificate(id);
  queryClient.setQueryData(queryKeys.certificate(id), opened);
  return { id, queryClient, opened: opened.certificate };
}

/** Holds the next save at the backend's door until the test lets it in. */
function holdNextSave() {
  let arrived: () => void = () => undefined;
  let release: () => void = () => undefined;
  const atDoor = new Promise<void>((resolve) => (arrived = resolve));
  const gate = new Promise<void>((resolve) => (release = resolve));
  backend.server.use(
    http.put(
      '/api/certificates/:id/answers',
      async () => {
        arrived();
        await gate;
        // Nothing returned: the backend's own handler answers.
      },
      { once: true },
    ),
  );
  return { atDoor, release };
}

/** Counts the consent requests that reach the backend (they go on to its handler). */
function countConsents() {
  const count = { sent: 0 };
  backend.server.use(
    http.post('/api/certificates/:id/consent', () => {
      count.sent += 1;
    }),
  );
  return count;
}

describe('writeCertificate', () => {
  it('runs a consent made during a save after it, on the version the save produced', async () => {
    const { id, queryClient, opened } = await openDraft();
    const save = holdNextSave();
    const consents = countConsents();
    const answers = { ...opened.answers, '25': 'Skrivet före samtycket.' };

    const saved = writeCertificate(queryClient, id, (version) => saveAnswers(id, version, answers));
    const consented = writeCertificate(queryClient, id, (version) =>
      recordConsent(id, version, consent),
    );
    await save.atDoor;
    // The save is in flight: the consent waits for it instead of racing it on the version.
    expect(consents.sent).toBe(0);
    save.release();

    expect((await saved).version).toBe(opened.version + 1);
    const afterConsent = await consented;
    expect(consents.sent).toBe(1);
    expect(afterConsent.version).toBe(opened.version + 2);
    // The cache entry is the last answer: the saved answers and the consent, with its actions.
    const cached = cachedCertificate(queryClient, id);
    expect(cached?.version).toBe(opened.version + 2);
    expect(cached?.answers['25']).toBe('Skrivet före samtycket.');
    expect(cached?.consent?.givenBy).toBe('patient');
    expect(cached?.actions.find((action) => action.type === 'record-consent')?.label).toBe(
      'Ändra samtycket',
    );
  });

  it('runs the next write after one that failed, on the version the cache still has', async () => {
    const { id, queryClient, opened } = await openDraft();
    backend.server.use(
      http.put(
        '/api/certificates/:id/answers',
        () =>
          HttpResponse.json(
            { code: 'SERVER_ERROR', message: 'Ett tekniskt fel uppstod på servern.' },
            { status: 500 },
          ),
        { once: true },
      ),
    );
    const failed = writeCertificate(queryClient, id, (version) =>
      saveAnswers(id, version, opened.answers),
    );
    const consented = writeCertificate(queryClient, id, (version) =>
      recordConsent(id, version, consent),
    );
    await expect(failed).rejects.toBeInstanceOf(HttpError);
    expect((await consented).version).toBe(opened.version + 1);
  });

  it('keeps the version when the write made none (printing only logs)', async () => {
    const { id, queryClient, opened } = await openDraft();
    const printed = await writeCertificate(queryClient, id, (version) => recordPrint(id, version));
    expect(printed.version).toBe(opened.version);
    expect(cachedCertificate(queryClient, id)).toEqual(opened);
    // The finished write is not kept beside the entry.
    await vi.waitFor(() => expect(queryClient.getMutationCache().getAll()).toEqual([]));
  });

  it('refuses, in Swedish, when the tab no longer has the certificate to base it on', async () => {
    const { id } = await openDraft();
    const empty = new QueryClient();
    await expect(
      writeCertificate(empty, id, (version) => recordConsent(id, version, consent)),
    ).rejects.toThrow(notLoadedMessage);
  });
});
