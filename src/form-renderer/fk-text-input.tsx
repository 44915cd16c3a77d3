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
 * The notice stays while the user is in the field and goes when they leave it (`clear`, on
 * blur): it is beside what they are looking at when it matters, it is announced politely once,
 * it needs no closing and no timer (WCAG 2.2.1), and it does not linger in a long form after
 * the user has moved on. A new cleaning replaces it, and is announced again.
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
export function FkTextArea({ onTextChange, onBlur, ...area }: FkTextAreaProps) {
  const fkText = useFkTextInput();
  return (
    <TextArea
      {...area}
      onChange={(event) => onTextChange(fkText.clean(event.currentTarget))}
      onBlur={(event) => {
        fkText.clear();
        onBlur?.(event);
      }}
    >
      <FkTextNotice notice={fkText.notice} />
    </TextArea>
  );
}
