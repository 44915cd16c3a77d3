import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { seedPatients } from '../../../../server/seed/seed-data';
import { sessionSchema } from '../../../contracts/session';
import { addDays } from '../../../form-engine';
import { renderWithProviders } from '../../../testing/render';
import {
  callApi,
  createTestCertificate,
  loginOverApi,
  startTestBackend,
} from '../../../testing/test-backend';
import { SignedList } from './signed-list';

startTestBackend();

const certificatePath = (id: string) => `/intyg/${id}`;

/** Logs in and returns the backend's today. */
async function login(): Promise<string> {
  const token = await loginOverApi('physician');
  const { body } = await callApi('/api/session', { token });
  return sessionSchema.parse(body).today;
}

function signed(patientId: string, createdDaysAgo = 0) {
  return createTestCertificate({
    type: 'fk7210',
    patientId,
    status: 'signed',
    answers: 'complete',
    createdDaysAgo,
  });
}

/** The count line, once the first page has come. */
const summary = () => screen.findByText(/^Visar \d/);
const dataRows = () => screen.getAllByRole('row').slice(1);

describe('"Signerade intyg": the date filter and the URL', () => {
  it('filters by day in the product’s date field: shortcuts, and errors said once a field is left', async () => {
    const today = await login();
    await signed(seedPatients.adult.id);
    await signed(seedPatients.adultMan.id, 10);
    const { user, router } = renderWithProviders(
      <SignedList certificatePath={certificatePath} today={today} />,
      { path: '/intyg' },
    );
    expect(await summary()).toHaveTextContent('Visar 1–2 av 2 intyg');

    const from = screen.getByRole('textbox', { name: 'Signerat från och med' });
    const to = screen.getByRole('textbox', { name: 'Signerat till och med' });
    // Not the browser's date input: the same field as the certificate form's.
    expect(from).toHaveAttribute('type', 'text');
    expect(from).toHaveAttribute('placeholder', 'åååå-mm-dd');
    expect(from).toHaveAccessibleDescription(/Skriv datum som åååå-mm-dd/);
    expect(
      screen.getByRole('button', { name: 'Välj datum i kalendern, Signerat från och med' }),
    ).toBeInTheDocument();

    await user.type(from, '-2d');
    await user.tab();
    expect(from).toHaveValue(addDays(today, -2));
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('Visar 1 intyg'));
    expect(router.state.location.search).toBe(`?signedFrom=${addDays(today, -2)}`);

    // A date that cannot be read: said at the field once it is left, and not passed on.
    await user.type(to, '2026-13-01');
    expect(to).not.toHaveAttribute('aria-invalid');
    await user.tab();
    expect(to).toHaveAttribute('aria-invalid', 'true');
    expect(to).toHaveAccessibleDescription(/Ange giltigt datum i formatet åååå-mm-dd\./);
    expect(router.state.location.search).toBe(`?signedFrom=${addDays(today, -2)}`);

    // A range that ends before it starts: said at its end, and not passed on either.
    await user.clear(to);
    await user.type(to, addDays(today, -5));
    await user.tab();
    expect(to).toHaveAccessibleDescription(/Från-datumet får inte vara senare än till-datumet\./);
    expect(router.state.location.search).toBe(`?signedFrom=${addDays(today, -2)}`);

    await user.clear(to);
    await user.type(to, 'idag');
    await user.tab();
    expect(to).toHaveValue(today);
    expect(to).not.toHaveAttribute('aria-invalid');
    await waitFor(() =>
      expect(router.state.location.search).toBe(
        `?signedFrom=${addDays(today, -2)}&signedTo=${today}`,
      ),
    );
    expect(screen.getByRole('status')).toHaveTextContent('Visar 1 intyg');
  });

  it('keeps filter, sort and page in the URL, never the patient text, and opens a row with "Öppna"', async () => {
    const today = await login();
    const karin = await signed(seedPatients.adult.id);
    await signed(seedPatients.youngWoman.id);
    await signed(seedPatients.adultMan.id);
    const { user, router } = renderWithProviders(
      <SignedList certificatePath={certificatePath} today={today} />,
      { path: '/intyg' },
    );
    expect(await summary()).toHaveTextContent('Visar 1–3 av 3 intyg');

    await user.click(screen.getByRole('button', { name: 'Patient' }));
    await waitFor(() =>
      expect(screen.getByRole('columnheader', { name: /Patient/ })).toHaveAttribute(
        'aria-sort',
        'ascending',
      ),
    );
    expect(router.state.location.search).toBe('?sort=patient&order=asc');
    // By family name: Andersson, Johansson, Sjöberg.
    await waitFor(() =>
      expect(
        dataRows().map((row) => within(row).getAllByRole('cell')[0]?.firstChild?.textContent),
      ).toEqual(['Karin Andersson', 'Per Olof Johansson', 'Elin Sjöberg']),
    );

    await user.selectOptions(
      screen.getByRole('combobox', { name: 'Status' }),
      'Signerat, inte skickat',
    );
    await waitFor(() =>
      expect(router.state.location.search).toBe('?status=signed&sort=patient&order=asc'),
    );
    await user.type(
      screen.getByRole('searchbox', { name: 'Patient (namn eller personnummer)' }),
      'karin',
    );
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('Visar 1 intyg'));
    expect(router.state.location.search).toBe('?status=signed&sort=patient&order=asc');
    expect(router.state.location.search).not.toMatch(/karin/i);
    expect(screen.getByRole('button', { name: 'Filtrera (2 filter valda)' })).toHaveAttribute(
      'aria-expanded',
      'false',
    );

    const open = screen.getByRole('link', { name: 'Öppna: FK 7210, Karin Andersson' });
    expect(open).toHaveAttribute('href', certificatePath(karin));
    // The patient's name is not the only way in: it is no link.
    expect(screen.queryByRole('link', { name: 'Karin Andersson' })).not.toBeInTheDocument();
  });

  it('shows the view a URL holds, and leaves out what it cannot read', async () => {
    const today = await login();
    await signed(seedPatients.adult.id);
    await signed(seedPatients.youngWoman.id, 3);
    renderWithProviders(<SignedList certificatePath={certificatePath} today={today} />, {
      path: '/intyg',
      url: `/intyg?signedTo=${addDays(today, -1)}&status=nonsense&sort=patient&order=desc&pageSize=7`,
    });
    expect(await summary()).toHaveTextContent('Visar 1 intyg');
    expect(screen.getByRole('textbox', { name: 'Signerat till och med' })).toHaveValue(
      addDays(today, -1),
    );
    expect(screen.getByRole('combobox', { name: 'Status' })).toHaveValue('');
    expect(screen.getByRole('columnheader', { name: /Patient/ })).toHaveAttribute(
      'aria-sort',
      'descending',
    );
    expect(screen.getByRole('combobox', { name: 'Antal per sida' })).toHaveValue('25');
  });
});
