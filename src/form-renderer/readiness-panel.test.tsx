import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { definitionWith, renderForm } from './testing/render-question';

describe('ReadinessPanel', () => {
  it('"Visa vad som saknas" moves focus to the list of what is missing, not to the page', async () => {
    const { user } = renderForm(
      definitionWith([{ id: 'o', kind: 'textField', label: 'Yrke', required: true }]),
    );
    const panel = screen.getByRole('complementary', { name: 'Signering' });
    await user.click(
      within(panel).getByRole('button', { name: 'Visa vad som saknas i formuläret' }),
    );
    // The button is gone: its work is done…
    expect(within(panel).queryByRole('button')).not.toBeInTheDocument();
    // …and focus is on the heading of the list, with the errors now on show in the form.
    const heading = within(panel).getByRole('heading', {
      name: 'Det här saknas för att kunna signera',
    });
    expect(document.activeElement).toBe(heading);
    expect(document.activeElement).not.toBe(document.body);
    expect(screen.getByRole('textbox', { name: 'Yrke' })).toHaveAccessibleDescription(
      /Ange ett svar\./,
    );
  });
});
