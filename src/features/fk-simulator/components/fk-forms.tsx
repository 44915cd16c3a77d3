import { useQueryClient } from '@tanstack/react-query';
import { useId, useRef, useState, type Ref } from 'react';
import type { FkMessageRequest, FkCaseResponse } from '../../../contracts/fk';
import { THREAD_TEXT_MAX, threadTopicLabels, type ThreadTopic } from '../../../contracts/threads';
import { RadioGroup } from '../../../components/ui/radio-group';
import { FkTextArea } from '../../../form-renderer';
import { TextField } from '../../../components/ui/text-field';
import { DateTextField, dateTextError } from '../../../form-renderer/date-text-field';
import { isApiFailure } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';
import { sendFkMessage } from '../api/fk-cases';

/** Sends one message as FK; refreshes the case; says what went wrong in Swedish. */
function useSend(certificateId: string) {
  const queryClient = useQueryClient();
  const [sending, setSending] = useState(false);
  const [failure, setFailure] = useState<string | undefined>();
  const send = async (message: FkMessageRequest): Promise<boolean> => {
    setSending(true);
    setFailure(undefined);
    try {
      await sendFkMessage(certificateId, message);
      await queryClient.invalidateQueries({ queryKey: queryKeys.fkCase(certificateId) });
      return true;
    } catch (error) {
      setFailure(isApiFailure(error) ? error.message : 'Meddelandet kunde inte skickas.');
      return false;
    } finally {
      setSending(false);
    }
  };
  return { send, sending, failure };
}

function Failure({ text }: { text: string | undefined }) {
  return text === undefined ? null : (
    <p className="thread__error" role="alert">
      {text}
    </p>
  );
}

/** A reminder of, or FK's answer to, one thread: a button that opens a short form. */
export function FkReplyForm({
  certificateId,
  threadId,
  kind,
  onSent,
}: {
  certificateId: string;
  threadId: string;
  kind: 'reminder' | 'answer';
  onSent: (what: string) => void;
}) {
  const [open, setOpen] = useState(false);
  const [text, setText] = useState('');
  const [error, setError] = useState<string | undefined>();
  const { send, sending, failure } = useSend(certificateId);
  const words =
    kind === 'reminder'
      ? { open: 'Skicka påminnelse', label: 'Påminnelse', done: 'Påminnelsen är skickad.' }
      : { open: 'Svara vårdenheten', label: 'Svar till vårdenheten', done: 'Svaret är skickat.' };
  if (!open) {
    return (
      <button type="button" className="button button--secondary" onClick={() => setOpen(true)}>
        {words.open}
      </button>
    );
  }
  return (
    <form
      className="fk-form"
      noValidate
      aria-label={words.open}
      onSubmit={(event) => {
        event.preventDefault();
        if (text.trim() === '') {
          setError('Skriv ett meddelande.');
          return;
        }
        setError(undefined);
        void send({ kind, threadId, text }).then((sent) => {
          if (!sent) return;
          setText('');
          setOpen(false);
          onSent(words.done);
        });
      }}
    >
      <FkTextArea
        label={words.label}
        value={text}
        maxLength={THREAD_TEXT_MAX}
        error={error}
        onTextChange={setText}
      />
      <Failure text={failure} />
      <div className="button-group">
        <button type="submit" className="button button--primary" disabled={sending}>
          {sending ? 'Skickar…' : words.open}
        </button>
        <button type="button" className="button button--secondary" onClick={() => setOpen(false)}>
          Avbryt
        </button>
      </div>
    </form>
  );
}

type Errors = Partial<Record<string, string>>;

/** The last day to answer is today or later. */
const lastDateMessages = { dateTooEarly: 'Sista dagen att svara kan inte ha passerat.' };

/** "Svara senast (valfritt)": FK's last day for the unit to answer. */
function LastDateField({
  value,
  onChange,
  today,
  error,
  ref,
}: {
  value: string;
  onChange: (text: string) => void;
  today: string;
  error: string | undefined;
  ref?: Ref<HTMLInputElement>;
}) {
  return (
    <DateTextField
      ref={ref}
      label="Svara senast (valfritt)"
      value={value}
      onChange={onChange}
      today={today}
      min={today}
      messages={lastDateMessages}
      error={error}
    />
  );
}

const lastDateError = (value: string, today: string) =>
  dateTextError(value, { min: today }, lastDateMessages);

/**
 * FK's complement request: the questions of the received certificate it names, each with an
 * instruction, a message to the unit and the last day to answer.
 */
export function ComplementRequestForm({
  fkCase,
  today,
  onSent,
}: {
  fkCase: FkCaseResponse;
  today: string;
  onSent: (what: string) => void;
}) {
  const id = useId();
  const [chosen, setChosen] = useState<Record<string, string>>({});
  const [text, setText] = useState('');
  const [lastDate, setLastDate] = useState('');
  const [errors, setErrors] = useState<Errors>({});
  const { send, sending, failure } = useSend(fkCase.certificate.certificateId);
  // The fields by error key, so the first error gets the focus.
  const fields = useRef<Partial<Record<string, HTMLElement | null>>>({});
  const picked = fkCase.questions.filter((question) => question.questionId in chosen);

  const submit = async () => {
    const next: Errors = {};
    if (picked.length === 0) next.questions = 'Välj minst en fråga att komplettera.';
    for (const question of picked) {
      if ((chosen[question.questionId] ?? '').trim() === '') {
        next[`instruction-${question.questionId}`] = 'Skriv vad vårdenheten ska komplettera.';
      }
    }
    if (text.trim() === '') next.text = 'Skriv ett meddelande.';
    const dateError = lastDateError(lastDate, today);
    if (dateError !== undefined) next.lastDate = dateError;
    setErrors(next);
    const first = Object.keys(next)[0];
    if (first !== undefined) {
      fields.current[first]?.focus();
      return;
    }
    const sent = await send({
      kind: 'question',
      topic: 'KOMPLT',
      text,
      ...(lastDate === '' ? {} : { lastDateToReply: lastDate }),
      complements: picked.map((question) => ({
        questionId: question.questionId,
        instruction: chosen[question.questionId] ?? '',
      })),
    });
    if (!sent) return;
    setChosen({});
    setText('');
    setLastDate('');
    onSent('Kompletteringsbegäran är skickad till vårdenheten.');
  };

  return (
    <form
      className="fk-form"
      aria-labelledby={`${id}-heading`}
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      <h2 id={`${id}-heading`}>Begär komplettering</h2>
      <fieldset
        className="fk-form__questions"
        ref={(element) => void (fields.current.questions = element)}
        tabIndex={-1}
        aria-describedby={errors.questions === undefined ? undefined : `${id}-questions-error`}
      >
        <legend className="label">Frågor i intyget som ska kompletteras</legend>
        {errors.questions !== undefined && (
          <p className="form-field__error-message" id={`${id}-questions-error`}>
            {errors.questions}
          </p>
        )}
        <ul className="fk-form__question-list">
          {fkCase.questions.map((question) => {
            const checked = question.questionId in chosen;
            const key = `instruction-${question.questionId}`;
            return (
              <li key={question.questionId}>
                <div className="checkbox">
                  <input
                    id={`${id}-pick-${question.questionId}`}
                    className="checkbox__input"
                    type="checkbox"
                    checked={checked}
                    onChange={(event) =>
                      setChosen(
                        event.target.checked
                          ? { ...chosen, [question.questionId]: '' }
                          : Object.fromEntries(
                              Object.entries(chosen).filter(([key]) => key !== question.questionId),
                            ),
                      )
                    }
                  />
                  <label className="checkbox__label" htmlFor={`${id}-pick-${question.questionId}`}>
                    {question.label}
                    {question.answered ? '' : ' (obesvarad i intyget)'}
                  </label>
                </div>
                {checked && (
                  <FkTextArea
                    ref={(element) => void (fields.current[key] = element)}
                    label={`Instruktion: ${question.label}`}
                    value={chosen[question.questionId] ?? ''}
                    maxLength={THREAD_TEXT_MAX}
                    error={errors[key]}
                    onTextChange={(next) => setChosen({ ...chosen, [question.questionId]: next })}
                  />
                )}
              </li>
            );
          })}
        </ul>
      </fieldset>
      <FkTextArea
        ref={(element) => void (fields.current.text = element)}
        label="Meddelande till vårdenheten"
        value={text}
        maxLength={THREAD_TEXT_MAX}
        error={errors.text}
        onTextChange={setText}
      />
      <LastDateField
        ref={(element) => void (fields.current.lastDate = element)}
        value={lastDate}
        onChange={setLastDate}
        today={today}
        error={errors.lastDate}
      />
      <Failure text={failure} />
      <button type="submit" className="button button--primary" disabled={sending}>
        {sending ? 'Skickar…' : 'Skicka kompletteringsbegäran'}
      </button>
    </form>
  );
}

const adminTopics: readonly (readonly [Exclude<ThreadTopic, 'KOMPLT'>, string])[] = [
  ['AVSTMN', threadTopicLabels.AVSTMN],
  ['KONTKT', threadTopicLabels.KONTKT],
  ['OVRIGT', threadTopicLabels.OVRIGT],
];

/** An administrative question from FK to the unit: contact, a meeting, or something else. */
export function FkQuestionForm({
  certificateId,
  today,
  onSent,
}: {
  certificateId: string;
  today: string;
  onSent: (what: string) => void;
}) {
  const id = useId();
  const [topic, setTopic] = useState<Exclude<ThreadTopic, 'KOMPLT'> | ''>('');
  const [subject, setSubject] = useState('');
  const [text, setText] = useState('');
  const [lastDate, setLastDate] = useState('');
  const [errors, setErrors] = useState<Errors>({});
  const { send, sending, failure } = useSend(certificateId);

  const submit = async () => {
    const next: Errors = {};
    if (topic === '') next.topic = 'Välj typ av fråga.';
    if (text.trim() === '') next.text = 'Skriv ett meddelande.';
    const dateError = lastDateError(lastDate, today);
    if (dateError !== undefined) next.lastDate = dateError;
    setErrors(next);
    if (topic === '' || Object.keys(next).length > 0) return;
    const sent = await send({
      kind: 'question',
      topic,
      text,
      ...(subject.trim() === '' ? {} : { subject: subject.trim() }),
      ...(lastDate === '' ? {} : { lastDateToReply: lastDate }),
    });
    if (!sent) return;
    setTopic('');
    setSubject('');
    setText('');
    setLastDate('');
    onSent('Frågan är skickad till vårdenheten.');
  };

  return (
    <form
      className="fk-form"
      aria-labelledby={`${id}-heading`}
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      <h2 id={`${id}-heading`}>Ny fråga till vårdenheten</h2>
      <RadioGroup
        legend="Typ av fråga"
        options={adminTopics}
        value={topic}
        onChange={setTopic}
        error={errors.topic}
      />
      <TextField
        label="Rubrik (valfritt)"
        maxLength={200}
        value={subject}
        onChange={(event) => setSubject(event.target.value)}
      />
      <FkTextArea
        label="Meddelande"
        value={text}
        maxLength={THREAD_TEXT_MAX}
        error={errors.text}
        onTextChange={setText}
      />
      <LastDateField
        value={lastDate}
        onChange={setLastDate}
        today={today}
        error={errors.lastDate}
      />
      <Failure text={failure} />
      <button type="submit" className="button button--primary" disabled={sending}>
        {sending ? 'Skickar…' : 'Skicka frågan'}
      </button>
    </form>
  );
}
