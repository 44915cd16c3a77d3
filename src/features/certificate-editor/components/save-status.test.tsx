import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { SaveStatus } from './save-status';

describe('SaveStatus', () => {
  it('while retrying, says the changes are kept and offers to try again at once', async () => {
    const onRetryNow = vi.fn();
    render(
      <SaveStatus
        state={{ kind: 'retrying', attempt: 2, message: 'Kunde inte spara – försöker igen' }}
        userId="u1"
        onRetryNow={onRetryNow}
      />,
    );
    expect(screen.getByRole('status')).toHaveTextContent(
      'Kunde inte spara – försöker igen. Dina ändringar finns kvar i webbläsaren.',
    );
    await userEvent.click(screen.getByRole('button', { name: 'Försök spara nu' }));
    expect(onRetryNow).toHaveBeenCalledTimes(1);
  });

  it('offers no retry when the draft is saved', () => {
    render(
      <SaveStatus state={{ kind: 'saved', savedAt: undefined }} userId="u1" onRetryNow={vi.fn()} />,
    );
    expect(screen.getByRole('status')).toHaveTextContent('Utkastet är sparat');
    expect(screen.queryByRole('button')).toBeNull();
  });
});
