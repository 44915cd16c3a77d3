import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { definitionWith, renderForm, TEST_TODAY } from '../testing/render-question';
import { last, renderView, stubScrollIntoView } from './kind-test-setup';

stubScrollIntoView();

const definition = definitionWith(
  [
    {
      id: '56',
      kind: 'periodsWithShares',
      label: 'Jag bedömer att barnet inte ska vårdas i ordinarie tillsynsform',
      shareLabel: 'Andel av ordinarie tid',
      required: true,
      minDate: { days: -90 },
      options: [
        { code: 'EN_ATTONDEL', label: '12,5 procent', percent: 12.5 },
        { code: 'EN_FJARDEDEL', label: '25 procent', percent: 25 },
        { code: 'HALVA', label: '50 procent', percent: 50 },
        { code: 'TRE_FJARDEDELAR', label: '75 procent', percent: 75 },
        { code: 'HELA', label: '100 procent', percent: 100 },
      ],
    },
  ],
  {
    crossChecks: [
      {
        id: 'periodsDoNotOverlap',
        type: 'noOverlap',
        question: '56',
        message: 'Ange perioder som inte överlappar varandra.',
      },
    ],
  },
);

describe('periodsWithShares', () => {
  it('adds a period by keyboard: Enter on "Lägg till period" moves to the new row', async () => {
    const { user, changes } = renderForm(definition);
    expect(screen.getByText('Ingen period är angiven.')).toBeInTheDocument();
    await user.tab();
    const add = screen.getByRole('button', { name: 'Lägg till period' });
    expect(add).toHaveFocus();
    await user.keyboard('{Enter}');
    const share = screen.getByRole('combobox', { name: 'Andel av ordinarie tid, period 1' });
    await waitFor(() => expect(share).toHaveFocus());
    await user.selectOptions(share, '50 procent');
    await user.tab();
    const from = screen.getByRole('textbox', { name: 'Från och med, period 1' });
    expect(from).toHaveFocus();
    expect(from).toHaveValue(TEST_TODAY);
    await user.tab(); // its calendar button
    await user.tab();
    await user.keyboard('2v');
    await user.tab();
    expect(screen.getByRole('textbox', { name: 'Till och med, period 1' })).toHaveValue(
      '2026-03-29',
    );
    await waitFor(() =>
      expect(last(changes)).toEqual({
        '56': [{ code: 'HALVA', from: TEST_TODAY, to: '2026-03-29' }],
      }),
    );
    expect(screen.getByRole('status')).toHaveTextContent(
      'Intyget motsvarar en period på 14 dagar.',
    );

    // A second period starts the day after; a share already used cannot be chosen again.
    await user.click(add);
    const second = screen.getByRole('combobox', { name: 'Andel av ordinarie tid, period 2' });
    expect(within(second).getByRole('option', { name: '50 procent' })).toBeDisabled();
    expect(screen.getByRole('textbox', { name: 'Från och med, period 2' })).toHaveValue(
      '2026-03-30',
    );
  });

  it('removes a period with "Ta bort period N" and moves focus sensibly', async () => {
    const { user, changes } = renderForm(definition, {
      answers: {
        '56': [
          { code: 'HELA', from: '2026-03-16', to: '2026-03-22' },
          { code: 'HALVA', from: '2026-03-23', to: '2026-03-29' },
        ],
      },
    });
    await user.click(screen.getByRole('button', { name: 'Ta bort period 1' }));
    await waitFor(() =>
      expect(last(changes)).toEqual({
        '56': [{ code: 'HALVA', from: '2026-03-23', to: '2026-03-29' }],
      }),
    );
    expect(
      screen.getByRole('combobox', { name: 'Andel av ordinarie tid, period 1' }),
    ).toHaveFocus();
    expect(screen.getByRole('combobox', { name: 'Andel av ordinarie tid, period 1' })).toHaveValue(
      'HALVA',
    );
    await user.tab(); // Från och med
    await user.tab(); // its calendar button
    await user.tab(); // Till och med
    await user.tab(); // its calendar button
    await user.tab();
    const remove = screen.getByRole('button', { name: 'Ta bort period 1' });
    expect(remove).toHaveFocus();
    await user.keyboard(' ');
    await waitFor(() => expect(last(changes)).toEqual({ '56': [] }));
    expect(screen.getByRole('button', { name: 'Lägg till period' })).toHaveFocus();
  });

  it('shows a date too far back and an overlap on the right row', async () => {
    const { user } = renderForm(definition, {
      answers: {
        '56': [
          { code: 'HELA', from: '2025-12-01', to: '2026-03-22' },
          { code: 'HALVA', from: '2026-03-20', to: '2026-03-29' },
        ],
      },
    });
    await user.click(screen.getByRole('button', { name: 'Visa vad som saknas i formuläret' }));
    const firstFrom = screen.getByRole('textbox', { name: 'Från och med, period 1' });
    expect(firstFrom).toHaveAttribute('aria-invalid', 'true');
    expect(firstFrom).toHaveAccessibleDescription(/Ange ett datum som är tidigast 2025-12-16\./);
    expect(firstFrom).not.toHaveAccessibleDescription(/överlappar/);
    const secondFrom = screen.getByRole('textbox', { name: 'Från och med, period 2' });
    expect(secondFrom).toHaveAttribute('aria-invalid', 'true');
    expect(secondFrom).toHaveAccessibleDescription(/Ange perioder som inte överlappar varandra\./);
  });

  it("shows a missing share at the row's select", async () => {
    const { user } = renderForm(definition, {
      answers: { '56': [{ code: '', from: '2026-03-16', to: '2026-03-20' }] },
    });
    await user.click(screen.getByRole('link', { name: /Välj ett giltigt alternativ\./ }));
    const share = screen.getByRole('combobox', { name: 'Andel av ordinarie tid, period 1' });
    await waitFor(() => expect(share).toHaveFocus());
    expect(share).toHaveAttribute('aria-invalid', 'true');
  });

  it('shows the periods read-only', () => {
    renderView(definition, {
      '56': [{ code: 'EN_ATTONDEL', from: '2026-03-16', to: '2026-03-18' }],
    });
    const view = screen.getByRole('article');
    expect(
      within(view).getByText('Andel av ordinarie tid: 12,5 procent, 2026-03-16 – 2026-03-18'),
    ).toBeInTheDocument();
    expect(within(view).getByText('Intyget motsvarar en period på 3 dagar.')).toBeInTheDocument();
  });
});
