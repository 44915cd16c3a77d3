import { useId, useState } from 'react';
import {
  cannotComplementReasonLabels,
  threadTopicLabels,
  type Thread,
  type ThreadAction,
} from '../../../contracts/threads';
import { Dialog } from '../../../components/ui/dialog';
import { DialogActions } from '../../../components/ui/dialog-actions';
import { isApiFailure } from '../../../lib/api-client';
import { formatDate, formatDateTime } from '../../../lib/format';
import { threadDueLabels, threadPartyNames, threadToDoLabels } from '../../../lib/thread-labels';
import { setThreadForwarded, setThreadHandled } from '../api/threads';
import { AnswerForm } from './answer-form';
import { CannotComplementDialog } from './cannot-complement-dialog';
import { ComplementAction, type ConsentStep } from './complement-action';
import { labelledText } from '../../../language/swedish';

type Props = {
  thread: Thread;
  /** The thread's address in the app, for forwarding (it carries no patient data). */
  threadUrl: string;
  onSaved: (thread: Thread) => void;
  /** Several threads changed at once (the certificate's threads as the backend answered). */
  onAllSaved: (threads: Thread[]) => void;
  today: string;
  ConsentStep: ConsentStep;
};

const handledHowLabels: Record<NonNullable<Thread['handled']>['how'], string> = {
  marked: 'Markerad som hanterad',
  answered: 'Besvarad',
  complemented: 'Kompletterad',
  'cannot-complement': 'Besvarad med att det inte går att komplettera',
  revoked: 'Stängd när intyget makulerades',
};

/** The e-mail that forwards a thread to a colleague: a link, and nothing about the patient. */
export function forwardMailto(threadUrl: string): string {
  const subject = 'Ärende från Försäkringskassan att hantera i Intyga';
  const body = [
    'Hej!',
    '',
    'Det finns ett ärende från Försäkringskassan som behöver hanteras. Öppna det i Intyga:',
    threadUrl,
  ].join('\n');
  return `mailto:?subject=${encodeURIComponent(subject)}&body=${encodeURIComponent(body)}`;
}

/** One question with its reminders, its deadline, its answer, its state and what to do. */
export function ThreadCard({ thread, threadUrl, onSaved, onAllSaved, today, ConsentStep }: Props) {
  const headingId = useId();
  const [confirmHandled, setConfirmHandled] = useState(false);
  const [cannotComplementOpen, setCannotComplementOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | undefined>();
  const action = (type: ThreadAction['type']) => thread.actions.find((a) => a.type === type);
  const answer = action('answer');
  const markHandled = action('mark-handled');
  const reopen = action('reopen');
  const forward = action('forward');
  const cannot = action('cannot-complement');
  const complement = action('complement');
  const complementRequest = thread.topic === 'KOMPLT';

  const run = async (write: () => Promise<{ thread: Thread }>) => {
    setBusy(true);
    setError(undefined);
    try {
      const { thread: next } = await write();
      onSaved(next);
      return true;
    } catch (failure) {
      setError(isApiFailure(failure) ? failure.message : 'Det gick inte. Försök igen.');
      return false;
    } finally {
      setBusy(false);
    }
  };

  const handle = async () => {
    if (await run(() => setThreadHandled(thread.id, thread.version, true))) {
      setConfirmHandled(false);
    }
  };

  const dueNote = threadDueLabels[thread.due];
  return (
    <article
      className={`thread${thread.handled === undefined ? '' : ' thread--handled'}`}
      id={`arende-${thread.id}`}
      aria-labelledby={headingId}
      tabIndex={-1}
    >
      <h3 className="thread__title" id={headingId}>
        {thread.subject}
      </h3>
      <p className="thread__meta">
        {threadTopicLabels[thread.topic]} · Från {threadPartyNames[thread.from]}
        {thread.author === undefined ? '' : ` (${thread.author.name})`} ·{' '}
        {formatDateTime(thread.sentAt)}
        {thread.fkReference === undefined
          ? ''
          : ` · Försäkringskassans referens ${thread.fkReference}`}
      </p>
      <p className="thread__state">
        <strong>
          {thread.handled === undefined
            ? threadToDoLabels[thread.toDo]
            : `${handledHowLabels[thread.handled.how]} ${formatDateTime(thread.handled.at)}`}
        </strong>
        {thread.lastDateToReply !== undefined && thread.handled === undefined && (
          <>
            {' '}
            · Svara senast {formatDate(thread.lastDateToReply)}
            {dueNote !== '' && (
              <span className={`due-note due-note--${thread.due}`}> ({dueNote})</span>
            )}
          </>
        )}
        {thread.forwarded ? ' · Vidarebefordrad' : ''}
      </p>
      <p className="thread__text">{thread.text}</p>
      {thread.complements.length > 0 && (
        <>
          <h4 className="thread__subheading">Frågor som Försäkringskassan vill ha kompletterade</h4>
          <ul className="thread__complements">
            {thread.complements.map((item) => (
              <li key={item.questionId}>
                <strong>{item.questionLabel}</strong>
                <span className="thread__text">{item.instruction}</span>
              </li>
            ))}
          </ul>
        </>
      )}
      {thread.contactInfo.length > 0 && (
        <p className="thread__contact">Kontakt: {thread.contactInfo.join(', ')}</p>
      )}
      {thread.reminders.map((reminder) => (
        <div key={reminder.messageId} className="thread__message thread__message--reminder">
          <h4 className="thread__subheading">Påminnelse {formatDateTime(reminder.sentAt)}</h4>
          <p className="thread__text">{reminder.text}</p>
        </div>
      ))}
      {/* "Kan ej komplettera" is shown once, below, with its reason and the unit's words. */}
      {thread.answer !== undefined && thread.cannotComplement === undefined && (
        <div className="thread__message">
          <h4 className="thread__subheading">
            Svar från {threadPartyNames[thread.answer.from]}
            {thread.answer.author === undefined ? '' : ` (${thread.answer.author.name})`}{' '}
            {formatDateTime(thread.answer.sentAt)}
          </h4>
          <p className="thread__text">{thread.answer.text}</p>
        </div>
      )}
      {answer !== undefined && <AnswerForm thread={thread} action={answer} onSaved={onSaved} />}
      {thread.cannotComplement !== undefined && (
        <div className="thread__message">
          <h4 className="thread__subheading">Kan ej komplettera</h4>
          <p>{cannotComplementReasonLabels[thread.cannotComplement.reason]}</p>
          <p className="thread__text">{thread.cannotComplement.text}</p>
        </div>
      )}
      <div className="thread__actions button-group">
        {complement !== undefined && (
          <ComplementAction
            thread={thread}
            action={complement}
            today={today}
            ConsentStep={ConsentStep}
          />
        )}
        {cannot !== undefined && (
          <button
            type="button"
            className="button button--secondary"
            disabled={!cannot.enabled || busy}
            onClick={() => setCannotComplementOpen(true)}
          >
            {cannot.label}
          </button>
        )}
        {markHandled !== undefined && (
          <button
            type="button"
            className="button button--secondary"
            disabled={!markHandled.enabled || busy}
            onClick={() => (complementRequest ? setConfirmHandled(true) : void handle())}
          >
            {markHandled.label}
          </button>
        )}
        {reopen !== undefined && (
          <button
            type="button"
            className="button button--secondary"
            disabled={!reopen.enabled || busy}
            onClick={() => void run(() => setThreadHandled(thread.id, thread.version, false))}
          >
            {reopen.label}
          </button>
        )}
        {forward?.enabled === true && (
          // A new browsing context for the e-mail program: following mailto: in this page would
          // fire `beforeunload`, on which MSW stops answering for the page (the embedded backend).
          <a
            className="button button--secondary"
            href={forwardMailto(threadUrl)}
            target="_blank"
            rel="noreferrer"
            onClick={() => void run(() => setThreadForwarded(thread.id, thread.version))}
          >
            {forward.label}
          </a>
        )}
      </div>
      {/* Why an action is not possible now, in words (a disabled button cannot be focused). */}
      {[complement, cannot, markHandled, reopen]
        .filter(
          (offered): offered is ThreadAction & { reason: string } =>
            offered !== undefined && !offered.enabled && offered.reason !== undefined,
        )
        .map((offered) => (
          <p key={offered.type} className="editor-actions__reason">
            {labelledText(offered.label, offered.reason)}
          </p>
        ))}
      {error !== undefined && (
        <p className="thread__error" role="alert">
          {error}
        </p>
      )}
      {cannotComplementOpen && (
        <CannotComplementDialog
          thread={thread}
          onClose={() => setCannotComplementOpen(false)}
          onDone={(threads) => {
            setCannotComplementOpen(false);
            onAllSaved(threads);
          }}
        />
      )}
      {confirmHandled && (
        <Dialog
          open
          title="Markera kompletteringsbegäran som hanterad?"
          role="alertdialog"
          onClose={() => setConfirmHandled(false)}
          focusSafeChoice
          footer={
            <DialogActions
              confirmLabel="Markera som hanterad"
              busyLabel="Markerar…"
              busy={busy}
              onConfirm={() => void handle()}
              onCancel={() => setConfirmHandled(false)}
            />
          }
        >
          <p>
            En kompletteringsbegäran som har markerats som hanterad kan inte öppnas igen, och
            Försäkringskassan får inget svar genom den. Gör det bara om frågan har hanterats på
            annat sätt, till exempel per telefon.
          </p>
          {error !== undefined && <p role="alert">{error}</p>}
        </Dialog>
      )}
    </article>
  );
}
