import { screen, waitFor } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { queryKeys } from '../lib/query-keys';
import { renderWithProviders } from '../testing/render';
import { startTestBackend } from '../testing/test-backend';
import { TrainingNotice } from './training-notice';

const backend = startTestBackend();

const notice = () => screen.queryByRole('complementary', { name: 'Övningsmiljö' });

describe('TrainingNotice', () => {
  it('says in words that the log-in is simulated and the data made up', async () => {
    const { queryClient } = renderWithProviders(<TrainingNotice />);
    const text =
      'Övningsmiljö – inloggningen är simulerad och uppgifterna är påhittade. Använd inte riktiga patientuppgifter.';
    // From the first render, so that nothing moves when the backend answers …
    expect(notice()).toHaveTextContent(text);
    // … and still once it has said that this is a training environment.
    await waitFor(() =>
      expect(queryClient.getQueryData(queryKeys.environment)).toEqual({
        training: true,
        testability: true,
      }),
    );
    expect(notice()).toHaveTextContent(text);
  });

  it('is left out where the backend says it is not a training environment', async () => {
    backend.server.use(
      http.get('/api/environment', () =>
        HttpResponse.json({ training: false, testability: false }),
      ),
    );
    renderWithProviders(<TrainingNotice />);
    await waitFor(() => expect(notice()).toBeNull());
  });

  it('stays when the backend cannot be asked', async () => {
    backend.server.use(http.get('/api/environment', () => HttpResponse.error()));
    const { queryClient } = renderWithProviders(<TrainingNotice />);
    await waitFor(() =>
      expect(queryClient.getQueryState(queryKeys.environment)?.status).toBe('error'),
    );
    expect(notice()).not.toBeNull();
  });
});
