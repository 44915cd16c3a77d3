import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useEffect, useId, useState, type RefObject } from 'react';
import { z } from 'zod';
import {
  operatingMessageSeverityLabels,
  operatingMessagesResponseSchema,
  type OperatingMessage,
} from '../contracts/operating-messages';
import { callEndpoint } from '../lib/api-client';
import { queryKeys } from '../lib/query-keys';

/**
 * The operator's messages (driftmeddelanden) inside the live region of ./operating-messages.tsx:
 * information, a warning or a fault, from GET /api/operating-messages (public, so the log-in
 * page has them too), asked for again every few minutes. They are put into the region once,
 * when they arrive, so a screen reader announces them once, not on every navigation, refetch
 * or log-in. A message closed with "Stäng" stays closed in this tab's session
 * (sessionStorage, by its id and content, so a changed message shows again). The text is plain
 * text, rendered as such.
 */

const REFETCH_MS = 5 * 60 * 1000;
const STORAGE_KEY = 'intyga.closed-operating-messages';
const closedSchema = z.array(z.string()).max(200);

/** A message's key: its id and a digest of its content, so that a changed message is new. */
function messageKey(message: OperatingMessage): string {
  const content = [message.severity, message.text, message.startsAt, message.endsAt].join('\n');
  let hash = 5381;
  for (let index = 0; index < content.length; index += 1) {
    hash = (Math.imul(hash, 33) + content.charCodeAt(index)) | 0;
  }
  return `${message.id}:${(hash >>> 0).toString(36)}`;
}

function readClosed(): readonly string[] {
  try {
    const stored = sessionStorage.getItem(STORAGE_KEY);
    if (stored === null) return [];
    const parsed = closedSchema.safeParse(JSON.parse(stored));
    return parsed.success ? parsed.data : [];
  } catch {
    return [];
  }
}

function writeClosed(keys: readonly string[]): void {
  try {
    sessionStorage.setItem(STORAGE_KEY, JSON.stringify(keys.slice(-200)));
  } catch {
    // Storage refused (private mode, full): the message stays closed on this page only.
  }
}

export function OperatingMessageList({ region }: { region: RefObject<HTMLDivElement | null> }) {
  const { data } = useQuery({
    queryKey: queryKeys.operatingMessages,
    queryFn: () =>
      callEndpoint('getOperatingMessages', { response: operatingMessagesResponseSchema, as: null }),
    staleTime: REFETCH_MS,
    refetchInterval: REFETCH_MS,
    // Log-in and log-out empty the query cache: the messages stay shown (and are not announced
    // again) while they are asked for anew.
    placeholderData: keepPreviousData,
  });
  const [closed, setClosed] = useState(readClosed);
  const shown = (data?.messages ?? []).filter((message) => !closed.includes(messageKey(message)));

  // After a close, once the message is gone, the focus goes to the button of the message that
  // took its place (or the one before it), or else to the page's content.
  const [closedAt, setClosedAt] = useState<{ index: number }>();
  useEffect(() => {
    if (closedAt === undefined) return;
    const remaining = [...(region.current?.querySelectorAll('button') ?? [])];
    const target = remaining[Math.min(closedAt.index, remaining.length - 1)];
    (target ?? document.getElementById('main'))?.focus();
  }, [closedAt, region]);

  const close = (message: OperatingMessage, index: number) => {
    const next = [...closed, messageKey(message)];
    setClosed(next);
    writeClosed(next);
    setClosedAt({ index });
  };

  return shown.map((message, index) => (
    <Message key={message.id} message={message} onClose={() => close(message, index)} />
  ));
}

function Message({ message, onClose }: { message: OperatingMessage; onClose: () => void }) {
  const textId = useId();
  return (
    <div className="operating-message" data-severity={message.severity}>
      <p id={textId}>
        <strong>{operatingMessageSeverityLabels[message.severity]}:</strong> {message.text}
      </p>
      <button
        type="button"
        className="button button--secondary operating-message__close"
        aria-describedby={textId}
        onClick={onClose}
      >
        Stäng
      </button>
    </div>
  );
}
