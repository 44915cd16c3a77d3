import { screen, waitFor, within } from '@testing-library/react';
import { beforeAll, describe, expect, it } from 'vitest';
import { definitionWith, renderForm } from '../testing/render-question';
import { last } from './kind-test-setup';

// TEST_TODAY is Monday 16 March 2026.
const definition = definitionWith([
  {
    id: 'dt',
    kind: 'date',
    label: 'Beräknat nedkomstdatum',
    required: true,
    minDate: {},
    maxDate: { years: 1 },
  },
]);

describe('the calendar beside a date field', () => {
  // The popup is a lazy chunk; on a busy machine its first transform alone can outlast a
  // findBy* wait, so it is loaded before the tests instead of inside the first one.
  beforeAll(async () => {
    await import('./calendar-popup');
  });

  it('is used by keyboard: opens on today, arrows move, Enter writes the date, Escape closes', async () => {
    const { user, changes } = renderForm(definition);
    const input = screen.getByRole('textbox', { name: /Beräknat nedkomstdatum/ });
    await user.tab();
    expect(input).toHaveFocus();
    await user.tab();
    const button = screen.getByRole('button', {
      name: 'Välj datum i kalendern, Beräknat nedkomstdatum',
    });
    expect(button).toHaveFocus();
    expect(button).toHaveAttribute('aria-expanded', 'false');
    await user.keyboard('{Enter}');

    const dialog = await screen.findByRole('dialog', {
      name: 'Välj datum: Beräknat nedkomstdatum',
    });
    expect(button).toHaveAttribute('aria-expanded', 'true');
    // Swedish, weeks start on Monday.
    const grid = within(dialog).getByRole('grid', { name: 'mars 2026' });
    // The weekday row is visual only (each day's name says its weekday): Monday comes first.
    const weekdays = Array.from(grid.querySelectorAll('thead th'), (day) => day.textContent);
    expect(weekdays).toEqual(['må', 'ti', 'on', 'to', 'fr', 'lö', 'sö']);
    // Focus is on today.
    await waitFor(() =>
      expect(
        within(dialog).getByRole('button', { name: 'Idag, måndag 16 mars 2026' }),
      ).toHaveFocus(),
    );
    // Before minDate (today) cannot be chosen.
    expect(within(dialog).getByRole('button', { name: 'söndag 15 mars 2026' })).toBeDisabled();

    await user.keyboard('{ArrowRight}{ArrowDown}');
    expect(within(dialog).getByRole('button', { name: 'tisdag 24 mars 2026' })).toHaveFocus();
    await user.keyboard('{Enter}');
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(input).toHaveValue('2026-03-24');
    expect(button).toHaveFocus();
    await waitFor(() => expect(last(changes)).toEqual({ dt: '2026-03-24' }));

    // Opened again, it starts on the chosen date; Escape closes and returns to the button.
    await user.keyboard('{Enter}');
    const again = await screen.findByRole('dialog');
    await waitFor(() =>
      expect(
        within(again).getByRole('button', { name: 'tisdag 24 mars 2026, vald' }),
      ).toHaveFocus(),
    );
    await user.keyboard('{PageDown}');
    expect(within(again).getByRole('grid', { name: 'april 2026' })).toBeInTheDocument();
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(button).toHaveFocus();
    expect(input).toHaveValue('2026-03-24');
  });

  it('keeps typed dates and shortcuts working beside it', async () => {
    const { user } = renderForm(definition);
    const input = screen.getByRole('textbox', { name: /Beräknat nedkomstdatum/ });
    await user.type(input, '+7d');
    await user.tab();
    expect(input).toHaveValue('2026-03-23');
    await user.keyboard('{Enter}');
    const dialog = await screen.findByRole('dialog');
    await waitFor(() =>
      expect(
        within(dialog).getByRole('button', { name: 'måndag 23 mars 2026, vald' }),
      ).toHaveFocus(),
    );
  });
});
