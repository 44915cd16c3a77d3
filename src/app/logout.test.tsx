import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http } from 'msw';
import { describe, expect, it } from 'vitest';
import { paths } from '../config/paths';
import { recordSessionActivity } from '../features/session';
import { readSession } from '../lib/session-store';
import { loginOverApi, startTestBackend } from '../testing/test-backend';
import { App, createApp } from './app';

const backend = startTestBackend();

/** Resolves once the server has no session with this token any more. */
async function sessionEnded(token: string): Promise<void> {
  while ((await backend.db.read((tx) => tx.sessions.get(token))) !== undefined) {
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

describe('logging out', () => {
  it('ends on "Du är utloggad" even when a request in flight is refused after the log-out', async () => {
    const token = await loginOverApi('physician');
    window.history.replaceState(null, '', paths.search);
    const runtime = createApp();
    render(<App runtime={runtime} />);
    const logout = await screen.findByRole('button', { name: 'Logga ut' });

    // The pointer-down of the click on "Logga ut" is user activity: after a quiet while it
    // sends a keep-alive. Hold that keep-alive on the server until the log-out has ended
    // the session, so that it is refused while the app is on its way out.
    let refusedKeepAlive = false;
    const keepAliveAnswered = new Promise<void>((resolve) => {
      backend.server.events.on('response:mocked', ({ request, response }) => {
        if (new URL(request.url).pathname !== '/api/session/keep-alive') return;
        refusedKeepAlive = response.status === 401;
        resolve();
      });
    });
    backend.server.use(
      http.post('/api/session/keep-alive', async () => {
        await sessionEnded(token);
        // Nothing returned: the real handler answers, now without a session.
      }),
    );
    recordSessionActivity(Date.now() - 10 * 60_000);

    await userEvent.click(logout);

    await keepAliveAnswered;
    expect(refusedKeepAlive).toBe(true);
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Du är utloggad' }),
    ).toBeInTheDocument();
    // Let every navigation that was started settle: the page must stay.
    await waitFor(() => expect(runtime.router.state.navigation.state).toBe('idle'));
    expect(runtime.router.state.location.pathname).toBe(paths.loggedOut);
    expect(screen.getByRole('heading', { level: 1, name: 'Du är utloggad' })).toBeInTheDocument();
    expect(readSession('care')).toBeUndefined();
    expect(screen.queryByRole('heading', { name: 'Logga in i Intyga' })).not.toBeInTheDocument();
  });
});
