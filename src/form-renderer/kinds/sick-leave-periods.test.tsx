import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { definitionWith, renderForm, TEST_TODAY, testContext } from '../testing/render-question';
import { last, renderView, stubScrollIntoView } from './kind-test-setup';

stubScrollIntoView();

const question = {
  id: '32',
  kind: 'sickLeavePeriods',
  label: 'Min bedömning av patientens nedsättning av arbetsförmågan',
  required: true,
  showWorkingHours: true,
  options: [
    { code: 'EN_FJARDEDEL', label: 'Nedsatt med 1/4', percent: 25 },
    { code: 'HALFTEN', label: 'Nedsatt med hälften', percent: 50 },
    { code: 'TRE_FJARDEDEL', label: 'Nedsatt med 3/4', percent: 75 },
    { code: 'HELT_NEDSATT', label: 'Helt nedsatt', percent: 100 },
  ],
};
const definition = definitionWith(
  [question, { id: 'next', kind: 'textField', label: 'Nästa fråga' }],
  {
    crossChecks: [{ type: 'noOverlap', question: '32' }],
  },
);

describe('sickLeavePeriods', () => {
  it('is filled in by keyboard, reads "14d" in the end field as the period length and shows the total', async () => {
    const { user, changes } = renderForm(definition);
    await user.tab(); // working hours
    expect(screen.getByRole('textbox', { name: /Arbetstid \(timmar\/vecka\)/ })).toHaveFocus();
    await user.tab(); // 1/4
    await user.tab(); // Från, 1/4
    await user.tab(); // its calendar button
    await user.tab(); // Till, 1/4
    await user.tab(); // its calendar button
    await user.tab(); // hälften
    const half = screen.getByRole('checkbox', { name: 'Nedsatt med hälften' });
    expect(half).toHaveFocus();
    await user.keyboard(' ');
    expect(half).toBeChecked();
    const from = screen.getByRole('textbox', { name: 'Från och med, Nedsatt med hälften' });
    expect(from).toHaveValue(TEST_TODAY);
    await user.tab();
    expect(from).toHaveFocus();
    await user.tab();
    expect(
      screen.getByRole('button', {
        name: 'Välj datum i kalendern, Från och med, Nedsatt med hälften',
      }),
    ).toHaveFocus();
    await user.tab();
    const to = screen.getByRole('textbox', { name: 'Till och med, Nedsatt med hälften' });
    expect(to).toHaveFocus();
    await user.type(to, '14d');
    await user.tab();
    expect(to).toHaveValue('2026-03-29');
    await waitFor(() =>
      expect(last(changes)).toEqual({
        '32': [{ code: 'HALFTEN', from: TEST_TODAY, to: '2026-03-29' }],
      }),
    );
    expect(screen.getByRole('status')).toHaveTextContent(
      'Intyget motsvarar en period på 14 dagar.',
    );

    // Space unticks: the row goes, and the total with it.
    await user.click(half);
    await waitFor(() => expect(last(changes)).toEqual({ '32': [] }));
    expect(screen.getByRole('status')).toHaveTextContent('');
  });

  it('ticks a row when a date is typed in it, and starts a new period the day after the last one', async () => {
    const { user, changes } = renderForm(definition);
    const from = screen.getByRole('textbox', { name: 'Från och med, Helt nedsatt' });
    await user.type(from, '2026-03-16');
    await user.type(screen.getByRole('textbox', { name: 'Till och med, Helt nedsatt' }), '1v');
    await user.tab();
    expect(screen.getByRole('checkbox', { name: 'Helt nedsatt' })).toBeChecked();
    await user.click(screen.getByRole('checkbox', { name: 'Nedsatt med 3/4' }));
    expect(screen.getByRole('textbox', { name: 'Från och med, Nedsatt med 3/4' })).toHaveValue(
      '2026-03-23',
    );
    await user.type(screen.getByRole('textbox', { name: 'Till och med, Nedsatt med 3/4' }), '1m');
    await user.tab();
    await waitFor(() =>
      expect(last(changes)).toEqual({
        '32': [
          { code: 'TRE_FJARDEDEL', from: '2026-03-23', to: '2026-04-22' },
          { code: 'HELT_NEDSATT', from: '2026-03-16', to: '2026-03-22' },
        ],
      }),
    );
    expect(screen.getByRole('status')).toHaveTextContent(
      'Intyget motsvarar en period på 38 dagar.',
    );
  });

  it("on a renewal shows the previous certificate's periods and continues after them", async () => {
    const { user, changes } = renderForm(definition, {
      context: {
        ...testContext,
        previousPeriods: {
          '32': [
            { code: 'HELT_NEDSATT', from: '2026-03-02', to: '2026-03-15' },
            { code: 'HALFTEN', from: '2026-03-16', to: '2026-03-29' },
          ],
        },
      },
    });
    const group = screen.getByRole('group', {
      name: /Min bedömning av patientens nedsättning av arbetsförmågan/,
    });
    expect(
      within(group).getByText(
        'Föregående intyg: Helt nedsatt 2026-03-02 – 2026-03-15, Nedsatt med hälften 2026-03-16 – 2026-03-29',
      ),
    ).toBeInTheDocument();
    // Not today (which lies inside the previous period): the day after it ends.
    await user.click(screen.getByRole('checkbox', { name: 'Nedsatt med 1/4' }));
    expect(screen.getByRole('textbox', { name: 'Från och med, Nedsatt med 1/4' })).toHaveValue(
      '2026-03-30',
    );
    await waitFor(() =>
      expect(last(changes)).toEqual({
        '32': [{ code: 'EN_FJARDEDEL', from: '2026-03-30', to: '' }],
      }),
    );
  });

  it('shows the remaining working hours per period, client-side only', async () => {
    const { user, changes } = renderForm(definition, {
      answers: { '32': [{ code: 'EN_FJARDEDEL', from: '2026-03-16', to: '2026-03-29' }] },
    });
    const hours = screen.getByRole('textbox', { name: /Arbetstid \(timmar\/vecka\)/ });
    await user.type(hours, '37,5');
    expect(screen.getByText('Arbetstid: 28,13 timmar/vecka')).toBeInTheDocument();
    await user.clear(hours);
    await user.type(hours, '200');
    expect(hours).toHaveAttribute('aria-invalid', 'true');
    expect(hours).toHaveAccessibleDescription(
      /Arbetstiden kan inte överstiga 168 timmar per vecka\./,
    );
    expect(screen.queryByText(/^Arbetstid:/)).not.toBeInTheDocument();
    await user.click(screen.getByRole('checkbox', { name: 'Helt nedsatt' }));
    await waitFor(() => expect(Object.keys(last(changes) ?? {})).toEqual(['32']));
  });

  it('shows an overlap on the period that starts later, and its blocker link focuses that field', async () => {
    const { user } = renderForm(definition, {
      answers: {
        '32': [
          { code: 'EN_FJARDEDEL', from: '2026-03-16', to: '2026-03-29' },
          { code: 'HELT_NEDSATT', from: '2026-03-20', to: '2026-04-05' },
        ],
      },
    });
    await user.click(
      screen.getByRole('link', { name: /Ange perioder som inte överlappar varandra\./ }),
    );
    const later = screen.getByRole('textbox', { name: 'Från och med, Helt nedsatt' });
    await waitFor(() => expect(later).toHaveFocus());
    expect(later).toHaveAttribute('aria-invalid', 'true');
    expect(later).toHaveAccessibleDescription(/Ange perioder som inte överlappar varandra\./);
    const earlier = screen.getByRole('textbox', { name: 'Från och med, Nedsatt med 1/4' });
    expect(earlier).not.toHaveAttribute('aria-invalid');
  });

  it('shows an end before the start at the end field', async () => {
    const { user } = renderForm(definition, {
      answers: { '32': [{ code: 'HALFTEN', from: '2026-03-20', to: '2026-03-10' }] },
    });
    await user.click(screen.getByRole('button', { name: 'Visa vad som saknas i formuläret' }));
    const to = screen.getByRole('textbox', { name: 'Till och med, Nedsatt med hälften' });
    expect(to).toHaveAttribute('aria-invalid', 'true');
    expect(to).toHaveAccessibleDescription(/Ange ett slutdatum som infaller efter startdatumet\./);
  });

  it('says an impossible date at the field as soon as it is left, before the question is', async () => {
    const { user } = renderForm(definition);
    await user.click(screen.getByRole('checkbox', { name: 'Nedsatt med hälften' }));
    const from = screen.getByRole('textbox', { name: 'Från och med, Nedsatt med hälften' });
    const to = screen.getByRole('textbox', { name: 'Till och med, Nedsatt med hälften' });
    await user.clear(from);
    await user.type(from, '2026-02-30');
    expect(from).not.toHaveAttribute('aria-invalid');
    // Tab to the calendar button: focus is still in the question, but the date is left.
    await user.tab();
    expect(from).toHaveValue('2026-02-30');
    expect(from).toHaveAttribute('aria-invalid', 'true');
    expect(from).toHaveAccessibleDescription(/Ange giltigt datum i formatet åååå-mm-dd\./);
    // An end not yet given is not an error while the physician is still in the question.
    await user.click(to);
    await user.tab();
    expect(to).not.toHaveAttribute('aria-invalid');
    expect(screen.queryByText('Ange ett datum.')).not.toBeInTheDocument();
    // Corrected, the error goes at once.
    await user.clear(from);
    await user.type(from, '2026-03-20');
    expect(from).not.toHaveAttribute('aria-invalid');
  });

  it('says an end before the start at the end field as soon as it is left', async () => {
    const { user } = renderForm(definition);
    await user.click(screen.getByRole('checkbox', { name: 'Nedsatt med hälften' }));
    const from = screen.getByRole('textbox', { name: 'Från och med, Nedsatt med hälften' });
    const to = screen.getByRole('textbox', { name: 'Till och med, Nedsatt med hälften' });
    await user.clear(from);
    await user.type(from, '2026-03-20');
    await user.click(to);
    await user.type(to, '2026-03-10');
    expect(to).not.toHaveAttribute('aria-invalid');
    await user.tab();
    expect(to).toHaveAttribute('aria-invalid', 'true');
    expect(to).toHaveAccessibleDescription(/Ange ett slutdatum som infaller efter startdatumet\./);
    expect(from).not.toHaveAttribute('aria-invalid');
  });

  it('shows the periods and the total read-only', () => {
    renderView(definition, { '32': [{ code: 'HALFTEN', from: '2026-03-16', to: '2026-03-29' }] });
    const view = screen.getByRole('article');
    expect(
      within(view).getByText('Nedsatt med hälften: 2026-03-16 – 2026-03-29'),
    ).toBeInTheDocument();
    expect(within(view).getByText('Intyget motsvarar en period på 14 dagar.')).toBeInTheDocument();
  });

  it('shows "Ej angivet" for a value of the wrong shape', () => {
    renderView(definition, { '32': [{ code: 1 }] });
    expect(within(screen.getByRole('article')).getAllByText('Ej angivet')).toHaveLength(2);
  });
});
