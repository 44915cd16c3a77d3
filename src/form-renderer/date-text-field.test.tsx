import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { DateTextField, dateTextError } from './date-text-field';

const today = '2026-03-16';

/** The field as a caller holds it: its text in state, and the caller's own error if any. */
function Harness({ error, min, max }: { error?: string; min?: string; max?: string }) {
  const [value, setValue] = useState('');
  return (
    <>
      <DateTextField
        label="Svara senast"
        value={value}
        onChange={setValue}
        today={today}
        min={min}
        max={max}
        messages={{ dateTooEarly: 'Sista dagen att svara kan inte ha passerat.' }}
        error={error}
      />
      <p data-testid="value">{value}</p>
      <button type="button">Nästa</button>
    </>
  );
}

describe('DateTextField', () => {
  it('is the form’s date field: åååå-mm-dd whatever the browser’s language, and a calendar', () => {
    render(<Harness />);
    const field = screen.getByRole('textbox', { name: 'Svara senast' });
    expect(field).toHaveAttribute('type', 'text');
    expect(field).toHaveAttribute('placeholder', 'åååå-mm-dd');
    expect(field).toHaveAccessibleDescription(
      'Skriv datum som åååå-mm-dd, eller till exempel ”idag” eller ”+7d”.',
    );
    expect(
      screen.getByRole('button', { name: 'Välj datum i kalendern, Svara senast' }),
    ).toBeInTheDocument();
  });

  it('reads shortcuts when left, and says what is wrong as soon as it is left', async () => {
    const user = userEvent.setup();
    render(<Harness min={today} />);
    const field = screen.getByRole('textbox', { name: 'Svara senast' });
    await user.type(field, '+7d');
    expect(field).not.toHaveAttribute('aria-invalid');
    await user.tab();
    expect(field).toHaveValue('2026-03-23');
    expect(screen.getByTestId('value')).toHaveTextContent('2026-03-23');

    await user.clear(field);
    await user.type(field, '2026-02-30');
    expect(field).not.toHaveAttribute('aria-invalid');
    await user.tab();
    // What could not be read stays as typed, and the field says why.
    expect(field).toHaveValue('2026-02-30');
    expect(field).toHaveAttribute('aria-invalid', 'true');
    expect(field).toHaveAccessibleDescription(/^Fel: Ange giltigt datum i formatet åååå-mm-dd\./);

    await user.clear(field);
    await user.type(field, 'igår');
    await user.tab();
    expect(field).toHaveValue('2026-03-15');
    expect(field).toHaveAccessibleDescription(/^Fel: Sista dagen att svara kan inte ha passerat\./);
    // The hint names the first date the field takes.
    expect(field).toHaveAccessibleDescription(/Datum får inte vara tidigare än 2026-03-16\.$/);

    await user.clear(field);
    await user.tab();
    expect(field).not.toHaveAttribute('aria-invalid');
    expect(screen.getByTestId('value')).toHaveTextContent('');
  });

  it('shows the caller’s own message instead of its own', () => {
    render(<Harness error="Ange datumet då samtycket lämnades." />);
    const field = screen.getByRole('textbox', { name: 'Svara senast' });
    expect(field).toHaveAttribute('aria-invalid', 'true');
    expect(field).toHaveAccessibleDescription(/^Fel: Ange datumet då samtycket lämnades\./);
  });

  it('checks a text as the field does, for the caller’s submit', () => {
    expect(dateTextError('')).toBeUndefined();
    expect(dateTextError('2026-03-16')).toBeUndefined();
    expect(dateTextError('16/03/2026')).toBe('Ange giltigt datum i formatet åååå-mm-dd.');
    expect(dateTextError('2026-03-20', { max: today })).toBe(
      'Ange ett datum som är senast 2026-03-16.',
    );
    expect(dateTextError('2026-03-20', { max: today }, { dateTooLate: 'Inte i framtiden.' })).toBe(
      'Inte i framtiden.',
    );
  });
});
