import type { ActiveMessage } from '../form-engine';
import { TextBlocks } from './text-blocks';

/** The definition's non-blocking messages whose condition holds, announced politely. */
export function ConditionalMessages({ messages }: { messages: readonly ActiveMessage[] }) {
  return (
    <div className="question__messages" aria-live="polite">
      {messages.map((message) => (
        <div
          key={message.id ?? message.text}
          className={`message-box message-box--${message.severity} question__message`}
        >
          <div className="message-box__content">
            <TextBlocks text={message.text} />
          </div>
        </div>
      ))}
    </div>
  );
}
