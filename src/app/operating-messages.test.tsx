import { screen, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import type { OperatingMessage } from '../contracts/operating-messages';
import { renderWithProviders } from '../testing/render';
import { callApi, startTestBackend } from '../testing/test-backend';
import { OperatingMessages } from './operating-messages';

startTestBackend();

const DAY_MS = 24 * 60 * 60 * 1000;
const warning: OperatingMessage = {
  id: 'uppdatering',
  severity: 'warning',
  text: 'Intyga uppdateras i kväll kl. 22–23. <b>Spara</b> ditt arbete.',
  startsAt: new Date(Date.now() - DAY_MS).toISOString(),
  endsAt: new Date(Date.now() + DAY_MS).toISOString(),
};

async function setMessages(messages: OperatingMessage[]) {
  const { status } = await callApi('/api/testability/operating-messages', {
    method: 'POST',
    body: { messages },
  });
  expect(status).toBe(200);
}

const region = () => screen.getByRole('status', { name: 'Driftmeddelanden' });

beforeEach(() => sessionStorage.clear());

describe('OperatingMessages', () => {
  it('shows a message in force in its live region, as plain text, with its severity', async () => {
    await setMessages([warning]);
    renderWithProviders(<OperatingMessages />);
    expect(region()).toBeEmptyDOMElement();
    expect(
      await within(region()).findByText(
        'Intyga uppdateras i kväll kl. 22–23. <b>Spara</b> ditt arbete.',
        { exact: false },
      ),
    ).toHaveTextContent(`Varning: ${warning.text}`);
  });

  it('closes a message for the session; a changed message shows again', async () => {
    await setMessages([warning]);
    const first = renderWithProviders(<OperatingMessages />);
    const close = await within(region()).findByRole('button', { name: 'Stäng' });
    expect(close).toHaveAccessibleDescription(`Varning: ${warning.text}`);
    await first.user.click(close);
    expect(region()).toBeEmptyDOMElement();
    first.unmount();

    const again = renderWithProviders(<OperatingMessages />);
    await again.queryClient.refetchQueries();
    expect(region()).toBeEmptyDOMElement();
    again.unmount();

    await setMessages([{ ...warning, severity: 'fault', text: 'Signering fungerar inte.' }]);
    renderWithProviders(<OperatingMessages />);
    expect(await within(region()).findByText(/Signering fungerar inte\./)).toHaveTextContent(
      'Driftstörning: Signering fungerar inte.',
    );
  });

  it('moves the focus to the next message when one is closed', async () => {
    const information: OperatingMessage = {
      ...warning,
      id: 'info',
      severity: 'information',
      text: 'Ny version.',
    };
    await setMessages([information, warning]);
    const { user } = renderWithProviders(<OperatingMessages />);
    const closeWarning = await within(region()).findByRole('button', {
      name: 'Stäng',
      description: `Varning: ${warning.text}`,
    });
    await user.click(closeWarning);
    expect(within(region()).getByRole('button', { name: 'Stäng' })).toHaveFocus();
  });
});
