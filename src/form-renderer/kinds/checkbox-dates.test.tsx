import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { definitionWith, renderForm, TEST_TODAY } from '../testing/render-question';
import { last, renderView, stubScrollIntoView } from './kind-test-setup';

stubScrollIntoView();

const definition = definitionWith([
  {
    id: '1',
    kind: 'checkboxDates',
    label: 'Intyget är baserat på',
    required: true,
    maxDate: {},
    options: [
      { code: 'FYSISKUNDERSOKNING', label: 'min undersökning vid fysiskt vårdmöte' },
      { code: 'TELEFONKONTAKT', label: 'min telefonkontakt med patienten' },
      { code: 'JOURNALUPPGIFTER', label: 'journaluppgifter från den' },
      { code: 'ANNAT', label: 'annat' },
    ],
  },
  { id: 'next', kind: 'textField', label: 'Nästa fråga' },
]);

describe('checkboxDates', () => {
  it('is filled in by keyboard: Space ticks an option and shows its date, prefilled with today', async () => {
    const { user, changes } = renderForm(definition);
    const group = screen.getByRole('group', { name: /Intyget är baserat på/ });
    expect(within(group).queryByRole('textbox')).not.toBeInTheDocument();

    await user.tab();
    expect(
      screen.getByRole('checkbox', { name: 'min undersökning vid fysiskt vårdmöte' }),
    ).toHaveFocus();
    await user.keyboard(' ');
    const date = screen.getByRole('textbox', {
      name: 'Datum, min undersökning vid fysiskt vårdmöte',
    });
    expect(date).toHaveValue(TEST_TODAY);
    await waitFor(() =>
      expect(last(changes)).toEqual({ '1': [{ code: 'FYSISKUNDERSOKNING', date: TEST_TODAY }] }),
    );

    // Tick "annat" before "journaluppgifter": the answer keeps the definition's order.
    await user.tab(); // the date
    await user.tab(); // its calendar button
    await user.tab(); // telefonkontakt
    await user.tab(); // journaluppgifter
    await user.tab(); // annat
    expect(screen.getByRole('checkbox', { name: 'annat' })).toHaveFocus();
    await user.keyboard(' ');
    await user.tab();
    const annat = screen.getByRole('textbox', { name: 'Datum, annat' });
    expect(annat).toHaveFocus();
    await user.clear(annat);
    await user.type(annat, 'igår');
    await user.tab();
    expect(annat).toHaveValue('2026-03-15');
    await user.click(screen.getByRole('checkbox', { name: 'journaluppgifter från den' }));
    await waitFor(() =>
      expect(last(changes)).toEqual({
        '1': [
          { code: 'FYSISKUNDERSOKNING', date: TEST_TODAY },
          { code: 'JOURNALUPPGIFTER', date: TEST_TODAY },
          { code: 'ANNAT', date: '2026-03-15' },
        ],
      }),
    );
  });

  it('removes the row when an option is unticked and brings its date back when ticked again', async () => {
    const { user, changes } = renderForm(definition, {
      answers: { '1': [{ code: 'JOURNALUPPGIFTER', date: '2026-01-10' }] },
    });
    const box = screen.getByRole('checkbox', { name: 'journaluppgifter från den' });
    expect(box).toBeChecked();
    expect(screen.getByRole('textbox', { name: 'Datum, journaluppgifter från den' })).toHaveValue(
      '2026-01-10',
    );
    await user.click(box);
    expect(
      screen.queryByRole('textbox', { name: 'Datum, journaluppgifter från den' }),
    ).not.toBeInTheDocument();
    await waitFor(() => expect(last(changes)).toEqual({ '1': [] }));
    await user.click(box);
    expect(screen.getByRole('textbox', { name: 'Datum, journaluppgifter från den' })).toHaveValue(
      '2026-01-10',
    );
    await waitFor(() =>
      expect(last(changes)).toEqual({ '1': [{ code: 'JOURNALUPPGIFTER', date: '2026-01-10' }] }),
    );
  });

  it('keeps text it cannot read and says so at that date as soon as the date is left', async () => {
    const { user } = renderForm(definition, {
      answers: {
        '1': [
          { code: 'FYSISKUNDERSOKNING', date: '2026-03-10' },
          { code: 'ANNAT', date: '2026-03-01' },
        ],
      },
    });
    const annat = screen.getByRole('textbox', { name: 'Datum, annat' });
    await user.clear(annat);
    await user.type(annat, '2026-13-45');
    expect(annat).not.toHaveAttribute('aria-invalid');
    // Still inside the question, but the date is left: as a date question's, its error shows.
    await user.click(
      screen.getByRole('textbox', { name: 'Datum, min undersökning vid fysiskt vårdmöte' }),
    );
    expect(annat).toHaveValue('2026-13-45');
    await waitFor(() => expect(annat).toHaveAttribute('aria-invalid', 'true'));
    expect(annat).toHaveAccessibleDescription(/Ange giltigt datum i formatet åååå-mm-dd\./);
    const other = screen.getByRole('textbox', {
      name: 'Datum, min undersökning vid fysiskt vårdmöte',
    });
    expect(other).not.toHaveAttribute('aria-invalid');
    await user.clear(annat);
    await user.type(annat, '2026-04-01');
    await waitFor(() =>
      expect(annat).toHaveAccessibleDescription(/Ange ett datum som är senast 2026-03-16\./),
    );
  });

  it('puts a blocker link on the exact date field', async () => {
    const { user } = renderForm(definition, {
      answers: { '1': [{ code: 'TELEFONKONTAKT', date: '' }] },
    });
    await user.click(screen.getByRole('link', { name: /Intyget är baserat på: Ange ett datum\./ }));
    const date = screen.getByRole('textbox', { name: 'Datum, min telefonkontakt med patienten' });
    await waitFor(() => expect(date).toHaveFocus());
    expect(date.id).toMatch(/q-1-0-date$/);
    expect(date).toHaveAccessibleDescription(/Ange ett datum\./);
  });

  it('shows the stored value read-only, and "Ej angivet" for a value of the wrong shape', () => {
    const { unmount } = renderView(definition, {
      '1': [
        { code: 'FYSISKUNDERSOKNING', date: '2026-03-10' },
        { code: 'ANNAT', date: '2026-03-01' },
      ],
    });
    const list = within(screen.getByRole('article')).getAllByRole('listitem');
    expect(list.map((entry) => entry.textContent)).toEqual([
      'min undersökning vid fysiskt vårdmöte 2026-03-10',
      'annat 2026-03-01',
    ]);
    unmount();
    renderView(definition, { '1': 'fel form' });
    expect(within(screen.getByRole('article')).getAllByText('Ej angivet')).toHaveLength(2);
  });
});
