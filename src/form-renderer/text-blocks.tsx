/** A definition's text cut into blocks: paragraphs, and lists from FK's "- " lines. */
export type TextBlock = { kind: 'paragraph'; text: string } | { kind: 'list'; items: string[] };

const LIST_ITEM = /^\s*[-–•]\s+(.*)$/;

/**
 * FK's texts are plain text: each line is a paragraph (blank lines only separate), and
 * consecutive lines starting with "- " are the items of one list.
 */
export function textToBlocks(text: string): TextBlock[] {
  const blocks: TextBlock[] = [];
  for (const line of text.split(/\r?\n/)) {
    const item = LIST_ITEM.exec(line)?.[1]?.trim();
    const previous = blocks.at(-1);
    if (item !== undefined && item !== '') {
      if (previous?.kind === 'list') previous.items.push(item);
      else blocks.push({ kind: 'list', items: [item] });
    } else if (line.trim() !== '') {
      blocks.push({ kind: 'paragraph', text: line.trim() });
    }
  }
  return blocks;
}

type Props = {
  text: string;
  /** Class of the wrapper (e.g. "question__description"). */
  className?: string | undefined;
  /** Id of the wrapper, for aria-describedby. */
  id?: string | undefined;
};

/** A definition's text as <p> and <ul> elements, never as HTML. */
export function TextBlocks({ text, className, id }: Props) {
  return (
    <div className={className === undefined ? 'text-blocks' : `text-blocks ${className}`} id={id}>
      {textToBlocks(text).map((block, index) =>
        block.kind === 'paragraph' ? (
          <p key={index}>{block.text}</p>
        ) : (
          <ul key={index}>
            {block.items.map((item, itemIndex) => (
              <li key={itemIndex}>{item}</li>
            ))}
          </ul>
        ),
      )}
    </div>
  );
}
