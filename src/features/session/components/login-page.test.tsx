import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { seedUsers } from '../../../../server/seed/seed-data';
import { readSession } from '../../../lib/session-store';
import { renderWithProviders } from '../../../testing/render';
import { startTestBackend } from '../../../testing/test-backend';
import { LoginPage } from './login-page';

startTestBackend();

describe('LoginPage', () => {
  it('lists every seeded person with role and unit, and logs in with the one chosen', async () => {
    const { user, router } = renderWithProviders(<LoginPage afterLogin="/sok" />);
    for (const person of Object.values(seedUsers)) {
      expect(
        await screen.findByRole('button', { name: new RegExp(person.name) }),
      ).toHaveTextContent(person.title);
    }
    await user.click(screen.getByRole('button', { name: new RegExp(seedUsers.midwife.name) }));
    expect(await screen.findByText('Annan sida')).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/sok');
    expect(readSession('care')?.token).toMatch(/^[0-9a-f]{32,}$/);
  });
});
