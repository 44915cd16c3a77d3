import type { ComplementRequested } from '../../../contracts/certificates';
import { MessageBox } from '../../../components/ui/message-box';
import { formatDate } from '../../../lib/format';
import '../../../components/ui/thread.css';

type Props = {
  requested: ComplementRequested;
  /** The type sends a complement to FK when it is signed. */
  sentOnSigning: boolean;
};

/**
 * Above a complementing draft: FK's message of each request it answers (the overall message,
 * beside the per-question instructions the form shows at each question) and the last day.
 */
export function ComplementMessage({ requested, sentOnSigning }: Props) {
  const messages = requested.messages ?? [];
  const { lastDateToReply } = requested;
  if (messages.length === 0 && lastDateToReply === undefined) return null;
  return (
    <MessageBox
      variant="info"
      heading={messages.length === 0 ? undefined : 'Meddelande från Försäkringskassan'}
    >
      {messages.map((message, index) => (
        <div key={`${message.sentAt}-${String(index)}`} className="complement-message">
          {messages.length > 1 && (
            <p className="complement-message__date">
              Kompletteringsbegäran {formatDate(message.sentAt)}:
            </p>
          )}
          <p className="thread__text">{message.text}</p>
        </div>
      ))}
      {lastDateToReply !== undefined && (
        <p>
          Försäkringskassan vill ha kompletteringen senast {formatDate(lastDateToReply)}.
          {sentOnSigning && ' Kompletteringen skickas till Försäkringskassan när du signerar den.'}
        </p>
      )}
    </MessageBox>
  );
}
