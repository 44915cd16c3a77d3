import { useEffect, useRef, useState } from 'react';
import { THREAD_TEXT_MAX, type Thread, type ThreadAction } from '../../../contracts/threads';
import { FkTextArea } from '../../../form-renderer';
import { HttpError, isApiFailure } from '../../../lib/api-client';
import { formatTime } from '../../../lib/format';
import { answerThread, saveAnswerDraft } from '../api/threads';

/** How long typing pauses before the answer's draft is saved. */
const SAVE_DELAY_MS = 800;

type Props = {
  thread: Thread;
  action: ThreadAction;
  /** The thread as the backend answered a write (the panel puts it in its cache). */
  onSaved: (thread: Thread) => void;
};

type SaveState =
  | { kind: 'idle' }
  | { kind: 'saving' }
  | { kind: 'saved'; at: string }
  | { kind: 'failed'; message: string };

/** This browser's copy of an unsent answer, kept until the backend has it. */
const backupKey = (threadId: string) => `intyga.thread-answer.${threadId}`;

function readBackup(threadId: string): string | undefined {
  try {
    return window.localStorage.getItem(backupKey(threadId)) ?? undefined;
  } catch {
    return undefined;
  }
}

function writeBackup(threadId: string, text: string | undefined): void {
  try {
    if (text === undefined) window.localStorage.removeItem(backupKey(threadId));
    else window.localStorage.setItem(backupKey(threadId), text);
  } catch {
    // Storage full or refused: the backend's draft is still saved as typing pauses.
  }
}

/**
 * The answer to one of FK's administrative questions. What is typed is kept in this browser
 * at once and saved as the thread's answer draft when typing pauses, so a reload, a lost
 * connection or another tab loses nothing; "Skicka svar" sends it and handles the question.
 */
export function AnswerForm({ thread, action, onSaved }: Props) {
  const [text, setText] = useState(() => readBackup(thread.id) ?? thread.answerDraft?.text ?? '');
  const [state, setState] = useState<SaveState>(
    thread.answerDraft === undefined
      ? { kind: 'idle' }
      : { kind: 'saved', at: thread.answerDraft.savedAt },
  );
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<string | undefined>();
  const version = useRef(thread.version);
  const saved = useRef(thread.answerDraft?.text ?? '');
  const pending = useRef<Promise<void>>(Promise.resolve());
  // A newer version from another tab or user: later writes build on it.
  useEffect(() => {
    version.current = Math.max(version.current, thread.version);
  }, [thread.version]);

  const save = (next: string) => {
    pending.current = pending.current.then(async () => {
      if (next === saved.current) return;
      setState({ kind: 'saving' });
      try {
        const { thread: stored } = await saveAnswerDraft(thread.id, version.current, next);
        version.current = stored.version;
        saved.current = next;
        // The backend has what was typed: this browser's copy is no longer needed.
        if (latestText.current === next) writeBackup(thread.id, undefined);
        setState({ kind: 'saved', at: stored.answerDraft?.savedAt ?? stored.sentAt });
        onSaved(stored);
      } catch (failure) {
        setState({
          kind: 'failed',
          message:
            failure instanceof HttpError && failure.status === 409
              ? 'Frågan har ändrats av någon annan. Din text finns kvar här och i webbläsaren.'
              : isApiFailure(failure)
                ? `${failure.message} Din text finns kvar här och i webbläsaren.`
                : 'Svaret kunde inte sparas. Din text finns kvar här och i webbläsaren.',
        });
      }
    });
  };

  const latestSave = useRef(save);
  const latestText = useRef(text);
  useEffect(() => {
    latestSave.current = save;
    latestText.current = text;
  });
  useEffect(() => {
    if (text === saved.current) return undefined;
    const timer = window.setTimeout(() => latestSave.current(text), SAVE_DELAY_MS);
    return () => window.clearTimeout(timer);
  }, [text]);

  const send = async () => {
    if (text.trim() === '') {
      setError('Skriv ett svar.');
      return;
    }
    setSending(true);
    setError(undefined);
    try {
      await pending.current;
      const { thread: answered } = await answerThread(thread.id, version.current, text);
      writeBackup(thread.id, undefined);
      onSaved(answered);
    } catch (failure) {
      setError(isApiFailure(failure) ? failure.message : 'Svaret kunde inte skickas. Försök igen.');
      setSending(false);
    }
  };

  return (
    <form
      className="thread-answer"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void send();
      }}
    >
      <FkTextArea
        label="Svar till Försäkringskassan"
        value={text}
        maxLength={THREAD_TEXT_MAX}
        error={error}
        onTextChange={(next) => {
          setText(next);
          writeBackup(thread.id, next);
          if (error !== undefined) setError(undefined);
        }}
      />
      <p className="thread-answer__state" role="status">
        {state.kind === 'saving'
          ? 'Sparar svaret…'
          : state.kind === 'saved'
            ? `Utkastet till svar sparat kl. ${formatTime(state.at)}`
            : state.kind === 'failed'
              ? state.message
              : ''}
      </p>
      <button
        type="submit"
        className="button button--primary"
        disabled={!action.enabled || sending}
        aria-describedby={action.reason === undefined ? undefined : `${thread.id}-answer-reason`}
      >
        {sending ? 'Skickar svaret…' : action.label}
      </button>
      {action.reason !== undefined && (
        <p id={`${thread.id}-answer-reason`} className="editor-actions__reason">
          {action.reason}
        </p>
      )}
    </form>
  );
}
