import { useState, type ComponentProps } from 'react';
import { MessageBox } from '../components/ui/message-box';
import { TextArea } from '../components/ui/text-area';
import './fk-text-input.css';
import { cleanFkText, fkTextChangeMessage } from '../form-engine';

type TextControl = HTMLInputElement | HTMLTextAreaElement;

/** The message of a field's last cleaning; `count` makes a repeated message a new one. */
type Notice = { message: string; count: number } | undefined;

/**
 * A free text Försäkringskassan receives, cleaned as it is typed or pasted (the set and the
 * replacements: src/form-engine/fk-text.ts). `clean` takes the control of a change event,
 * puts the cleaned text in it with the caret where it belongs, and returns the text to keep;
 * what changed becomes the field's notice (`FkTextNotice`).
 *
 * How long the notice stays: from the cleaning until the user comes back to the field (`clear`,
 * on focus). Typing on does not remove it, so it is not cut short while being read or
 * announced; leaving the field does not remove it either, so nothing below the field moves
 * under the pointer on its way to a button; it needs no closing and no timer (WCAG 2.2.1).
 * Coming back to the field means it has been seen. A new cleaning replaces it, announced again.
 */
export function useFkTextInput() {
  const [notice, setNotice] = useState<Notice>();
  const clean = (control: TextControl): string => {
    const { value, selectionEnd } = control;
    const cleaned = cleanFkText(value, selectionEnd ?? value.length);
    if (cleaned.text !== value) {
      control.value = cleaned.text;
      control.setSelectionRange(cleaned.caret, cleaned.caret);
    }
    if (cleaned.changes.length > 0) {
      const message = fkTextChangeMessage(cleaned.changes);
      setNotice((previous) => ({ message, count: (previous?.count ?? 0) + 1 }));
    }
    return cleaned.text;
  };
  const clear = () => setNotice(undefined);
  return { clean, clear, notice };
}

/**
 * Where a field's cleaning is told: a polite live region that is always there (so the message
 * is announced as it appears), holding an information box while there is something to say.
 */
export function FkTextNotice({ notice }: { notice: Notice }) {
  return (
    <div className="fk-text-notice" aria-live="polite">
      {notice !== undefined && (
        <MessageBox key={notice.count} variant="info">
          <p>{notice.message}</p>
        </MessageBox>
      )}
    </div>
  );
}

type FkTextAreaProps = Omit<ComponentProps<typeof TextArea>, 'onChange' | 'children'> & {
  /** The text as typed, cleaned to text FK can receive. */
  onTextChange: (text: string) => void;
};

/** A textarea of a text Försäkringskassan receives (a question, an answer, a comment). */
export function FkTextArea({ onTextChange, onFocus, ...area }: FkTextAreaProps) {
  const fkText = useFkTextInput();
  return (
    <TextArea
      {...area}
      onChange={(event) => onTextChange(fkText.clean(event.currentTarget))}
      onFocus={(event) => {
        fkText.clear();
        onFocus?.(event);
      }}
    >
      <FkTextNotice notice={fkText.notice} />
    </TextArea>
  );
}
