import { screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { beforeEach, describe, expect, it } from 'vitest';
import { seedPatients, seedUsers } from '../../../../mocks/builders/seed-data';
import { certificateResponseSchema } from '../../../contracts/certificates';
import { loginResponseSchema } from '../../../contracts/session';
import { storedCertificateResponseSchema } from '../../../contracts/testability';
import { startSession } from '../../../lib/session-store';
import { queryKeys } from '../../../lib/query-keys';
import { renderWithProviders } from '../../../testing/render';
import { callApi, createTestCertificate, startTestBackend } from '../../../testing/test-backend';
import { getCertificate } from '../api/get-certificate';
import { CertificatePage } from './certificate-page';
import { addDefinitionVersionsForTests } from '../../../definitions';
import fk7804 from '../../../definitions/fk7804.json';

const backend = startTestBackend();

/** The role the page is opened with (a variable: jsx-a11y reads a `role` string as ARIA's). */
const physician = 'physician';

beforeEach(() => window.localStorage.clear());

const OTHER_INFO = 'Övriga upplysningar';

/**
 * How long to wait for what the page says next: past autosave's debounce (a second after the
 * last keystroke) and the requests after it, with room for a loaded machine.
 */
const WAIT = { timeout: 10_000 };

/** Logs a seeded user in over the API, apart from the app's session. */
async function logInOverApi(who: 'physician' | 'secondPhysician') {
  const user = seedUsers[who];
  const response = await fetch('/api/auth/login', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ userId: user.id, unitHsaId: user.unitHsaIds[0] }),
  });
  return loginResponseSchema.required().parse(await response.json());
}

async function tokenOf(who: 'physician' | 'secondPhysician'): Promise<string> {
  return (await logInOverApi(who)).token;
}

/** Logs the app in as the physician; returns the server's today (the one clock). */
async function logIn(): Promise<string> {
  const { token, session } = await logInOverApi('physician');
  startSession('care', token);
  return session.today;
}

/** A draft FK 7804 with the minimal answers and no consent, open on its page. */
async function openDraftPage() {
  const today = await logIn();
  const id = await createTestCertificate({
    type: 'fk7804',
    patientId: seedPatients.adult.id,
    answers: 'minimal',
    consent: false,
  });
  const rendered = await openPage(id, today);
  await waitFor(() => expect(saveStatus()).toHaveTextContent(/^Utkastet är sparat/), WAIT);
  return { id, today, ...rendered };
}

/** An FK 7804's page as the physician sees it, once its heading is drawn. */
async function openPage(id: string, today: string) {
  const rendered = renderWithProviders(
    <CertificatePage
      certificateId={id}
      today={today}
      role={physician}
      userId={seedUsers.physician.id}
      patientPath={(patientId) => `/patient/${patientId}`}
    />,
  );
  await screen.findByRole(
    'heading',
    { level: 1, name: 'FK 7804 Läkarintyg för sjukpenning' },
    WAIT,
  );
  return rendered;
}

/** The save status beside the draft's status (a polite live region). */
function saveStatus() {
  const status = screen
    .getAllByRole('status')
    .find((element) => element.classList.contains('save-status'));
  if (status === undefined) throw new Error('no save status on the page');
  return status;
}

function headerActions() {
  return screen.getByRole('list', { name: 'Åtgärder för intyget' });
}

async function stored(id: string) {
  const { body } = await callApi(`/api/testability/certificates/${id}`);
  return storedCertificateResponseSchema.parse(body);
}

describe('CertificatePage: the certificate has one owner, its cache entry', () => {
  it("a save's answer reaches the header: its actions are drawn, and its version is the next write's", async () => {
    const { id, user } = await openDraftPage();
    const print = within(headerActions()).getByRole('button', { name: 'Skriv ut utkastet' });
    expect(print).toBeEnabled();

    // The server answers the save with a changed action list (printing refused, with why).
    backend.server.use(
      http.put(
        '/api/certificates/:id/answers',
        async ({ request }) => {
          const answer = await fetch(request.url, {
            method: 'PUT',
            headers: request.headers,
            body: await request.text(),
          });
          const { certificate } = certificateResponseSchema.parse(await answer.json());
          return HttpResponse.json({
            certificate: {
              ...certificate,
              actions: certificate.actions.map((action) =>
                action.type === 'print'
                  ? { ...action, enabled: false, reason: 'Utskrift är inte möjlig just nu.' }
                  : action,
              ),
            },
          });
        },
        { once: true },
      ),
    );
    await user.type(screen.getByRole('textbox', { name: OTHER_INFO }), 'Sparas nu.');
    await waitFor(() => expect(saveStatus()).toHaveTextContent(/^Utkastet är sparat/), WAIT);
    expect(
      within(headerActions()).getByRole('button', { name: 'Skriv ut utkastet' }),
    ).toBeDisabled();
    expect(within(headerActions()).getByText('Utskrift är inte möjlig just nu.')).toBeVisible();

    // The header's delete is based on the version that save produced: no conflict.
    expect((await stored(id)).version).toBe(2);
    await user.click(within(headerActions()).getByRole('button', { name: 'Radera utkastet' }));
    const dialog = screen.getByRole('dialog', { name: 'Radera utkastet' });
    // Deleting cannot be undone: the dialog opens on the choice that changes nothing.
    expect(within(dialog).getByRole('button', { name: 'Avbryt' })).toHaveFocus();
    await user.click(within(dialog).getByRole('button', { name: 'Radera' }));
    expect(await screen.findByText('Annan sida', {}, WAIT)).toBeInTheDocument();
    expect((await callApi(`/api/testability/certificates/${id}`)).status).toBe(404);
  });

  it('a consent recorded while a save is in flight waits for it: both are stored, no conflict', async () => {
    const { id, user } = await openDraftPage();
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    backend.server.use(
      http.put(
        '/api/certificates/:id/answers',
        async () => {
          await gate;
          // Nothing returned: the backend's own handler saves.
        },
        { once: true },
      ),
    );
    await user.type(screen.getByRole('textbox', { name: OTHER_INFO }), 'Före samtycket.');
    await waitFor(() => expect(saveStatus()).toHaveTextContent('Sparar…'), WAIT);

    await user.click(screen.getByRole('button', { name: 'Registrera samtycke' }));
    const dialog = screen.getByRole('dialog', { name: 'Patientens samtycke' });
    await user.click(within(dialog).getByRole('radio', { name: 'Patienten' }));
    await user.click(within(dialog).getByRole('radio', { name: 'Muntligt' }));
    await user.click(within(dialog).getByRole('button', { name: 'Registrera samtycket' }));
    expect(within(dialog).getByRole('button', { name: 'Registrerar…' })).toBeInTheDocument();

    release();
    expect(
      await screen.findByText('Patientens samtycke är registrerat.', {}, WAIT),
    ).toBeInTheDocument();
    await waitFor(() => expect(saveStatus()).toHaveTextContent(/^Utkastet är sparat/), WAIT);
    expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument();
    const after = await stored(id);
    expect(after.answers['25']).toBe('Före samtycket.');
    expect(after.version).toBe(3);
    expect((await getCertificate(id)).certificate.consent).toMatchObject({ givenBy: 'patient' });
    // The editor draws the consent from the consent's answer.
    expect(screen.getByRole('button', { name: 'Ändra samtycket' })).toBeEnabled();
  });

  it("another user's save is met as a conflict, never overwritten, and what was typed is kept", async () => {
    const { id, user, queryClient } = await openDraftPage();
    // Erik Berg saves the draft from his computer; this tab hears of it as another tab's
    // change would tell it (query-keys' listener): the entry is marked stale, not refetched.
    const erik = await tokenOf('secondPhysician');
    const opened = await getCertificate(id);
    const erikSaved = await callApi(`/api/certificates/${id}/answers`, {
      method: 'PUT',
      token: erik,
      body: {
        version: opened.certificate.version,
        answers: { ...opened.certificate.answers, '25': 'Eriks text.' },
      },
    });
    expect(erikSaved.status).toBe(200);
    await queryClient.invalidateQueries({
      queryKey: queryKeys.certificate(id),
      refetchType: 'none',
    });

    const field = screen.getByRole('textbox', { name: OTHER_INFO });
    await user.type(field, 'Min text.');
    const dialog = await screen.findByRole(
      'alertdialog',
      { name: 'Utkastet har ändrats av någon annan' },
      WAIT,
    );
    expect(dialog).toHaveTextContent('Utkastet ändrades av Erik Berg');
    expect(saveStatus()).toHaveTextContent('Inte sparat – utkastet har ändrats av Erik Berg');
    expect((await stored(id)).answers['25']).toBe('Eriks text.');

    await user.click(within(dialog).getByRole('button', { name: 'Ladda om utkastet' }));
    const kept = await screen.findByRole(
      'region',
      { name: 'Dina ändringar som inte sparades' },
      WAIT,
    );
    expect(within(kept).getByRole('group', { name: OTHER_INFO })).toHaveTextContent('Min text.');
    const reloaded = await screen.findByRole('textbox', { name: OTHER_INFO }, WAIT);
    await waitFor(() => expect(reloaded).toHaveValue('Eriks text.'), WAIT);

    // Chosen, the kept answer is saved on top of Erik's version.
    await user.click(within(kept).getByRole('button', { name: 'Använd mitt svar' }));
    await waitFor(() => expect(saveStatus()).toHaveTextContent(/^Utkastet är sparat/), WAIT);
    expect((await stored(id)).answers['25']).toBe('Min text.');
  });

  it('a save that fails is retried until it gets through, with everything typed meanwhile', async () => {
    const { id, user } = await openDraftPage();
    let failing = true;
    backend.server.use(
      http.put('/api/certificates/:id/answers', () =>
        failing
          ? HttpResponse.json(
              { code: 'SERVER_ERROR', message: 'Ett tekniskt fel uppstod på servern.' },
              { status: 500 },
            )
          : undefined,
      ),
    );
    const field = screen.getByRole('textbox', { name: OTHER_INFO });
    await user.type(field, 'Första delen.');
    await waitFor(
      () =>
        expect(saveStatus()).toHaveTextContent(
          'Kunde inte spara – försöker igen. Dina ändringar finns kvar i webbläsaren.',
        ),
      WAIT,
    );
    // Typing goes on during the outage; it waits in the browser.
    await user.type(field, ' Andra delen.');
    await waitFor(
      () =>
        expect(window.localStorage.getItem(backupKey(id))).toContain('Första delen. Andra delen.'),
      WAIT,
    );
    expect((await stored(id)).answers['25']).toBeUndefined();

    failing = false;
    await waitFor(() => expect(saveStatus()).toHaveTextContent(/^Utkastet är sparat/), WAIT);
    expect((await stored(id)).answers['25']).toBe('Första delen. Andra delen.');
    expect(field).toHaveValue('Första delen. Andra delen.');
    expect(window.localStorage.getItem(backupKey(id))).toBeNull();
  });
});

describe('a draft on an older version of the form', () => {
  it('says so, names both versions, and stays editable on its own version', async () => {
    const { id } = await openDraftPage();
    expect(
      screen.queryByRole('heading', {
        name: 'Utkastet är skrivet på en äldre version av formuläret',
      }),
    ).toBeNull();
    // FK publishes version 2.1 of FK 7804 (test-only), after the draft was begun on 2.0.
    const restore = addDefinitionVersionsForTests(
      'fk7804',
      new Map([['2.1', { ...fk7804, version: '2.1' }]]),
      '2.1',
    );
    try {
      const today = await logIn();
      renderWithProviders(
        <CertificatePage
          certificateId={id}
          today={today}
          role={physician}
          userId={seedUsers.physician.id}
          patientPath={(patientId) => `/patient/${patientId}`}
        />,
      );
      const notice = await screen.findByRole(
        'heading',
        { name: 'Utkastet är skrivet på en äldre version av formuläret' },
        WAIT,
      );
      expect(notice.parentElement).toHaveTextContent(
        'Utkastet är skrivet på version 2.0 av FK 7804. Försäkringskassan har gett ut version 2.1.',
      );
      expect(screen.getAllByRole('textbox', { name: OTHER_INFO }).at(-1)).toBeEnabled();
    } finally {
      restore();
    }
  });
});

describe('CertificatePage: signing and sending in few steps', () => {
  it('signs and sends in one step, asking there for the missing consent and recording it', async () => {
    const { id, today, user } = await openDraftPage();
    const bar = screen.getByRole('region', { name: 'Nästa steg' });
    // Both ways to sign are in the bar; signing and sending in one step comes first.
    const buttons = within(bar).getAllByRole('button');
    expect(buttons.map((button) => button.textContent)).toEqual([
      'Signera och skicka',
      'Signera intyget',
    ]);
    await user.click(within(bar).getByRole('button', { name: 'Signera och skicka' }));

    const dialog = await screen.findByRole('dialog', { name: 'Signera och skicka' });
    expect(dialog).toHaveTextContent(
      'När du har signerat skickas intyget direkt till Försäkringskassan. Det ska göras i samråd med patienten.',
    );
    // FK 7804's sending notice is said before the sending, as the sending's own step says it.
    expect(dialog).toHaveTextContent('Ett inkommet läkarintyg innebär inte att patienten är');
    // Signing and sending cannot be undone: the dialog opens on the choice that changes nothing.
    expect(within(dialog).getByRole('button', { name: 'Avbryt' })).toHaveFocus();
    // Prefilled as it mostly is: given by the (adult) patient, today. How is never guessed.
    expect(within(dialog).getByRole('radio', { name: 'Patienten' })).toBeChecked();
    expect(within(dialog).getByLabelText('Datum då samtycket lämnades')).toHaveValue(today);
    await user.click(within(dialog).getByRole('button', { name: 'Signera och skicka' }));
    const oral = within(dialog).getByRole('radio', { name: 'Muntligt' });
    expect(oral).toHaveFocus();
    expect(
      within(dialog).getByRole('group', { name: 'Hur lämnades samtycket?' }),
    ).toHaveTextContent('Fel: Ange hur samtycket lämnades.');

    await user.click(oral);
    await user.click(within(dialog).getByRole('button', { name: 'Signera och skicka' }));
    await user.click(
      await within(dialog).findByRole('button', { name: /Signera med SITHS-kort/ }, WAIT),
    );

    expect(
      await screen.findByRole('heading', { name: 'Skickat till Försäkringskassan' }, WAIT),
    ).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: 'Intyget är signerat' })).toBeInTheDocument();
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(screen.queryByRole('region', { name: 'Nästa steg' })).not.toBeInTheDocument();
    const stored = await backend.db.read((tx) => tx.certificates.get(id));
    expect(stored).toMatchObject({
      status: 'signed',
      consent: { givenBy: 'patient', method: 'oral', givenOn: today },
    });
    expect(stored?.sent?.at).toBe(stored?.signed?.at);
  });

  it('signing only leaves it signed and unsent, with "Skicka" in the bar', async () => {
    const { id, user } = await openDraftPage();
    await user.click(screen.getByRole('button', { name: 'Registrera samtycke' }));
    const consent = screen.getByRole('dialog', { name: 'Patientens samtycke' });
    await user.click(within(consent).getByRole('radio', { name: 'Patienten' }));
    await user.click(within(consent).getByRole('radio', { name: 'Muntligt' }));
    await user.click(within(consent).getByRole('button', { name: 'Registrera samtycket' }));
    await screen.findByText('Patientens samtycke är registrerat.', {}, WAIT);

    await user.click(
      within(screen.getByRole('region', { name: 'Nästa steg' })).getByRole('button', {
        name: 'Signera intyget',
      }),
    );
    const dialog = await screen.findByRole('dialog', { name: 'Signera intyget' });
    expect(dialog).toHaveTextContent(
      'Intyget skickas inte till Försäkringskassan när du signerar.',
    );
    expect(within(dialog).getByRole('button', { name: 'Avbryt' })).toHaveFocus();
    // Recorded already: the signing step does not ask again.
    expect(
      within(dialog).queryByRole('group', { name: 'Hur lämnades samtycket?' }),
    ).not.toBeInTheDocument();
    await user.click(within(dialog).getByRole('button', { name: 'Signera intyget' }));
    await user.click(
      await within(dialog).findByRole('button', { name: /Signera med SITHS-kort/ }, WAIT),
    );

    expect(
      await screen.findByRole('heading', { name: 'Intyget är signerat' }, WAIT),
    ).toBeInTheDocument();
    // The physician chose not to send: nothing asks again, the sending waits in the bar.
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(
      within(screen.getByRole('region', { name: 'Nästa steg' })).getByRole('button', {
        name: 'Skicka till Försäkringskassan',
      }),
    ).toBeEnabled();
    expect((await backend.db.read((tx) => tx.certificates.get(id)))?.sent).toBeUndefined();
  });
});

describe('a replaced certificate, and one whose replacement was revoked', () => {
  /** A write over the API as the physician; the certificate as the backend answers it. */
  async function write(token: string, path: string, body: unknown) {
    const response = await callApi(path, { method: 'POST', token, body });
    expect(response.status, JSON.stringify(response.body)).toBeLessThan(300);
    return certificateResponseSchema.parse(response.body).certificate;
  }

  it('reads "Ersatt" with a link to the replacement, and "gäller igen" once the replacement is revoked', async () => {
    const today = await logIn();
    const token = await tokenOf('physician');
    const id = await createTestCertificate({
      type: 'fk7804',
      patientId: seedPatients.adult.id,
      answers: 'complete',
      status: 'sent',
    });
    const original = (await getCertificate(id)).certificate;
    let replacement = await write(token, `/api/certificates/${id}/replace`, {
      version: original.version,
    });
    if (replacement.consent === undefined) {
      replacement = await write(token, `/api/certificates/${replacement.id}/consent`, {
        version: replacement.version,
        consent: { givenBy: 'patient', method: 'oral', givenOn: today },
      });
    }
    replacement = await write(token, `/api/certificates/${replacement.id}/sign`, {
      version: replacement.version,
      method: 'siths',
    });

    const replaced = await openPage(id, today);
    expect(screen.getByText(/^Intyg · Ersatt ·/)).toBeInTheDocument();
    const banner = screen.getByRole('heading', { name: 'Intyget är ersatt' }).parentElement;
    if (banner === null) throw new Error('no banner');
    expect(banner).toHaveTextContent('Det är det nya intyget som gäller.');
    expect(within(banner).getByRole('link', { name: 'Öppna det nya intyget' })).toHaveAttribute(
      'href',
      `/intyg/${replacement.id}`,
    );
    replaced.unmount();

    await write(token, `/api/certificates/${replacement.id}/revoke`, {
      version: replacement.version,
      reason: 'other-serious-error',
      message: 'Fel diagnos.',
    });
    await openPage(id, today);
    expect(screen.getByText(/^Intyg · Signerat ·/)).toBeInTheDocument();
    expect(screen.queryByRole('heading', { name: 'Intyget är ersatt' })).toBeNull();
    expect(
      screen.getByRole('heading', { name: 'Intyget gäller igen' }).parentElement,
    ).toHaveTextContent(
      'Det intyg som ersatte det här intyget har makulerats. Intyget gäller därför igen.',
    );
    const relations = screen.getByRole('list', { name: 'Relationer till andra intyg' });
    expect(relations).toHaveTextContent(
      /^Ersattes av ett intyg signerat .+, som sedan makulerades\.$/,
    );
  });
});

function backupKey(id: string): string {
  return `intyga:unsaved-draft:${seedUsers.physician.id}:${id}`;
}
