import type {
  OperatingMessage,
  OperatingMessageSeverity,
} from '../../src/contracts/operating-messages';

/**
 * Which operating messages are in force at an instant: those whose window holds it (the start
 * included, the end not), the configured ones before the testers', faults first, then
 * warnings, then information, each by its start.
 */

const rank: Record<OperatingMessageSeverity, number> = { fault: 0, warning: 1, information: 2 };

export function messagesInForce(
  messages: readonly OperatingMessage[],
  now: number,
): OperatingMessage[] {
  return messages
    .filter((message) => Date.parse(message.startsAt) <= now && now < Date.parse(message.endsAt))
    .map((message, order) => ({ message, order }))
    .sort(
      (a, b) =>
        rank[a.message.severity] - rank[b.message.severity] ||
        Date.parse(a.message.startsAt) - Date.parse(b.message.startsAt) ||
        a.order - b.order,
    )
    .map(({ message }) => message);
}
