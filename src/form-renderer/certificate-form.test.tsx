import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Answers } from '../form-engine';
import { definitionWith, renderForm, testContext, testServices } from './testing/render-question';
import type { GuidanceProps } from './types';

const definition = definitionWith([
  { id: 'y', kind: 'yesNo', label: 'Har patienten ett arbete?', required: true },
  {
    id: 't',
    kind: 'textArea',
    label: 'Beskriv arbetsuppgifterna',
    required: true,
    visibleIf: { type: 'equals', question: 'y', value: true },
  },
  { id: 'o', kind: 'textField', label: 'Övrigt' },
]);

describe('CertificateForm', () => {
  it('shows a question only while its rule holds, and keeps its answer while hidden', async () => {
    const { user, changes } = renderForm(definition);
    expect(
      screen.queryByRole('textbox', { name: /Beskriv arbetsuppgifterna/ }),
    ).not.toBeInTheDocument();
    await user.click(screen.getByRole('radio', { name: 'Ja' }));
    const text = await screen.findByRole('textbox', { name: /Beskriv arbetsuppgifterna/ });
    await user.type(text, 'Lagerarbete');
    await user.click(screen.getByRole('radio', { name: 'Nej' }));
    expect(
      screen.queryByRole('textbox', { name: /Beskriv arbetsuppgifterna/ }),
    ).not.toBeInTheDocument();
    // Hidden answers are pruned from what is handed out for saving…
    await waitFor(() => expect(changes.at(-1)).toEqual({ y: false }));
    // …but kept in the form: toggling back restores the text.
    await user.click(screen.getByRole('radio', { name: 'Ja' }));
    expect(await screen.findByRole('textbox', { name: /Beskriv arbetsuppgifterna/ })).toHaveValue(
      'Lagerarbete',
    );
    await waitFor(() => expect(changes.at(-1)).toEqual({ y: true, t: 'Lagerarbete' }));
  });

  it('lists what is missing per category, and a link moves focus to the field with its error', async () => {
    const { user } = renderForm(
      definitionWith([
        { id: 'y', kind: 'yesNo', label: 'Har patienten ett arbete?', required: true },
        { id: 'o', kind: 'textField', label: 'Yrke', required: true },
      ]),
    );
    const panel = screen.getByRole('complementary', { name: 'Signering' });
    expect(
      within(panel).getByRole('heading', { name: 'Det här saknas för att kunna signera' }),
    ).toBeInTheDocument();
    expect(within(panel).getByText('2 uppgifter saknas eller behöver rättas.')).toBeInTheDocument();
    expect(screen.queryByText('Ange ett svar.')).not.toBeInTheDocument();
    await user.click(within(panel).getByRole('link', { name: 'Yrke: Ange ett svar.' }));
    const field = screen.getByRole('textbox', { name: /Yrke/ });
    await waitFor(() => expect(field).toHaveFocus());
    expect(field).toHaveAccessibleDescription(/Ange ett svar\./);
    await user.type(field, 'Snickare');
    await user.click(screen.getByRole('radio', { name: 'Nej' }));
    expect(
      await within(panel).findByRole('heading', { name: 'Klart att signera' }),
    ).toBeInTheDocument();
  });

  it('lists the missing consent as a blocker when the definition requires it', () => {
    const withConsent = definitionWith([{ id: 'o', kind: 'textField', label: 'Yrke' }]);
    const consentDefinition = {
      ...withConsent,
      policy: { ...withConsent.policy, consentRequired: true },
    };
    renderForm(consentDefinition, { context: { ...testContext, consentRecorded: false } });
    const panel = screen.getByRole('complementary', { name: 'Signering' });
    expect(
      within(panel).getByText(
        'Patientens samtycke är inte registrerat. Det kan registreras nu eller när intyget signeras.',
      ),
    ).toBeInTheDocument();
    expect(within(panel).getByText('1 uppgift saknas eller behöver rättas.')).toBeInTheDocument();
  });
});

describe('diagnosis codes the code list does not have', () => {
  it('make the answer invalid and block signing', async () => {
    const { user, changes } = renderForm(
      definitionWith([
        { id: 'd', kind: 'diagnoses', label: 'Diagnos', required: true, maxRows: 3 },
      ]),
    );
    const code = screen.getByRole('combobox', { name: /^Diagnoskod, Diagnos 1/ });
    await user.type(code, 'Q999X');
    await user.tab();
    await user.type(
      screen.getByRole('textbox', { name: /^Diagnosbeskrivning, Diagnos 1/ }),
      'Påhittad',
    );
    await user.tab();
    const panel = screen.getByRole('complementary', { name: 'Signering' });
    expect(
      await within(panel).findByRole('link', { name: 'Diagnos: Diagnoskod är ej giltig.' }),
    ).toBeInTheDocument();
    // A code the list has is accepted.
    await user.clear(code);
    await user.type(code, 'J069');
    await user.tab();
    expect(
      await within(panel).findByRole('heading', { name: 'Klart att signera' }),
    ).toBeInTheDocument();
    expect(changes.at(-1)).toEqual({ d: [{ code: 'J069', description: 'Påhittad' }] });
  });
});

describe('render isolation', () => {
  it('typing in one question re-renders that question only, even beside ids that share a prefix', async () => {
    const { user } = renderForm(
      definitionWith([
        { id: '5', kind: 'textArea', label: 'Diagnosgrund' },
        { id: '50', kind: 'textArea', label: 'Behandling' },
        { id: '51', kind: 'textField', label: 'Övrigt' },
        {
          id: '58',
          kind: 'yesNo',
          label: 'Frågan',
          visibleIf: { type: 'answered', question: '51' },
        },
      ]),
    );
    const renders: string[] = [];
    Reflect.set(globalThis, '__intygaRenderProbe', (id: string) => renders.push(id));
    try {
      await user.type(screen.getByRole('textbox', { name: 'Diagnosgrund' }), 'abc');
      expect(new Set(renders)).toEqual(new Set(['5']));
      renders.length = 0;
      // A question whose rule reads the answer re-renders with it.
      await user.type(screen.getByRole('textbox', { name: 'Övrigt' }), 'x');
      expect(new Set(renders)).toEqual(new Set(['51', '58']));
    } finally {
      Reflect.deleteProperty(globalThis, '__intygaRenderProbe');
    }
  });

  it('gives guidance the answers of its kind, and does not re-render it while a text is typed', async () => {
    const seen: Answers[] = [];
    function Guidance({ answers }: GuidanceProps) {
      seen.push(answers);
      return <p>Vägledning</p>;
    }
    const { user } = renderForm(
      definitionWith([
        { id: 'y', kind: 'yesNo', label: 'Har patienten ett arbete?' },
        { id: 'o', kind: 'textArea', label: 'Övrigt' },
      ]),
      { services: { ...testServices, guidance: { yesNo: Guidance } } },
    );
    expect(screen.getByText('Vägledning')).toBeInTheDocument();
    const before = seen.length;
    await user.type(screen.getByRole('textbox', { name: 'Övrigt' }), 'Långt svar');
    expect(seen).toHaveLength(before);
    await user.click(screen.getByRole('radio', { name: 'Ja' }));
    await waitFor(() => expect(seen.at(-1)).toEqual({ y: true }));
  });
});
