import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { definitionWith, renderForm } from './testing/render-question';
import { last, stubScrollIntoView } from './kinds/kind-test-setup';
import { FkTextArea } from './fk-text-input';

stubScrollIntoView();

const PASTED = '”Citat” – test 😀';
const CLEANED = '"Citat" - test';
const MESSAGE =
  'Tecken som Försäkringskassan inte kan ta emot har ändrats: ” blev ", – blev -, 😀 togs bort.';

/** The polite live region that holds the notice of what cleaning changed. */
const politeNotice = () =>
  screen.getByText(/^Tecken som Försäkringskassan/).closest('[aria-live="polite"]');

const definition = definitionWith([
  { id: 'a', kind: 'textArea', label: 'Beskriv besvären', maxLength: 100 },
  { id: 'b', kind: 'textField', label: 'Yrke', maxLength: 50 },
  {
    id: '4',
    kind: 'investigations',
    label: 'Utredningar',
    maxRows: 1,
    maxDate: {},
    sourceMaxLength: 50,
    options: [{ code: 'PSYKOLOG', label: 'Underlag från psykolog' }],
  },
]);

describe('a certificate text FK receives', () => {
  it('cleans a paste in the field, says what changed politely, counts and saves the cleaned text', async () => {
    const { user, changes } = renderForm(definition);
    const area = screen.getByRole('textbox', { name: /Beskriv besvären/ });
    await user.click(area);
    await user.paste(PASTED);
    expect(area).toHaveValue(CLEANED);
    expect(politeNotice()).toHaveTextContent(MESSAGE);
    expect(screen.getByText(`${CLEANED.length} av 100 tecken`)).toBeInTheDocument();
    await waitFor(() => expect(last(changes)).toEqual({ a: CLEANED }));
    // Typing goes on where the paste ended; the notice stays after the field is left, and goes
    // when the user comes back to it.
    await user.keyboard('!');
    expect(area).toHaveValue(`${CLEANED}!`);
    await user.tab();
    expect(screen.getByText(MESSAGE)).toBeInTheDocument();
    await user.click(area);
    expect(screen.queryByText(MESSAGE)).not.toBeInTheDocument();
  });

  it('keeps the caret after a paste in the middle of the text', async () => {
    const { user } = renderForm(definition);
    const field = screen.getByRole('textbox', { name: 'Yrke' });
    await user.type(field, 'före efter');
    await user.click(field);
    await user.keyboard('{ArrowLeft>5/}');
    await user.paste('“x” ');
    await user.keyboard('y ');
    expect(field).toHaveValue('före "x" y efter');
    expect(screen.getByText(/“ och ” blev "/)).toBeInTheDocument();
  });

  it('cleans a row text (an investigation source) the same way', async () => {
    const { user, changes } = renderForm(definition);
    const source = screen.getByRole('textbox', { name: /Från vilken vårdgivare.*rad 1/ });
    await user.click(source);
    await user.paste('Vårdcentralen – Ängby 😀');
    expect(source).toHaveValue('Vårdcentralen - Ängby');
    expect(
      screen.getByText(
        'Tecken som Försäkringskassan inte kan ta emot har ändrats: – blev -, 😀 togs bort.',
      ),
    ).toBeInTheDocument();
    await waitFor(() =>
      expect(last(changes)?.['4']).toEqual([
        expect.objectContaining({ source: 'Vårdcentralen - Ängby' }),
      ]),
    );
  });

  it('opens a stored text FK cannot receive as it is, names the characters, and cleans it once edited', async () => {
    const { user, changes } = renderForm(definition, { answers: { b: 'Snickare 😀' } });
    const field = screen.getByRole('textbox', { name: /Yrke/ });
    expect(field).toHaveValue('Snickare 😀');
    await user.click(field);
    await user.tab();
    expect(
      await screen.findByText(
        'Texten innehåller tecken som Försäkringskassan inte kan ta emot: 😀',
      ),
    ).toBeInTheDocument();
    await user.click(field);
    await user.keyboard('{End} och målare');
    expect(field).toHaveValue('Snickare och målare');
    await waitFor(() => expect(last(changes)).toEqual({ b: 'Snickare och målare' }));
    await user.tab();
    expect(screen.queryByText(/Texten innehåller tecken/)).not.toBeInTheDocument();
  });
});

function Answer() {
  const [text, setText] = useState('');
  return (
    <>
      <FkTextArea
        label="Svar till Försäkringskassan"
        value={text}
        maxLength={50}
        onTextChange={setText}
      />
      <output aria-label="Sparad text">{text}</output>
    </>
  );
}

describe('a dialogue text FK receives', () => {
  it('is cleaned as it is pasted, with the notice until the user comes back to the field', async () => {
    const user = userEvent.setup();
    render(<Answer />);
    const area = screen.getByRole('textbox', { name: 'Svar till Försäkringskassan' });
    await user.click(area);
    await user.paste(PASTED);
    expect(area).toHaveValue(CLEANED);
    expect(politeNotice()).toHaveTextContent(MESSAGE);
    expect(screen.getByRole('status', { name: 'Sparad text' })).toHaveTextContent(CLEANED);
    expect(screen.getByText(`${CLEANED.length} av 50 tecken`)).toBeInTheDocument();
    await user.tab();
    await user.click(area);
    expect(screen.queryByText(MESSAGE)).not.toBeInTheDocument();
  });
});
