import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { definitionWith, renderForm } from '../testing/render-question';
import { last, renderView, stubScrollIntoView } from './kind-test-setup';

stubScrollIntoView();

const definition = definitionWith(
  [
    {
      id: '6',
      kind: 'diagnoses',
      label: 'Diagnos/diagnoser för sjukdom som orsakar nedsatt arbetsförmåga',
      required: true,
      maxRows: 3,
      rowLabels: ['Diagnos 1 (huvuddiagnos)', 'Diagnos 2', 'Diagnos 3'],
      codeSystems: ['ICD-10-SE'],
    },
    { id: 'next', kind: 'textField', label: 'Nästa fråga' },
  ],
  { crossChecks: [{ type: 'rowsFromTop', question: '6' }] },
);

const codeField = (row: string) => screen.getByRole('combobox', { name: `Diagnoskod, ${row}` });
const descriptionField = (row: string) =>
  screen.getByRole('textbox', { name: `Diagnosbeskrivning, ${row}` });

describe('diagnoses', () => {
  it('searches by words from the code field; ArrowDown and Enter choose a result', async () => {
    const { user, changes } = renderForm(definition);
    expect(
      screen.queryByRole('combobox', { name: 'Diagnoskod, Diagnos 2' }),
    ).not.toBeInTheDocument();
    await user.tab();
    const code = codeField('Diagnos 1 (huvuddiagnos)');
    expect(code).toHaveFocus();
    expect(code).toHaveAttribute('aria-expanded', 'false');
    await user.keyboard('utmattning');

    const option = await screen.findByRole('option', { name: 'F438A Utmattningssyndrom' });
    expect(code).toHaveAttribute('aria-expanded', 'true');
    const listbox = screen.getByRole('listbox', { name: 'Sökträffar, Diagnos 1 (huvuddiagnos)' });
    expect(code).toHaveAttribute('aria-controls', listbox.id);
    expect(within(listbox).getAllByRole('option')).toHaveLength(1);
    expect(
      within(code.closest('.diagnosis-combobox') ?? document.body).getByRole('status'),
    ).toHaveTextContent('1 träff');
    expect(code).not.toHaveAttribute('aria-activedescendant');

    await user.keyboard('{ArrowDown}');
    expect(code).toHaveAttribute('aria-activedescendant', option.id);
    expect(option).toHaveAttribute('aria-selected', 'true');
    await user.keyboard('{Enter}');

    expect(code).toHaveValue('F438A');
    expect(code).toHaveAttribute('aria-expanded', 'false');
    expect(descriptionField('Diagnos 1 (huvuddiagnos)')).toHaveValue('Utmattningssyndrom');
    await waitFor(() =>
      expect(last(changes)).toEqual({
        '6': [{ code: 'F438A', description: 'Utmattningssyndrom' }],
      }),
    );
    // The next row shows once the row above has a code.
    expect(codeField('Diagnos 2')).toBeInTheDocument();
    expect(
      screen.queryByRole('combobox', { name: 'Diagnoskod, Diagnos 3' }),
    ).not.toBeInTheDocument();
  });

  it('says which synonym found a hit, and gives the row the official code and description', async () => {
    const { user, changes } = renderForm(definition);
    const code = codeField('Diagnos 1 (huvuddiagnos)');
    await user.type(code, 'öronsus');
    const option = await screen.findByRole('option', {
      name: 'H931 Tinnitus Synonym: Öronsusning',
    });
    await user.click(option);
    expect(code).toHaveValue('H931');
    expect(descriptionField('Diagnos 1 (huvuddiagnos)')).toHaveValue('Tinnitus');
    await waitFor(() =>
      expect(last(changes)).toEqual({ '6': [{ code: 'H931', description: 'Tinnitus' }] }),
    );
  });

  it('moves with ArrowUp/ArrowDown, closes with Escape and says when nothing matches', async () => {
    const { user } = renderForm(definition);
    const code = codeField('Diagnos 1 (huvuddiagnos)');
    await user.type(code, 'a');
    await screen.findByRole('listbox');
    const options = screen.getAllByRole('option');
    expect(options.map((option) => option.textContent)).toEqual([
      'F438A Utmattningssyndrom',
      'J069 Akut övre luftvägsinfektion, ospecificerad',
      'M545 Lumbago',
    ]);
    await user.keyboard('{ArrowUp}');
    expect(code).toHaveAttribute('aria-activedescendant', options[2]?.id);
    await user.keyboard('{ArrowDown}');
    expect(code).toHaveAttribute('aria-activedescendant', options[0]?.id);
    await user.keyboard('{Escape}');
    expect(code).toHaveAttribute('aria-expanded', 'false');
    expect(screen.queryByRole('option')).not.toBeInTheDocument();
    expect(code).toHaveValue('a');
    await user.keyboard('{ArrowDown}');
    expect(code).toHaveAttribute('aria-expanded', 'true');

    await user.clear(code);
    await user.type(code, 'xyz');
    await waitFor(() =>
      expect(
        within(code.closest('.diagnosis-combobox') ?? document.body).getByRole('status'),
      ).toHaveTextContent('Inga träffar'),
    );
    expect(code).toHaveAttribute('aria-expanded', 'false');
  });

  it('looks up a code typed by hand when the field is left', async () => {
    const { user, changes } = renderForm(definition);
    const code = codeField('Diagnos 1 (huvuddiagnos)');
    await user.type(code, 'j06.9');
    await user.tab();
    expect(code).toHaveValue('J069');
    await waitFor(() =>
      expect(descriptionField('Diagnos 1 (huvuddiagnos)')).toHaveValue(
        'Akut övre luftvägsinfektion, ospecificerad',
      ),
    );
    await waitFor(() =>
      expect(last(changes)).toEqual({
        '6': [{ code: 'J069', description: 'Akut övre luftvägsinfektion, ospecificerad' }],
      }),
    );
  });

  it('says when a typed code does not exist, and keeps the typed text', async () => {
    const { user, changes } = renderForm(definition);
    const code = codeField('Diagnos 1 (huvuddiagnos)');
    await user.type(code, 'A999');
    await user.keyboard('{Escape}');
    await user.tab();
    expect(await screen.findByText('Diagnoskod är ej giltig.')).toBeInTheDocument();
    expect(code).toHaveValue('A999');
    expect(code).toHaveAttribute('aria-invalid', 'true');
    expect(code).toHaveAccessibleDescription(/Diagnoskod är ej giltig\./);
    await waitFor(() =>
      expect(last(changes)).toEqual({ '6': [{ code: 'A999', description: '' }] }),
    );

    // Typing again clears the message until the field is left.
    await user.click(code);
    await user.clear(code);
    await user.type(code, 'M545');
    expect(screen.queryByText('Diagnoskod är ej giltig.')).not.toBeInTheDocument();
    await user.click(descriptionField('Diagnos 1 (huvuddiagnos)'));
    await waitFor(() =>
      expect(descriptionField('Diagnos 1 (huvuddiagnos)')).toHaveValue('Lumbago'),
    );
  });

  it.each([
    ['an unknown code', 'A999'],
    ['a malformed code', '12'],
  ])('shows one message, not two, for %s', async (_, typed) => {
    const { user } = renderForm(definition);
    const code = codeField('Diagnos 1 (huvuddiagnos)');
    await user.type(code, typed);
    await user.keyboard('{Escape}');
    await user.type(descriptionField('Diagnos 1 (huvuddiagnos)'), 'Något');
    // Leaving the question shows the engine's errors too.
    await user.click(screen.getByRole('textbox', { name: 'Nästa fråga' }));
    const form = screen.getByRole('form', { name: 'Testintyg' });
    // FK's message, at the field exactly as in the panel, and once.
    expect(await within(form).findByText('Diagnoskod är ej giltig.')).toBeVisible();
    expect(within(form).getAllByText('Diagnoskod är ej giltig.')).toHaveLength(1);
    expect(code).toHaveAccessibleDescription(/^Fel: Diagnoskod är ej giltig\. Sök/);
    // Signing is still blocked by it.
    const panel = screen.getByRole('complementary', { name: 'Signering' });
    expect(
      await within(panel).findByRole('link', { name: /Diagnoskod är ej giltig\./ }),
    ).toBeInTheDocument();
  });

  it('chooses a result with the mouse too, and keeps a description the user wrote', async () => {
    const { user } = renderForm(definition, {
      answers: { '6': [{ code: '', description: 'Egen text' }] },
    });
    const code = codeField('Diagnos 1 (huvuddiagnos)');
    await user.type(code, 'M54');
    await user.click(await screen.findByRole('option', { name: 'M545 Lumbago' }));
    expect(code).toHaveValue('M545');
    expect(code).toHaveFocus();
    // Choosing a result sets the ICD title.
    expect(descriptionField('Diagnos 1 (huvuddiagnos)')).toHaveValue('Lumbago');
    await user.clear(descriptionField('Diagnos 1 (huvuddiagnos)'));
    await user.type(descriptionField('Diagnos 1 (huvuddiagnos)'), 'Ländryggssmärta');
    await user.click(code);
    await user.tab();
    // Leaving the unchanged code looks it up again; the code stays valid and the text stays.
    await waitFor(() => expect(code).not.toHaveAttribute('aria-invalid'));
    expect(descriptionField('Diagnos 1 (huvuddiagnos)')).toHaveValue('Ländryggssmärta');
    expect(screen.queryByRole('button', { name: 'Beskrivningen stämmer' })).not.toBeInTheDocument();
  });

  it('replaces the description that came with a code when the code is retyped', async () => {
    const { user, changes } = renderForm(definition);
    const code = codeField('Diagnos 1 (huvuddiagnos)');
    const description = descriptionField('Diagnos 1 (huvuddiagnos)');
    await user.type(code, 'F320');
    await user.click(await screen.findByRole('option', { name: 'F320 Lindrig depressiv episod' }));
    expect(description).toHaveValue('Lindrig depressiv episod');

    await user.clear(code);
    await user.type(code, 'f32.1');
    await user.keyboard('{Escape}');
    await user.tab();
    await waitFor(() => expect(description).toHaveValue('Medelsvår depressiv episod'));
    expect(code).toHaveValue('F321');
    await waitFor(() =>
      expect(last(changes)).toEqual({
        '6': [{ code: 'F321', description: 'Medelsvår depressiv episod' }],
      }),
    );
  });

  it('replaces a stored code’s title too (the draft reopened, then the code retyped)', async () => {
    const { user } = renderForm(definition, {
      answers: { '6': [{ code: 'F320', description: 'Lindrig depressiv episod' }] },
    });
    const code = codeField('Diagnos 1 (huvuddiagnos)');
    await user.clear(code);
    await user.type(code, 'F321');
    await user.keyboard('{Escape}');
    await user.tab();
    await waitFor(() =>
      expect(descriptionField('Diagnos 1 (huvuddiagnos)')).toHaveValue(
        'Medelsvår depressiv episod',
      ),
    );
  });

  it('clears the old code’s title when the new code does not exist', async () => {
    const { user } = renderForm(definition, {
      answers: { '6': [{ code: 'F320', description: 'Lindrig depressiv episod' }] },
    });
    const code = codeField('Diagnos 1 (huvuddiagnos)');
    await user.clear(code);
    await user.type(code, 'F329');
    await user.keyboard('{Escape}');
    await user.tab();
    expect(await screen.findByText('Diagnoskod är ej giltig.')).toBeInTheDocument();
    await waitFor(() => expect(descriptionField('Diagnos 1 (huvuddiagnos)')).toHaveValue(''));
  });

  it('keeps a hand-written description when the code changes, flagged until confirmed', async () => {
    const { user, changes } = renderForm(definition, {
      answers: { '6': [{ code: 'F320', description: 'Nedstämdhet sedan i våras' }] },
    });
    const code = codeField('Diagnos 1 (huvuddiagnos)');
    const description = descriptionField('Diagnos 1 (huvuddiagnos)');
    await user.clear(code);
    await user.type(code, 'F321');
    await user.keyboard('{Escape}');
    await user.tab();
    const notice =
      'Diagnoskoden är ändrad till F32.1. Kontrollera att diagnosbeskrivningen stämmer med den nya koden.';
    // Said in a live region, and read with the description.
    expect(await screen.findByText(notice)).toHaveRole('status');
    await waitFor(() => expect(description).toHaveAccessibleDescription(notice));
    expect(description).toHaveValue('Nedstämdhet sedan i våras');
    await waitFor(() =>
      expect(last(changes)).toEqual({
        '6': [{ code: 'F321', description: 'Nedstämdhet sedan i våras' }],
      }),
    );

    await user.click(screen.getByRole('button', { name: 'Beskrivningen stämmer' }));
    expect(description).toHaveFocus();
    expect(screen.queryByText(notice)).not.toBeInTheDocument();
    expect(description).not.toHaveAccessibleDescription(notice);
  });

  it('editing the kept description confirms it too', async () => {
    const { user } = renderForm(definition, {
      answers: { '6': [{ code: 'F320', description: 'Nedstämdhet' }] },
    });
    const code = codeField('Diagnos 1 (huvuddiagnos)');
    await user.clear(code);
    await user.type(code, 'F321');
    await user.keyboard('{Escape}');
    await user.tab();
    expect(await screen.findByRole('button', { name: 'Beskrivningen stämmer' })).toBeVisible();
    await user.type(descriptionField('Diagnos 1 (huvuddiagnos)'), ', medelsvår');
    expect(screen.queryByRole('button', { name: 'Beskrivningen stämmer' })).not.toBeInTheDocument();
  });

  it('refuses a description that is another code’s official text, at the field and in the panel', async () => {
    const { user } = renderForm(definition, {
      answers: { '6': [{ code: 'F321', description: '' }] },
    });
    const code = codeField('Diagnos 1 (huvuddiagnos)');
    await user.click(code);
    await user.tab();
    const description = descriptionField('Diagnos 1 (huvuddiagnos)');
    await waitFor(() => expect(description).toHaveValue('Medelsvår depressiv episod'));
    await user.clear(description);
    await user.type(description, 'Lindrig depressiv episod');
    await user.click(screen.getByRole('textbox', { name: 'Nästa fråga' }));
    const message =
      'Diagnosbeskrivningen är texten för diagnoskod F32.0. Ändra koden eller beskrivningen så att de stämmer överens.';
    await waitFor(() => expect(description).toHaveAccessibleDescription(`Fel: ${message}`));
    expect(description).toHaveAttribute('aria-invalid', 'true');
    const panel = screen.getByRole('complementary', { name: 'Signering' });
    expect(await within(panel).findByRole('link', { name: new RegExp(message) })).toBeVisible();
  });

  it('shows the rows-from-top error on the empty first row and its blocker link focuses that code', async () => {
    const { user } = renderForm(definition, {
      answers: {
        '6': [
          { code: '', description: '' },
          { code: 'M545', description: 'Lumbago' },
        ],
      },
    });
    await user.click(screen.getByRole('link', { name: /Ange diagnos på översta raden först\./ }));
    const code = codeField('Diagnos 1 (huvuddiagnos)');
    await waitFor(() => expect(code).toHaveFocus());
    expect(code).toHaveAttribute('aria-invalid', 'true');
    expect(code).toHaveAccessibleDescription(/Ange diagnos på översta raden först\./);
    expect(codeField('Diagnos 2')).not.toHaveAttribute('aria-invalid');
  });

  it('shows a missing description at that row', async () => {
    const { user } = renderForm(definition, {
      answers: {
        '6': [
          { code: 'F438A', description: 'Utmattningssyndrom' },
          { code: 'M545', description: '' },
        ],
      },
    });
    await user.click(screen.getByRole('button', { name: 'Visa vad som saknas i formuläret' }));
    expect(descriptionField('Diagnos 2')).toHaveAccessibleDescription(/Ange diagnosbeskrivning\./);
    expect(descriptionField('Diagnos 1 (huvuddiagnos)')).not.toHaveAttribute('aria-invalid');
  });

  it('shows the diagnoses read-only', () => {
    const { unmount } = renderView(definition, {
      '6': [
        { code: 'F438A', description: 'Utmattningssyndrom' },
        { code: 'M545', description: 'Lumbago' },
      ],
    });
    const items = within(screen.getByRole('article')).getAllByRole('listitem');
    expect(items.map((item) => item.textContent)).toEqual([
      'F438A Utmattningssyndrom',
      'M545 Lumbago',
    ]);
    unmount();
    renderView(definition, { '6': { code: 'F438A' } });
    expect(within(screen.getByRole('article')).getAllByText('Ej angivet')).toHaveLength(2);
  });
});

describe('a diagnosis title outside the text FK can receive', () => {
  const title = 'Graviditetslängd v. 40+0 – v. 41+6';
  const services = {
    searchDiagnoses: () => Promise.resolve([{ code: 'O49', title }]),
    lookupDiagnosis: () => Promise.resolve({ code: 'O49', title }),
  };

  it('becomes a description FK can receive, whether chosen or looked up', async () => {
    const { user, changes } = renderForm(definition, { services });
    const code = codeField('Diagnos 1 (huvuddiagnos)');
    await user.type(code, 'Graviditet');
    await user.click(await screen.findByRole('option', { name: `O49 ${title}` }));
    expect(descriptionField('Diagnos 1 (huvuddiagnos)')).toHaveValue(
      'Graviditetslängd v. 40+0 - v. 41+6',
    );
    await user.clear(descriptionField('Diagnos 1 (huvuddiagnos)'));
    await user.clear(code);
    await user.type(code, 'O49');
    await user.tab();
    await waitFor(() =>
      expect(last(changes)).toEqual({
        '6': [{ code: 'O49', description: 'Graviditetslängd v. 40+0 - v. 41+6' }],
      }),
    );
  });
});
