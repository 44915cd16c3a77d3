import { describe, expect, it } from 'vitest';
import { callApi, startTestBackend } from '../../src/testing/test-backend';
import type { OperatingMessage } from '../../src/contracts/operating-messages';
import { messagesInForce } from '../domain/operating-messages';

/** Operating messages: public, filtered by the backend's clock, set by the testers. */

startTestBackend();

const DAY_MS = 24 * 60 * 60 * 1000;
const at = (offsetMs: number) => new Date(Date.now() + offsetMs).toISOString();

const message = (id: string, overrides: Partial<OperatingMessage> = {}): OperatingMessage => ({
  id,
  severity: 'information',
  text: `Meddelande ${id}`,
  startsAt: at(-DAY_MS),
  endsAt: at(DAY_MS),
  ...overrides,
});

const setMessages = (messages: unknown) =>
  callApi('/api/testability/operating-messages', { method: 'POST', body: { messages } });

const current = async () => {
  const { status, body } = await callApi('/api/operating-messages');
  expect(status).toBe(200);
  return body;
};

describe('operating messages', () => {
  it('are answered without a session: only those in force now, faults first', async () => {
    expect(await current()).toEqual({ messages: [] });
    const now = message('now');
    const fault = message('fault', { severity: 'fault', text: 'Signering fungerar inte.' });
    expect(
      (
        await setMessages([
          now,
          message('past', { startsAt: at(-2 * DAY_MS), endsAt: at(-DAY_MS) }),
          message('future', { startsAt: at(DAY_MS), endsAt: at(2 * DAY_MS) }),
          fault,
        ])
      ).status,
    ).toBe(200);
    expect(await current()).toEqual({ messages: [fault, now] });
  });

  it("follow the backend's clock: a moved clock shows tomorrow's message", async () => {
    const tomorrow = message('tomorrow', { startsAt: at(DAY_MS / 2), endsAt: at(3 * DAY_MS) });
    await setMessages([tomorrow]);
    expect(await current()).toEqual({ messages: [] });
    await callApi('/api/testability/clock', { method: 'POST', body: { offsetDays: 1 } });
    expect(await current()).toEqual({ messages: [tomorrow] });
  });

  it('refuse a malformed message with a Swedish message', async () => {
    const backwards = await setMessages([message('x', { startsAt: at(DAY_MS), endsAt: at(0) })]);
    expect(backwards).toEqual({
      status: 400,
      body: { code: 'BAD_REQUEST', message: 'Meddelandets sluttid ska vara efter dess starttid.' },
    });
    expect((await setMessages([{ ...message('x'), severity: 'info' }])).status).toBe(400);
    expect((await setMessages([message('same'), message('same')])).body).toMatchObject({
      message: 'Två driftmeddelanden har samma id.',
    });
  });

  it('in force: the start is included, the end is not', () => {
    const window = message('w', {
      startsAt: '2026-01-01T08:00:00Z',
      endsAt: '2026-01-01T09:00:00Z',
    });
    expect(messagesInForce([window], Date.parse('2026-01-01T08:00:00Z'))).toEqual([window]);
    expect(messagesInForce([window], Date.parse('2026-01-01T09:00:00Z'))).toEqual([]);
  });
});
