import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { definitionWith, renderForm } from '../testing/render-question';
import { last, renderView, stubScrollIntoView } from './kind-test-setup';

stubScrollIntoView();

const options = [
  { code: 'NEUROPSYKIATRISKT', label: 'Neuropsykiatriskt utlåtande' },
  { code: 'HABILITERING', label: 'Underlag från habiliteringen' },
  { code: 'PSYKOLOG', label: 'Underlag från psykolog' },
];
const definition = definitionWith(
  [
    {
      id: '4',
      kind: 'investigations',
      label: 'Utredningar',
      required: true,
      maxRows: 2,
      maxDate: {},
      sourceMaxLength: 20,
      options,
    },
    { id: 'next', kind: 'textField', label: 'Nästa fråga' },
  ],
  { crossChecks: [{ type: 'rowsFromTop', question: '4' }] },
);

const typeLabel = 'Ange utredning eller underlag';
const sourceLabel =
  'Från vilken vårdgivare kan Försäkringskassan hämta information om utredningen/underlaget?';

describe('investigations', () => {
  it('is filled in by keyboard, row by row, up to maxRows', async () => {
    const { user, changes } = renderForm(definition);
    expect(screen.getAllByRole('combobox')).toHaveLength(1);
    await user.tab();
    const type = screen.getByRole('combobox', { name: `${typeLabel}, rad 1` });
    expect(type).toHaveFocus();
    await user.selectOptions(type, 'Underlag från psykolog');
    await user.tab();
    const date = screen.getByRole('textbox', { name: 'Datum, rad 1' });
    expect(date).toHaveFocus();
    await user.keyboard('-2v');
    await user.tab(); // the date's calendar button
    expect(date).toHaveValue('2026-03-02');
    expect(
      screen.getByRole('button', { name: 'Välj datum i kalendern, Datum, rad 1' }),
    ).toHaveFocus();
    await user.tab();
    const source = screen.getByRole('textbox', { name: `${sourceLabel}, rad 1` });
    expect(source).toHaveFocus();
    await user.keyboard('Psykologmottagningen');
    await waitFor(() =>
      expect(last(changes)).toEqual({
        '4': [{ type: 'PSYKOLOG', date: '2026-03-02', source: 'Psykologmottagningen' }],
      }),
    );
    // The next row shows once the row above holds something; never more than maxRows.
    await user.tab();
    expect(screen.getByRole('combobox', { name: `${typeLabel}, rad 2` })).toHaveFocus();
    expect(screen.getAllByRole('combobox')).toHaveLength(2);
    await user.selectOptions(
      screen.getByRole('combobox', { name: `${typeLabel}, rad 2` }),
      'HABILITERING',
    );
    expect(screen.getAllByRole('combobox')).toHaveLength(2);
    await waitFor(() =>
      expect(last(changes)).toEqual({
        '4': [
          { type: 'PSYKOLOG', date: '2026-03-02', source: 'Psykologmottagningen' },
          { type: 'HABILITERING', date: '', source: '' },
        ],
      }),
    );
  });

  it('uses the column labels of the definition', () => {
    renderForm(
      definitionWith([
        {
          id: '4',
          kind: 'investigations',
          label: 'Utredningar',
          maxRows: 3,
          options,
          columnLabels: {
            date: 'Datum',
            type: 'Utredning eller underlag',
            source: 'Från vilken vårdgivare',
          },
        },
      ]),
    );
    expect(
      screen.getByRole('combobox', { name: 'Utredning eller underlag, rad 1' }),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('textbox', { name: 'Från vilken vårdgivare, rad 1' }),
    ).toBeInTheDocument();
  });

  it("shows each part's error at its own field once the question is left", async () => {
    const { user } = renderForm(definition, {
      answers: {
        '4': [{ type: '', date: '2026-04-01', source: 'Neuropsykiatriska kliniken i X-stad' }],
      },
    });
    const date = screen.getByRole('textbox', { name: 'Datum, rad 1' });
    await user.click(date);
    await user.click(screen.getByRole('textbox', { name: 'Nästa fråga' }));
    const type = screen.getByRole('combobox', { name: `${typeLabel}, rad 1` });
    await waitFor(() => expect(type).toHaveAttribute('aria-invalid', 'true'));
    expect(type).toHaveAccessibleDescription(/Välj ett alternativ\./);
    expect(date).toHaveAccessibleDescription(/Ange ett datum som är senast 2026-03-16\./);
    const source = screen.getByRole('textbox', { name: `${sourceLabel}, rad 1` });
    expect(source).toHaveAccessibleDescription(/Ange en text som inte är längre än 20 tecken\./);
    expect(screen.getByText(/^35 av 20 tecken/)).toBeInTheDocument();
    expect(screen.getByText('15 tecken för mycket')).toBeInTheDocument();
  });

  it('shows the rows-from-top error on the empty row, and its blocker link focuses that row', async () => {
    const { user } = renderForm(definition, {
      answers: {
        '4': [
          { type: '', date: '', source: '' },
          { type: 'PSYKOLOG', date: '2026-03-02', source: 'Psykologmottagningen' },
        ],
      },
    });
    await user.click(screen.getByRole('link', { name: /Fyll i fälten uppifrån och ned\./ }));
    const type = screen.getByRole('combobox', { name: `${typeLabel}, rad 1` });
    await waitFor(() => expect(type).toHaveFocus());
    expect(type).toHaveAttribute('aria-invalid', 'true');
    expect(type).toHaveAccessibleDescription(/Fyll i fälten uppifrån och ned\./);
  });

  it('shows the rows read-only', () => {
    renderView(definition, {
      '4': [{ type: 'PSYKOLOG', date: '2026-03-02', source: 'Psykologmottagningen' }],
    });
    const item = within(screen.getByRole('article')).getByRole('listitem');
    expect(within(item).getByText('Underlag från psykolog')).toBeInTheDocument();
    expect(within(item).getByText('Datum: 2026-03-02')).toBeInTheDocument();
    expect(within(item).getByText(`${sourceLabel}: Psykologmottagningen`)).toBeInTheDocument();
  });
});
