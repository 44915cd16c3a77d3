import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { SAMPLE_TODAY, sampleDefinition } from '../form-engine/testing/sample-definition';
import { renderForm } from './testing/render-question';
import { stubScrollIntoView } from './kinds/kind-test-setup';

stubScrollIntoView();

// Answers with errors in every kind of place: missing, invalid, and at a row's part.
const wrongAnswers = {
  '1': [{ code: 'UNDERSOKNING', date: '' }],
  '32': [{ code: 'HELT_NEDSATT', from: '2025-06-20', to: '2025-06-10' }],
  '39_4': Number.NaN,
  '6': [{ code: '', description: 'Text utan kod' }],
  unit: { address: '', postcode: '1', city: '', phone: '' },
};

describe('error texts', () => {
  it('are in no field’s accessible name, only in its description, with aria-invalid', async () => {
    const { user } = renderForm(sampleDefinition, {
      answers: wrongAnswers,
      context: { today: SAMPLE_TODAY, role: 'physician', consentRecorded: true },
    });
    await user.click(screen.getByRole('button', { name: 'Visa vad som saknas i formuläret' }));
    const form = screen.getByRole('form');
    const errors = form.querySelectorAll('.question__error');
    expect(errors.length).toBeGreaterThan(10);

    const controls = ['textbox', 'combobox', 'radio', 'checkbox', 'group'].flatMap((role) =>
      screen.queryAllByRole(role),
    );
    expect(controls.length).toBeGreaterThan(30);
    for (const control of controls) {
      // Every error is read "Fel: …"; no name may contain one.
      expect(control).not.toHaveAccessibleName(/Fel:/);
    }
    const invalid = form.querySelectorAll('[aria-invalid="true"]');
    expect(invalid.length).toBeGreaterThan(3);
    for (const control of invalid) {
      expect(control).toHaveAccessibleDescription(/Fel:/);
    }
  });
});
