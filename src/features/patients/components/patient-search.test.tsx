import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { seedPatients } from '../../../../server/seed/seed-data';
import { renderWithProviders } from '../../../testing/render';
import { loginOverApi, startTestBackend } from '../../../testing/test-backend';
import { PatientSearch } from './patient-search';

startTestBackend();

const patientPath = (id: string) => `/patient/${id}`;

describe('PatientSearch', () => {
  it('says precisely what is wrong with a number, on the field, and keeps focus there', async () => {
    await loginOverApi('physician');
    const { user } = renderWithProviders(<PatientSearch patientPath={patientPath} />);
    const field = screen.getByRole('textbox', { name: /Personnummer eller samordningsnummer/ });
    await user.type(field, '19791212-9281{Enter}');
    expect(field).toHaveAccessibleDescription(/Kontrollsiffran stämmer inte/);
    expect(field).toHaveAttribute('aria-invalid', 'true');
    expect(field).toHaveFocus();
    expect(field).toHaveValue('19791212-9281');
  });

  it('finds a patient by keyboard and offers the way on, with status badges', async () => {
    await loginOverApi('physician');
    const { user } = renderWithProviders(<PatientSearch patientPath={patientPath} />);
    await user.type(screen.getByRole('textbox', { name: /Personnummer/ }), '800113-9297');
    await user.keyboard('{Enter}');
    const heading = await screen.findByRole('heading', { name: 'Johan Lundberg' });
    expect(heading).toHaveFocus();
    const badges = screen.getByRole('list', { name: 'Patientens status' });
    expect(within(badges).getByText('Skyddade personuppgifter')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Välj intygstyp' })).toHaveAttribute(
      'href',
      patientPath(seedPatients.protectedIdentity.id),
    );
  });

  it('reports a number that nobody has', async () => {
    await loginOverApi('physician');
    const { user } = renderWithProviders(<PatientSearch patientPath={patientPath} />);
    await user.type(screen.getByRole('textbox', { name: /Personnummer/ }), '19800124-9286{Enter}');
    expect(await screen.findByRole('alert')).toHaveTextContent('Patienten hittades inte');
  });
});
