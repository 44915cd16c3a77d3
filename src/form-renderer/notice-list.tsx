import type { Notice } from '../form-engine';
import { TextBlocks } from './text-blocks';

/** The definition's notices (FK's information to the physician) as message boxes. */
export function NoticeList({
  notices,
  headingLevel = 3,
}: {
  notices: readonly Notice[];
  headingLevel?: 2 | 3;
}) {
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return notices.map((notice) => (
    <div key={notice.id} className={`message-box message-box--${notice.severity} notice`}>
      <div className="message-box__content">
        {notice.title !== undefined && (
          <Heading className="message-box__heading">{notice.title}</Heading>
        )}
        <TextBlocks text={notice.text} />
      </div>
    </div>
  ));
}
