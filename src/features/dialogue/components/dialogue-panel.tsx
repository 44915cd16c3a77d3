import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import type { Thread } from '../../../contracts/threads';
import { Loading } from '../../../components/ui/loading';
import { MessageBox } from '../../../components/ui/message-box';
import { queryKeys } from '../../../lib/query-keys';
import { useCertificateThreads } from '../api/threads';
import { NewQuestionForm } from './new-question-form';
import { ThreadCard } from './thread-card';
import type { ConsentStep } from './complement-action';
import '../../../components/ui/thread.css';
import './dialogue.css';

type Props = {
  certificateId: string;
  /** Whether the unit may still write to FK about it (signed and sent, not revoked). */
  canAsk: boolean;
  /** A thread's address in the app, absolute, for forwarding. */
  threadUrl: (threadId: string) => string;
  /** The thread the page was opened at (from the inbox), if any. */
  openThreadId: string | undefined;
  /** The server's today (the consent to a complement is dated by it). */
  today: string;
  /** The patient's consent to a complement is recorded with the editor's consent step. */
  ConsentStep: ConsentStep;
};

type Tab = 'complement' | 'administrative';

const tabLabels: Record<Tab, string> = {
  complement: 'Kompletteringsbegäran',
  administrative: 'Administrativa frågor',
};

const tabOf = (thread: Thread): Tab =>
  thread.topic === 'KOMPLT' ? 'complement' : 'administrative';

/**
 * "Ärendekommunikation" beside a sent certificate: FK's complement requests and the
 * administrative questions either side has asked, in two tabs with their unhandled counts.
 */
export function DialoguePanel({
  certificateId,
  canAsk,
  threadUrl,
  openThreadId,
  today,
  ConsentStep,
}: Props) {
  const queryClient = useQueryClient();
  const threads = useCertificateThreads(certificateId);
  const id = useId();
  const list = threads.data?.threads ?? [];
  const opened = list.find((thread) => thread.id === openThreadId);
  const [chosen, setChosen] = useState<Tab | undefined>();
  const firstUnhandled = list.find((thread) => thread.handled === undefined);
  const tab: Tab =
    chosen ??
    (opened === undefined
      ? firstUnhandled === undefined
        ? list.some((thread) => thread.topic === 'KOMPLT')
          ? 'complement'
          : 'administrative'
        : tabOf(firstUnhandled)
      : tabOf(opened));
  const tabRefs = useRef<Record<Tab, HTMLButtonElement | null>>({
    complement: null,
    administrative: null,
  });

  // Opened from the inbox: the question itself gets the focus, once it is on screen, and its
  // heading is scrolled to the top, below the page's sticky bar (its scroll margin), not
  // centred (focus would centre it: a long thread's heading would then be out of sight).
  const focused = useRef(false);
  useEffect(() => {
    if (focused.current || opened === undefined) return;
    focused.current = true;
    const article = document.getElementById(`arende-${opened.id}`);
    article?.focus({ preventScroll: true });
    article?.scrollIntoView({ block: 'start' });
  }, [opened]);

  const onAllSaved = (threads: Thread[]) => {
    queryClient.setQueryData(queryKeys.certificateThreads(certificateId), { threads });
    void queryClient.invalidateQueries({ queryKey: queryKeys.inbox });
    void queryClient.invalidateQueries({ queryKey: queryKeys.workCounts });
  };
  const onSaved = (thread: Thread) => {
    const known = list.some((existing) => existing.id === thread.id);
    onAllSaved(
      known
        ? list.map((existing) => (existing.id === thread.id ? thread : existing))
        : [...list, thread],
    );
  };

  const tabs: Tab[] = ['complement', 'administrative'];
  const onTabKey = (event: KeyboardEvent<HTMLButtonElement>) => {
    if (event.key !== 'ArrowRight' && event.key !== 'ArrowLeft') return;
    event.preventDefault();
    const next: Tab = tab === 'complement' ? 'administrative' : 'complement';
    setChosen(next);
    tabRefs.current[next]?.focus();
  };

  return (
    <section className="dialogue-panel" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`} className="dialogue-panel__title">
        Ärendekommunikation
      </h2>
      {threads.isPending && <Loading label="Hämtar frågor och svar…" />}
      {threads.isError && (
        <MessageBox variant="error" heading="Frågorna kunde inte hämtas" live="alert">
          <p>{threads.error.message}</p>
        </MessageBox>
      )}
      {threads.data !== undefined && (
        <>
          <div role="tablist" aria-label="Ärendekommunikation" className="dialogue-panel__tabs">
            {tabs.map((name) => {
              const unhandled = list.filter(
                (thread) => tabOf(thread) === name && thread.handled === undefined,
              ).length;
              return (
                <button
                  key={name}
                  ref={(element) => {
                    tabRefs.current[name] = element;
                  }}
                  type="button"
                  role="tab"
                  id={`${id}-tab-${name}`}
                  aria-selected={tab === name}
                  aria-controls={`${id}-panel-${name}`}
                  tabIndex={tab === name ? 0 : -1}
                  className="dialogue-panel__tab"
                  onClick={() => setChosen(name)}
                  onKeyDown={onTabKey}
                >
                  {tabLabels[name]}
                  {unhandled > 0 && (
                    <span className="nav-count" aria-label={`${unhandled} ej hanterade`}>
                      {unhandled}
                    </span>
                  )}
                </button>
              );
            })}
          </div>
          {tabs.map((name) => {
            const inTab = list.filter((thread) => tabOf(thread) === name);
            return (
              <div
                key={name}
                role="tabpanel"
                id={`${id}-panel-${name}`}
                aria-labelledby={`${id}-tab-${name}`}
                hidden={tab !== name}
                className="dialogue-panel__panel"
              >
                {name === 'administrative' && canAsk && (
                  <NewQuestionForm certificateId={certificateId} onSent={onSaved} />
                )}
                {inTab.length === 0 ? (
                  <p className="dialogue-panel__empty">
                    {name === 'complement'
                      ? 'Försäkringskassan har inte begärt någon komplettering.'
                      : 'Det finns inga administrativa frågor.'}
                  </p>
                ) : (
                  inTab.map((thread) => (
                    <ThreadCard
                      key={thread.id}
                      thread={thread}
                      threadUrl={threadUrl(thread.id)}
                      onSaved={onSaved}
                      onAllSaved={onAllSaved}
                      today={today}
                      ConsentStep={ConsentStep}
                    />
                  ))
                )}
              </div>
            );
          })}
        </>
      )}
    </section>
  );
}
