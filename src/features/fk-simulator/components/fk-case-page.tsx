import { useEffect, useId, useMemo, useRef, useState, type RefObject } from 'react';
import { Link } from 'react-router';
import type { FkCaseResponse, FkThread } from '../../../contracts/fk';
import { formatIdentityNumber } from '../../../contracts/identity-number';
import { cannotComplementReasonLabels, threadTopicLabels } from '../../../contracts/threads';
import type { EvaluationContext } from '../../../form-engine';
import { CertificateView } from '../../../form-renderer';
import { Loading } from '../../../components/ui/loading';
import { MessageBox } from '../../../components/ui/message-box';
import { paths } from '../../../config/paths';
import { formatDate, formatDateTime } from '../../../lib/format';
import { threadPartyNames } from '../../../lib/thread-labels';
import { useDefinitionVersion } from '../../../services/get-definition';
import { useFkCase } from '../api/fk-cases';
import { useFkSession } from '../api/fk-session';
import { ComplementRequestForm, FkQuestionForm, FkReplyForm } from './fk-forms';

const stateLabels: Record<FkThread['state'], string> = {
  'awaiting-care': 'Väntar på vårdenheten',
  'awaiting-fk': 'Väntar på svar från Försäkringskassan',
  answered: 'Besvarad',
  complemented: 'Besvarad med ett kompletterande intyg',
  'cannot-complement': 'Besvarad: vårdenheten kan inte komplettera',
  closed: 'Avslutad av vårdenheten utan svar',
  revoked: 'Avslutad när intyget makulerades',
};

/** The state line; the unit closing its own question needs no answer from anyone. */
function stateLabel(thread: FkThread): string {
  return thread.state === 'closed' && thread.from === 'care'
    ? 'Avslutad av vårdenheten'
    : stateLabels[thread.state];
}

const relationLabels = {
  complements: 'Kompletterar',
  replaces: 'Ersätter',
  renews: 'Förnyar',
  'copy-of': 'Kopia av',
} as const;

/** One received certificate as FK's case officer sees it, with the dialogue on it. */
export function FkCasePage({ certificateId }: { certificateId: string }) {
  const fkCase = useFkCase(certificateId);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const loaded = fkCase.data !== undefined;
  useEffect(() => {
    if (loaded) headingRef.current?.focus();
  }, [loaded]);

  if (fkCase.isPending) return <Loading label="Hämtar intyget…" />;
  if (fkCase.isError) {
    return (
      <MessageBox variant="error" heading="Intyget kunde inte hämtas" live="alert">
        <p>{fkCase.error.message}</p>
        <p>
          <Link to={paths.fk}>Till mottagna intyg</Link>
        </p>
      </MessageBox>
    );
  }
  return <FkCase fkCase={fkCase.data} headingRef={headingRef} />;
}

function FkCase({
  fkCase,
  headingRef,
}: {
  fkCase: FkCaseResponse;
  headingRef: RefObject<HTMLHeadingElement | null>;
}) {
  const session = useFkSession();
  // The forms' dates count from the backend's today ("idag", the last day to answer).
  const today = session.data?.today;
  const { case: row, certificate } = fkCase;
  const [notice, setNotice] = useState('');
  const definition = useDefinitionVersion(certificate.type, certificate.definitionVersion);
  const context: EvaluationContext = useMemo(
    () => ({ today: certificate.signedAt.slice(0, 10), role: 'physician', consentRecorded: true }),
    [certificate.signedAt],
  );

  return (
    <div className="fk-case">
      <p>
        <Link to={paths.fk}>Till mottagna intyg</Link>
      </p>
      <h1 ref={headingRef} tabIndex={-1}>
        {row.formNumber} {row.name}
      </h1>
      <dl className="fk-case__facts">
        <div>
          <dt>Patient</dt>
          <dd>
            {row.patient.name}, {formatIdentityNumber(row.patient.identityNumber)}
          </dd>
        </div>
        <div>
          <dt>Vårdenhet</dt>
          <dd>{row.unitName}</dd>
        </div>
        <div>
          <dt>Signerat</dt>
          <dd>
            {formatDateTime(certificate.signedAt)} av {certificate.signedBy.name}
          </dd>
        </div>
        <div>
          <dt>Mottaget</dt>
          <dd>
            {formatDateTime(certificate.receivedAt)},{' '}
            {certificate.sentBy === 'patient' ? 'skickat av patienten' : 'skickat av vården'}
          </dd>
        </div>
      </dl>
      {certificate.revoked !== undefined && (
        <MessageBox variant="warning" heading="Intyget är makulerat">
          <p>
            Vården makulerade intyget {formatDateTime(certificate.revoked.at)}:{' '}
            {certificate.revoked.reason === 'wrong-patient'
              ? 'intyget har utfärdats på fel patient.'
              : 'annat allvarligt fel.'}{' '}
            Det gäller inte längre.
          </p>
        </MessageBox>
      )}
      {certificate.relatesTo !== undefined && (
        <p className="fk-case__relation">
          {relationLabels[certificate.relatesTo.type]}{' '}
          <Link to={paths.fkCase(certificate.relatesTo.certificateId)}>
            det tidigare mottagna intyget
          </Link>
          .
        </p>
      )}
      <p className="sr-only" role="status">
        {notice}
      </p>
      {notice !== '' && (
        <MessageBox variant="success">
          <p>{notice}</p>
        </MessageBox>
      )}

      <section className="fk-case__dialogue" aria-labelledby="fk-threads-heading">
        <h2 id="fk-threads-heading">Frågor och svar</h2>
        {fkCase.threads.length === 0 ? (
          <p>Inga frågor har ställts om intyget.</p>
        ) : (
          fkCase.threads.map((thread) => (
            <FkThreadCard
              key={thread.id}
              thread={thread}
              certificateId={certificate.certificateId}
              onSent={setNotice}
            />
          ))
        )}
      </section>

      {fkCase.mayRequestComplement && today !== undefined && (
        <ComplementRequestForm fkCase={fkCase} today={today} onSent={setNotice} />
      )}
      {fkCase.mayAskQuestions && today !== undefined && (
        <FkQuestionForm
          certificateId={certificate.certificateId}
          today={today}
          onSent={setNotice}
        />
      )}

      <section className="fk-case__content" aria-labelledby="fk-content-heading">
        <h2 id="fk-content-heading">Intygets innehåll</h2>
        {definition.isPending && <Loading label="Hämtar intygets frågor…" />}
        {definition.isError && (
          <MessageBox variant="error" heading="Intygets frågor kunde inte visas">
            <p>{definition.error.message}</p>
          </MessageBox>
        )}
        {definition.data !== undefined && (
          <CertificateView
            definition={definition.data}
            answers={certificate.answers}
            context={context}
          />
        )}
      </section>
    </div>
  );
}

function FkThreadCard({
  thread,
  certificateId,
  onSent,
}: {
  thread: FkThread;
  certificateId: string;
  onSent: (what: string) => void;
}) {
  const headingId = useId();
  return (
    <article className="thread" aria-labelledby={headingId}>
      <h3 className="thread__title" id={headingId}>
        {thread.subject}
      </h3>
      <p className="thread__meta">
        {threadTopicLabels[thread.topic]} · Från {threadPartyNames[thread.from]} ·{' '}
        {formatDateTime(thread.sentAt)}
        {thread.lastDateToReply === undefined
          ? ''
          : ` · Svara senast ${formatDate(thread.lastDateToReply)}`}
      </p>
      <p className="thread__state">
        <strong>{stateLabel(thread)}</strong>
      </p>
      <p className="thread__text">{thread.text}</p>
      {thread.complements.length > 0 && (
        <ul className="thread__complements">
          {thread.complements.map((item) => (
            <li key={item.questionId}>
              <strong>{item.questionLabel}</strong>
              <span className="thread__text">{item.instruction}</span>
            </li>
          ))}
        </ul>
      )}
      {thread.reminders.map((reminder) => (
        <div key={reminder.messageId} className="thread__message thread__message--reminder">
          <h4 className="thread__subheading">Påminnelse {formatDateTime(reminder.sentAt)}</h4>
          <p className="thread__text">{reminder.text}</p>
        </div>
      ))}
      {thread.answer !== undefined && (
        <div className="thread__message">
          <h4 className="thread__subheading">
            Svar från {threadPartyNames[thread.answer.from]} {formatDateTime(thread.answer.sentAt)}
          </h4>
          {/* "Kan ej komplettera" is one answer: its reason and the unit's words, once. */}
          {thread.cannotComplement === undefined ? (
            <p className="thread__text">{thread.answer.text}</p>
          ) : (
            <>
              <p>{cannotComplementReasonLabels[thread.cannotComplement.reason]}</p>
              <p className="thread__text">{thread.cannotComplement.text}</p>
            </>
          )}
        </div>
      )}
      {thread.complementedBy?.status === 'signed' && (
        <p>
          <Link to={paths.fkCase(thread.complementedBy.certificateId)}>
            Öppna det kompletterande intyget
          </Link>
        </p>
      )}
      <div className="thread__actions button-group">
        {thread.mayRemind && (
          <FkReplyForm
            certificateId={certificateId}
            threadId={thread.id}
            kind="reminder"
            onSent={onSent}
          />
        )}
        {thread.mayAnswer && (
          <FkReplyForm
            certificateId={certificateId}
            threadId={thread.id}
            kind="answer"
            onSent={onSent}
          />
        )}
      </div>
    </article>
  );
}
