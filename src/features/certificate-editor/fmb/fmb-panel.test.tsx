import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { loadDefinition } from '../../../definitions';
import { renderWithProviders } from '../../../testing/render';
import { loginOverApi, startTestBackend } from '../../../testing/test-backend';
import { FmbPanel } from './fmb-panel';

startTestBackend();

/**
 * The FMB panel with the backend's guidance: one choice per entered diagnosis, a code without
 * FMB said to be so with the reason, a code matched by shortening said to be so.
 */
describe('FmbPanel', () => {
  it('offers one choice per diagnosis and says which have no FMB', async () => {
    await loginOverApi('physician');
    const definition = await loadDefinition('fk7804');
    const answers = {
      '6': [
        { code: 'J209', description: 'Akut bronkit, ospecificerad' },
        { code: 'Z999', description: 'Annat' },
      ],
    };
    const { user } = renderWithProviders(
      <FmbPanel definition={definition} answers={answers} questionId="6" />,
    );
    const panel = screen.getByRole('region', { name: 'FMB – stöd för sjukskrivning' });
    // Folded on a narrow screen (the test's): the button opens it.
    await user.click(within(panel).getByRole('button', { name: /FMB:s rekommendationer/ }));
    const choices = await within(panel).findByRole('group', { name: 'Välj diagnos' });
    const first = within(choices).getByRole('button', { name: 'J209' });
    expect(first).toHaveAttribute('aria-pressed', 'true');
    expect(within(panel).getByRole('heading', { name: 'J20 Akut bronkit' })).toBeVisible();
    expect(
      within(panel).getByText('Rekommendationerna gäller J20, som J209 hör till.'),
    ).toBeVisible();

    await user.click(within(choices).getByRole('button', { name: 'Z999' }));
    expect(within(choices).getByRole('button', { name: 'Z999' })).toHaveAttribute(
      'aria-pressed',
      'true',
    );
    expect(within(panel).getByText('FMB har inget stöd för diagnoskoden.')).toBeVisible();
    expect(within(panel).queryByRole('heading', { name: 'J20 Akut bronkit' })).toBeNull();
  });

  it('asks for a diagnosis before there is one', async () => {
    await loginOverApi('physician');
    const definition = await loadDefinition('fk7804');
    const { user } = renderWithProviders(
      <FmbPanel definition={definition} answers={{}} questionId="6" />,
    );
    await user.click(screen.getByRole('button', { name: /FMB:s rekommendationer/ }));
    expect(
      screen.getByText(
        'Ange en diagnoskod för att se Socialstyrelsens rekommendationer för sjukskrivning.',
      ),
    ).toBeVisible();
  });
});
