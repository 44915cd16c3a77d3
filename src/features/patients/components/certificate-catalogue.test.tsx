import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { seedPatients } from '../../../../server/seed/seed-data';
import { renderWithProviders } from '../../../testing/render';
import { loginOverApi, startTestBackend } from '../../../testing/test-backend';
import { CertificateCatalogue } from './certificate-catalogue';

startTestBackend();

const certificatePath = (id: string) => `/certificate/${id}`;
const catalogue = () => (
  <CertificateCatalogue patientId={seedPatients.adult.id} certificatePath={certificatePath} />
);
const entryNames = () =>
  within(screen.getByRole('list'))
    .getAllByRole('heading', { level: 3 })
    .map((heading) => heading.textContent);

describe('CertificateCatalogue favourites', () => {
  it('stars a type by keyboard without moving it; it comes first on the next visit', async () => {
    await loginOverApi('physician');
    const first = renderWithProviders(catalogue());
    const stars = await screen.findAllByRole('button', { name: /^Favorit: / });
    const last = stars.at(-1);
    if (last === undefined) throw new Error('no star');
    const order = entryNames();
    expect(last).toHaveAttribute('aria-pressed', 'false');

    last.focus();
    await first.user.keyboard('{Enter}');
    await screen.findByRole('button', {
      name: last.getAttribute('aria-label') ?? '',
      pressed: true,
    });
    // Saved, and the catalogue read again (now with the favourite first from the backend).
    await waitFor(() => {
      expect(first.queryClient.isMutating() + first.queryClient.isFetching()).toBe(0);
    });
    expect(last).toHaveAttribute('aria-pressed', 'true');
    expect(last).toHaveFocus();
    expect(entryNames()).toEqual(order);
    first.unmount();

    renderWithProviders(catalogue());
    const starred = await screen.findByRole('button', { pressed: true });
    expect(starred).toHaveAccessibleName(last.getAttribute('aria-label') ?? '');
    expect(entryNames()).toEqual([order.at(-1), ...order.slice(0, -1)]);
  });
});
