import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { TextBlocks, textToBlocks } from './text-blocks';
import { definitionWith, renderForm } from './testing/render-question';
import { NoticeList } from './notice-list';

const fk7804Notice =
  'Om sjukperioden är kortare än 15 dagar ska intyget inte skickas.\n\nIntyget ska skickas från dag 8 om patienten är:\n- Egenföretagare\n- Arbetssökande\n- Ledig med föräldrapenning';

describe('textToBlocks', () => {
  it('makes paragraphs of lines and one list of consecutive "- " lines', () => {
    expect(textToBlocks(fk7804Notice)).toEqual([
      {
        kind: 'paragraph',
        text: 'Om sjukperioden är kortare än 15 dagar ska intyget inte skickas.',
      },
      { kind: 'paragraph', text: 'Intyget ska skickas från dag 8 om patienten är:' },
      { kind: 'list', items: ['Egenföretagare', 'Arbetssökande', 'Ledig med föräldrapenning'] },
    ]);
  });

  it('ends a list at a paragraph and starts a new one after it; a hyphen inside a line is text', () => {
    expect(textToBlocks('- a\n- b\nMellan\n- c\n\nSlut - inte en punkt')).toEqual([
      { kind: 'list', items: ['a', 'b'] },
      { kind: 'paragraph', text: 'Mellan' },
      { kind: 'list', items: ['c'] },
      { kind: 'paragraph', text: 'Slut - inte en punkt' },
    ]);
  });
});

describe('TextBlocks', () => {
  it('renders a real list, as text not HTML', () => {
    render(<TextBlocks text={'Före\n- <b>fet</b>\n- två'} />);
    const list = screen.getByRole('list');
    expect(
      within(list)
        .getAllByRole('listitem')
        .map((item) => item.textContent),
    ).toEqual(['<b>fet</b>', 'två']);
    expect(screen.getByText('Före').tagName).toBe('P');
  });

  it('is used by notices, help texts and descriptions', async () => {
    render(
      <NoticeList
        notices={[{ id: 'n', text: fk7804Notice, severity: 'info', placement: 'draft' }]}
      />,
    );
    expect(screen.getByRole('list')).toHaveTextContent('EgenföretagareArbetssökande');
    expect(screen.getByText('Intyget ska skickas från dag 8 om patienten är:').tagName).toBe('P');

    const { user } = renderForm(
      definitionWith([
        {
          id: 'o',
          kind: 'textField',
          label: 'Yrke',
          description: 'Ange:\n- yrke\n- arbetsuppgifter',
          help: 'Hjälp:\n- första\n- andra',
        },
      ]),
    );
    const field = screen.getByRole('textbox', { name: 'Yrke' });
    expect(field).toHaveAccessibleDescription('Ange: yrke arbetsuppgifter');
    await user.click(screen.getByText('Visa hjälp för frågan'));
    const lists = screen.getAllByRole('list');
    expect(lists.map((list) => list.textContent)).toEqual(
      expect.arrayContaining(['yrkearbetsuppgifter', 'förstaandra']),
    );
  });
});
