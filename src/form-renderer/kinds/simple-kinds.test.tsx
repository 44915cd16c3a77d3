import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { parseDefinition } from '../../form-engine';
import { definitionWith, renderForm } from '../testing/render-question';
import { last, renderView } from './kind-test-setup';

describe('textArea and textField', () => {
  const definition = definitionWith([
    { id: 'a', kind: 'textArea', label: 'Beskriv besvären', required: true, maxLength: 20 },
    { id: 'b', kind: 'textField', label: 'Yrke', maxLength: 10 },
  ]);

  it('writes the text, counts characters, and shows errors only after the field is left', async () => {
    const { user, changes } = renderForm(definition);
    const area = screen.getByRole('textbox', { name: /Beskriv besvären/ });
    await user.click(area);
    expect(screen.queryByText('Ange ett svar.')).not.toBeInTheDocument();
    await user.tab();
    expect(await screen.findByText('Ange ett svar.')).toBeInTheDocument();
    expect(area).toHaveAttribute('aria-invalid', 'true');
    await user.type(area, 'Värk i ländryggen sedan en vecka');
    expect(screen.getByText(/^32 av 20 tecken/)).toBeInTheDocument();
    expect(screen.getByText('12 tecken för mycket')).toBeInTheDocument();
    expect(screen.getByText('Ange en text som inte är längre än 20 tecken.')).toBeInTheDocument();
    await waitFor(() => expect(last(changes)).toEqual({ a: 'Värk i ländryggen sedan en vecka' }));
    await user.clear(area);
    await user.type(area, 'Ryggvärk');
    await waitFor(() => expect(screen.queryByText(/Ange/)).not.toBeInTheDocument());
    await user.type(screen.getByRole('textbox', { name: 'Yrke' }), 'Snickare');
    await waitFor(() => expect(last(changes)).toEqual({ a: 'Ryggvärk', b: 'Snickare' }));
  });

  it('clears a loaded answer for good (it does not spring back)', async () => {
    const { user, changes } = renderForm(definition, { answers: { a: 'Ryggvärk', b: 'Snickare' } });
    const field = screen.getByRole('textbox', { name: 'Yrke' });
    expect(field).toHaveValue('Snickare');
    await user.clear(field);
    await user.tab();
    expect(field).toHaveValue('');
    await waitFor(() => expect(last(changes)).toEqual({ a: 'Ryggvärk' }));
  });

  it('shows the text read-only, and "Ej angivet" for no answer', () => {
    renderView(definition, { a: 'Ryggvärk' });
    const view = screen.getByRole('article');
    expect(within(view).getByText('Ryggvärk')).toBeInTheDocument();
    expect(within(view).getByText('Ej angivet')).toBeInTheDocument();
  });
});

describe('yesNo, checkbox and codeRadio', () => {
  const definition = definitionWith([
    { id: 'y', kind: 'yesNo', label: 'Är patienten sjukskriven?', required: true },
    {
      id: 'c',
      kind: 'checkbox',
      label: 'Kontakt',
      checkboxLabel: 'Jag önskar att Försäkringskassan kontaktar mig',
    },
    {
      id: 'r',
      kind: 'codeRadio',
      label: 'Prognos',
      required: true,
      options: [
        { code: 'STOR_SANNOLIKHET', label: 'Stor sannolikhet' },
        { code: 'SANNOLIKT_INTE', label: 'Sannolikt inte' },
      ],
    },
  ]);

  it('are answered by keyboard alone: Tab into a group, arrows choose, Space ticks', async () => {
    const { user, changes } = renderForm(definition);
    await user.tab();
    expect(screen.getByRole('radio', { name: 'Ja' })).toHaveFocus();
    await user.keyboard('{ArrowRight}');
    expect(screen.getByRole('radio', { name: 'Nej' })).toBeChecked();
    await user.tab();
    expect(screen.getByRole('checkbox', { name: /kontaktar mig/ })).toHaveFocus();
    await user.keyboard(' ');
    await user.tab();
    await user.keyboard('{ArrowDown}');
    expect(screen.getByRole('radio', { name: 'Sannolikt inte' })).toBeChecked();
    await waitFor(() => expect(last(changes)).toEqual({ y: false, c: true, r: 'SANNOLIKT_INTE' }));
    const group = screen.getByRole('group', { name: /Är patienten sjukskriven/ });
    expect(group).toBeInTheDocument();
  });

  it('view the chosen labels', () => {
    renderView(definition, { y: true, c: true, r: 'STOR_SANNOLIKHET' });
    expect(screen.getByText('Ja')).toBeInTheDocument();
    expect(screen.getByText('Jag önskar att Försäkringskassan kontaktar mig')).toBeInTheDocument();
    expect(screen.getByText('Stor sannolikhet')).toBeInTheDocument();
  });
});

describe('dropdown and codeCheckboxes', () => {
  const definition = definitionWith([
    {
      id: 'd',
      kind: 'dropdown',
      label: 'Välj månader',
      required: true,
      options: [
        { code: 'M1', label: 'En månad' },
        { code: 'M3', label: 'Tre månader' },
      ],
    },
    {
      id: 'k',
      kind: 'codeCheckboxes',
      label: 'Åtgärder',
      options: [
        { code: 'A', label: 'Arbetsträning' },
        { code: 'B', label: 'Ergonomisk bedömning' },
        { code: 'X', label: 'Inte aktuellt', exclusive: true },
      ],
    },
  ]);

  it('choose by keyboard, keep the definition order, and disable what cannot be combined', async () => {
    const { user, changes } = renderForm(definition);
    await user.selectOptions(screen.getByRole('combobox', { name: /Välj månader/ }), 'Tre månader');
    await user.click(screen.getByRole('checkbox', { name: 'Ergonomisk bedömning' }));
    await user.click(screen.getByRole('checkbox', { name: 'Arbetsträning' }));
    await waitFor(() => expect(last(changes)).toEqual({ d: 'M3', k: ['A', 'B'] }));
    expect(screen.getByRole('checkbox', { name: 'Inte aktuellt' })).toBeDisabled();
  });

  it('view the chosen options', () => {
    renderView(definition, { d: 'M1', k: ['B'] });
    expect(screen.getByText('En månad')).toBeInTheDocument();
    expect(screen.getByRole('listitem')).toHaveTextContent('Ergonomisk bedömning');
  });
});

describe('date and integer', () => {
  const definition = definitionWith([
    {
      id: 'dt',
      kind: 'date',
      label: 'Beräknat födelsedatum',
      required: true,
      minDate: {},
      maxDate: { years: 1 },
    },
    { id: 'n', kind: 'integer', label: 'Antal månader', min: 1, max: 12, unit: 'månader' },
  ]);

  it('reads shortcuts into ISO dates when the field is left', async () => {
    const { user, changes } = renderForm(definition);
    const date = screen.getByRole('textbox', { name: /Beräknat födelsedatum/ });
    await user.type(date, '+7d');
    await user.tab();
    expect(date).toHaveValue('2026-03-23');
    await user.clear(date);
    await user.type(date, '20260401');
    await user.tab();
    expect(date).toHaveValue('2026-04-01');
    await waitFor(() => expect(last(changes)).toEqual({ dt: '2026-04-01' }));
  });

  it('keeps text it cannot read, and says what is wrong', async () => {
    const { user } = renderForm(definition);
    const date = screen.getByRole('textbox', { name: /Beräknat födelsedatum/ });
    await user.type(date, 'nästa vecka');
    await user.tab();
    expect(date).toHaveValue('nästa vecka');
    expect(
      await screen.findByText('Ange giltigt datum i formatet åååå-mm-dd.'),
    ).toBeInTheDocument();
    await user.clear(date);
    await user.type(date, '2026-03-01');
    await user.tab();
    expect(
      await screen.findByText('Ange ett datum som är tidigast 2026-03-16.'),
    ).toBeInTheDocument();
  });

  it('checks the integer range and keeps what is typed', async () => {
    const { user, changes } = renderForm(definition);
    const months = screen.getByRole('textbox', { name: /Antal månader/ });
    expect(months).toHaveAccessibleDescription('månader');
    await user.type(months, '14');
    await user.tab();
    expect(await screen.findByText('Ange ett värde mellan 1-12.')).toBeInTheDocument();
    await user.clear(months);
    await user.type(months, 'tre');
    expect(months).toHaveValue('tre');
    await user.clear(months);
    await user.type(months, '3');
    await waitFor(() => expect(last(changes)).toEqual({ n: 3 }));
  });

  it('never clears a number it cannot read: the text stays through blur and re-renders, with its message', async () => {
    const { user, changes } = renderForm(definition);
    const months = screen.getByRole('textbox', { name: /Antal månader/ });
    await user.type(months, '12a');
    await user.tab();
    expect(months).toHaveValue('12a');
    expect(await screen.findByText('Ange ett heltal.')).toBeInTheDocument();
    expect(months).toHaveAccessibleDescription(/Ange ett heltal\./);
    expect(months).toHaveAttribute('aria-invalid', 'true');
    // A re-render of every question (showing all errors) keeps the text.
    await user.click(screen.getByRole('button', { name: 'Visa vad som saknas i formuläret' }));
    expect(months).toHaveValue('12a');
    await user.clear(months);
    await user.type(months, '1,5');
    await user.tab();
    expect(months).toHaveValue('1,5');
    expect(screen.getByText('Ange ett heltal.')).toBeInTheDocument();
    // What is saved is no number (NaN is no answer), never a made-up one.
    await waitFor(() => expect(last(changes)?.n).toBeNaN());
    await user.clear(months);
    await user.type(months, ' 7 ');
    await user.tab();
    await waitFor(() => expect(last(changes)).toEqual({ n: 7 }));
    expect(screen.queryByText('Ange ett heltal.')).not.toBeInTheDocument();
  });

  it('view dates and numbers with their unit', () => {
    renderView(definition, { dt: '2026-08-01', n: 3 });
    expect(screen.getByText('2026-08-01')).toBeInTheDocument();
    expect(screen.getByText('3 månader')).toBeInTheDocument();
  });
});

describe('icf and careUnitContact', () => {
  const definition = definitionWith([
    {
      id: 'f',
      kind: 'icf',
      label: 'Funktionsnedsättning',
      required: true,
      icfCategory: 'FUNKTIONSNEDSATTNINGAR',
    },
    {
      id: 'u',
      kind: 'careUnitContact',
      label: 'Vårdenhetens adress',
      required: true,
      postcodeFiveDigits: true,
    },
  ]);

  it('write the ICF text and every contact part, with errors on the part', async () => {
    const { user, changes } = renderForm(definition, {
      answers: {
        u: {
          address: 'Sjöviksbacken 14',
          postcode: '117 43',
          city: 'Stockholm',
          phone: '08-123 456 70',
        },
      },
    });
    await user.type(
      screen.getByRole('textbox', { name: /Funktionsnedsättning/ }),
      'Nedsatt koncentration',
    );
    const postcode = screen.getByRole('textbox', { name: 'Postnummer' });
    await user.clear(postcode);
    await user.type(postcode, '1174');
    await user.tab();
    expect(await screen.findByText('Ange postnummer med fem siffror.')).toBeInTheDocument();
    expect(postcode).toHaveAttribute('aria-invalid', 'true');
    await user.clear(postcode);
    await user.type(postcode, '11743');
    await waitFor(() =>
      expect(last(changes)).toEqual({
        f: { text: 'Nedsatt koncentration' },
        u: {
          address: 'Sjöviksbacken 14',
          postcode: '11743',
          city: 'Stockholm',
          phone: '08-123 456 70',
        },
      }),
    );
  });

  it('view the contact details', () => {
    renderView(definition, {
      f: { text: 'Trötthet' },
      u: { address: 'Gatan 1', postcode: '11743', city: 'Stockholm', phone: '08-1' },
    });
    expect(screen.getByText('Trötthet')).toBeInTheDocument();
    expect(screen.getByText(/Gatan 1/)).toHaveTextContent('Telefon: 08-1');
  });
});

describe('a definition must parse', () => {
  it('rejects an unknown kind', () => {
    expect(() => definitionWith([{ id: 'z', kind: 'slider', label: 'X' }])).toThrow();
    expect(parseDefinition).toBeTypeOf('function');
  });
});
