import { useId, useState } from 'react';
import {
  careTopicSchema,
  THREAD_TEXT_MAX,
  threadTopicLabels,
  type CareTopic,
  type Thread,
} from '../../../contracts/threads';
import { FkTextArea } from '../../../form-renderer';
import { isApiFailure } from '../../../lib/api-client';
import { startThread } from '../api/threads';

type Props = { certificateId: string; onSent: (thread: Thread) => void };

/** A new administrative question from the unit to Försäkringskassan about the certificate. */
export function NewQuestionForm({ certificateId, onSent }: Props) {
  const id = useId();
  const [open, setOpen] = useState(false);
  const [topic, setTopic] = useState<CareTopic | ''>('');
  const [text, setText] = useState('');
  const [errors, setErrors] = useState<{ topic?: string; text?: string; send?: string }>({});
  const [sending, setSending] = useState(false);
  const [sent, setSent] = useState(false);

  if (!open) {
    return (
      <div className="new-question">
        <button type="button" className="button button--secondary" onClick={() => setOpen(true)}>
          Ny fråga till Försäkringskassan
        </button>
        <p className="new-question__sent" role="status">
          {sent ? 'Frågan är skickad till Försäkringskassan.' : ''}
        </p>
      </div>
    );
  }

  const send = async () => {
    const next = {
      ...(topic === '' ? { topic: 'Välj typ av fråga.' } : {}),
      ...(text.trim() === '' ? { text: 'Skriv ett meddelande.' } : {}),
    };
    setErrors(next);
    if (topic === '' || next.text !== undefined) return;
    setSending(true);
    try {
      const { thread } = await startThread(certificateId, topic, text);
      onSent(thread);
      setText('');
      setTopic('');
      setOpen(false);
      setSent(true);
    } catch (failure) {
      setErrors({
        send: isApiFailure(failure) ? failure.message : 'Frågan kunde inte skickas. Försök igen.',
      });
    } finally {
      setSending(false);
    }
  };

  return (
    <form
      className="new-question"
      aria-labelledby={`${id}-heading`}
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void send();
      }}
    >
      <h3 id={`${id}-heading`} className="thread__title">
        Ny fråga till Försäkringskassan
      </h3>
      <div className={`dropdown${errors.topic === undefined ? '' : ' dropdown--error'}`}>
        <label className="label" htmlFor={`${id}-topic`}>
          Typ av fråga
          {errors.topic !== undefined && (
            <span className="label__message label__message--error" id={`${id}-topic-error`}>
              {errors.topic}
            </span>
          )}
        </label>
        <select
          id={`${id}-topic`}
          className="dropdown__select"
          value={topic}
          aria-invalid={errors.topic === undefined ? undefined : true}
          aria-describedby={errors.topic === undefined ? undefined : `${id}-topic-error`}
          onChange={(event) =>
            setTopic(careTopicSchema.options.find((option) => option === event.target.value) ?? '')
          }
        >
          <option value="">Välj typ av fråga</option>
          {careTopicSchema.options.map((option) => (
            <option key={option} value={option}>
              {threadTopicLabels[option]}
            </option>
          ))}
        </select>
      </div>
      <FkTextArea
        label="Meddelande"
        description="Skriv inga uppgifter om patienten som Försäkringskassan inte behöver för frågan."
        value={text}
        maxLength={THREAD_TEXT_MAX}
        error={errors.text}
        onTextChange={setText}
      />
      {errors.send !== undefined && (
        <p className="thread__error" role="alert">
          {errors.send}
        </p>
      )}
      <div className="button-group">
        <button type="submit" className="button button--primary" disabled={sending}>
          {sending ? 'Skickar…' : 'Skicka fråga'}
        </button>
        <button type="button" className="button button--secondary" onClick={() => setOpen(false)}>
          Avbryt
        </button>
      </div>
    </form>
  );
}
