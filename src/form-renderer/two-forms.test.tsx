import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import {
  completeSampleAnswers,
  SAMPLE_TODAY,
  sampleDefinition,
} from '../form-engine/testing/sample-definition';
import { CertificateForm } from './certificate-form';
import { testServices } from './testing/render-question';
import { stubScrollIntoView } from './kinds/kind-test-setup';

stubScrollIntoView();

const context = { today: SAMPLE_TODAY, role: 'physician' as const, consentRecorded: true };
// Every kind with rows filled in (so row ids exist), and one answer missing (a blocker link).
const answers = { ...completeSampleAnswers, '29': '' };

function renderTwoForms() {
  const user = userEvent.setup();
  const result = render(
    <>
      <section aria-label="Intyget">
        <CertificateForm
          definition={sampleDefinition}
          context={context}
          services={testServices}
          defaultAnswers={answers}
        />
      </section>
      <section aria-label="Kompletteringen">
        <CertificateForm
          definition={sampleDefinition}
          context={context}
          services={testServices}
          defaultAnswers={answers}
        />
      </section>
    </>,
  );
  return { ...result, user };
}

describe('two forms of the same definition on one page', () => {
  it('make no DOM id twice', () => {
    const { container } = renderTwoForms();
    const ids = Array.from(container.querySelectorAll('[id]'), (element) => element.id);
    expect(ids.length).toBeGreaterThan(100);
    const repeated = ids.filter((id, index) => ids.indexOf(id) !== index);
    expect(repeated).toEqual([]);
    // Every reference points at an element of its own form.
    for (const form of container.querySelectorAll('.certificate-form')) {
      for (const element of form.querySelectorAll('[aria-describedby], [aria-controls], [for]')) {
        const refs = [
          ...(element.getAttribute('aria-describedby') ?? '').split(' '),
          ...(element.getAttribute('aria-controls') ?? '').split(' '),
          element.getAttribute('for') ?? '',
        ].filter((id) => id !== '');
        for (const id of refs) {
          const target = document.getElementById(id);
          expect(target, `#${id}`).not.toBeNull();
          expect(form.contains(target), `#${id} lies in its own form`).toBe(true);
        }
      }
    }
  });

  it('a readiness link focuses the field of its own form', async () => {
    const { user } = renderTwoForms();
    const first = screen.getByRole('region', { name: 'Intyget' });
    const second = screen.getByRole('region', { name: 'Kompletteringen' });
    const link = within(second).getByRole('link', {
      name: /^Ange yrke och arbetsuppgifter: /,
    });
    await user.click(link);
    const own = within(second).getByRole('textbox', { name: /^Ange yrke och arbetsuppgifter/ });
    await waitFor(() => expect(own).toHaveFocus());
    expect(
      within(first).getByRole('textbox', { name: /^Ange yrke och arbetsuppgifter/ }),
    ).not.toHaveFocus();

    await user.click(within(first).getByRole('link', { name: /^Ange yrke och arbetsuppgifter: / }));
    await waitFor(() =>
      expect(
        within(first).getByRole('textbox', { name: /^Ange yrke och arbetsuppgifter/ }),
      ).toHaveFocus(),
    );
  });
});
