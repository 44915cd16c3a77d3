import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { careUnit, secondCareUnit, seedPatients, seedUsers } from '../../mocks/builders/seed-data';
import { paths } from '../config/paths';
import { queryKeys } from '../lib/query-keys';
import { endSession, readSession, setSessionUnit } from '../lib/session-store';
import { asAnotherTab } from '../testing/other-tab';
import {
  callApi,
  createTestCertificate,
  loginOverApi,
  startTestBackend,
} from '../testing/test-backend';
import { App, createApp } from './app';

startTestBackend();

/** Logs in as the physician on the log-in page, at the first of her two care units. */
async function logInAtFirstUnit() {
  await userEvent.click(
    await screen.findByRole('button', { name: new RegExp(seedUsers.physician.name) }),
  );
  await screen.findByRole('heading', { level: 1, name: 'Välj vårdenhet' });
  const units = await screen.findByRole('list', { name: 'Vårdenheter' });
  await userEvent.click(within(units).getByRole('button', { name: new RegExp(careUnit.name) }));
}

/** The app as a tab opened at `path` shows it (a new runtime: nothing read yet). */
function openTab(path: string) {
  window.history.replaceState(null, '', path);
  const runtime = createApp();
  render(<App runtime={runtime} />);
  return runtime;
}

describe('one log-in per browser', () => {
  it('a link opened in a new tab opens where it points, logged in', async () => {
    const id = await createTestCertificate({
      type: 'fk7804',
      patientId: seedPatients.adult.id,
      status: 'draft',
    });
    // Logged in in another tab; this tab is opened on the draft's link.
    await loginOverApi('physician');
    openTab(paths.certificate(id));
    expect(await screen.findByRole('heading', { level: 1, name: /FK 7804/ })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Logga ut' })).toBeInTheDocument();
    expect(screen.queryByRole('heading', { name: 'Logga in i Intyga' })).not.toBeInTheDocument();
  });

  it('a log-out in another tab ends the session here too, on "Du är utloggad"', async () => {
    await loginOverApi('physician');
    const runtime = openTab(paths.search);
    await screen.findByRole('button', { name: 'Logga ut' });
    expect(runtime.queryClient.getQueryData(queryKeys.session)).toBeDefined();

    await asAnotherTab(() => endSession('care', 'logged-out'));

    expect(
      await screen.findByRole('heading', { level: 1, name: 'Du är utloggad' }),
    ).toBeInTheDocument();
    expect(runtime.router.state.location.pathname).toBe(paths.loggedOut);
    // What was read with the session is gone from this tab as well.
    await waitFor(() =>
      expect(runtime.queryClient.getQueryData(queryKeys.session)).toBeUndefined(),
    );
  });

  it('a session that expired in another tab ends here on the expired page, and logging in again returns to the page', async () => {
    await loginOverApi('physician');
    const runtime = openTab(paths.inbox);
    await screen.findByRole('heading', { level: 1, name: 'Ej hanterade ärenden' });

    await asAnotherTab(() => endSession('care', 'expired'));

    expect(
      await screen.findByRole('heading', { level: 1, name: 'Du har blivit utloggad' }),
    ).toBeInTheDocument();
    await userEvent.click(screen.getByRole('link', { name: 'Logga in igen' }));
    await logInAtFirstUnit();
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Ej hanterade ärenden' }),
    ).toBeInTheDocument();
    expect(runtime.router.state.location.pathname).toBe(paths.inbox);
  });

  it('a deep link opened before logging in lands on its target after the log-in', async () => {
    const runtime = openTab(paths.drafts);
    await screen.findByRole('button', { name: new RegExp(seedUsers.physician.name) });
    // The target waits in the router's state, not in the address.
    expect(runtime.router.state.location.pathname).toBe(paths.login);
    expect(runtime.router.state.location.search).toBe('');
    await logInAtFirstUnit();
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Ej signerade utkast' }),
    ).toBeInTheDocument();
    expect(runtime.router.state.location.pathname).toBe(paths.drafts);
    expect(readSession('care')).toBeDefined();
  });

  it("the log-in page follows another tab's log-in", async () => {
    const runtime = openTab(paths.login);
    await screen.findByRole('heading', { level: 1, name: 'Logga in i Intyga' });
    await asAnotherTab(() => loginOverApi('physician'));
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Sök / skriv intyg' }),
    ).toBeInTheDocument();
    expect(runtime.router.state.location.pathname).toBe(paths.search);
  });

  it("follows another tab's switch of care unit: the header and the lists are the new unit's", async () => {
    const draftAt = (unitHsaId: string) =>
      createTestCertificate({
        type: 'fk7804',
        patientId: seedPatients.adult.id,
        status: 'draft',
        unitHsaId,
      });
    const first = await draftAt(careUnit.hsaId);
    const second = await draftAt(secondCareUnit.hsaId);
    const draftLinks = () =>
      within(screen.getByRole('table'))
        .getAllByRole('link')
        .map((link) => link.getAttribute('href'));
    const token = await loginOverApi('physician');
    openTab(paths.drafts);
    // The header is drawn anew when the unit changes: read it each time.
    const banner = () => screen.getByRole('banner');
    await waitFor(() => expect(banner()).toHaveTextContent(careUnit.name));
    await screen.findByRole('table');
    expect(draftLinks()).toEqual([paths.certificate(first)]);

    // The other tab switches ("Byt vårdenhet"): the server's session and the browser's both.
    await asAnotherTab(async () => {
      const switched = await callApi('/api/session/care-unit', {
        method: 'PUT',
        token,
        body: { unitHsaId: secondCareUnit.hsaId },
      });
      expect(switched.status).toBe(200);
      setSessionUnit('care', secondCareUnit.hsaId);
    });

    await waitFor(() => expect(banner()).toHaveTextContent(secondCareUnit.name));
    await waitFor(() => expect(draftLinks()).toEqual([paths.certificate(second)]));
  });
});
