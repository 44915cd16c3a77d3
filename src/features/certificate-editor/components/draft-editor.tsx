import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useId, useMemo, useState } from 'react';
import type {
  Certificate,
  CertificateAction,
  ConsentInput,
  SigningMethod,
} from '../../../contracts/certificates';
import {
  ageInYears,
  type Answers,
  type CertificateDefinition,
  type Confirmation,
  type EvaluationContext,
  type EvaluationResult,
  type Notice,
  type Role,
} from '../../../form-engine';
import { CertificateForm, type CertificateFormHandle } from '../../../form-renderer';
import { MessageBox } from '../../../components/ui/message-box';
import { StickyActionBar } from '../../../components/ui/sticky-action-bar';
import { formatDateTime } from '../../../lib/format';
import { rendererServices } from '../../../services/diagnosis-services';
import { fmbGuidanceFor, fmbWarningFor } from '../fmb/fmb-guidance';
import { markReadyForSign, recordConsent, signCertificate } from '../api/certificate-actions';
import { cachedCertificate, writeCertificate, type WriteRequest } from '../api/certificate-writes';
import { newEditorId, saveAnswers } from '../api/save-answers';
import { Autosave, type SaveState } from '../autosave/autosave';
import { changedAnswers, localBackup } from '../autosave/local-backup';
import { ComplementMessage } from './complement-message';
import { ConflictDialog } from './conflict-dialog';
import { ConsentDialog, type ConsentStart } from './consent-dialog';
import { ConsentSummary } from './consent-summary';
import type { DraftSession } from './draft-session';
import { SaveStatus } from './save-status';
import { SignDialog } from './sign-dialog';
import { UnsavedChanges } from './unsaved-changes';

type Props = {
  /** The certificate as its cache entry has it: every write's answer reaches it from there. */
  certificate: Certificate;
  definition: CertificateDefinition;
  today: string;
  role: Role;
  userId: string;
  /** Answers restored from the browser that the backend does not have yet. */
  restoredAnswers: Answers | undefined;
  /** What the user typed that someone else's save kept out of the stored version. */
  keptChanges: Answers;
  onKeptChanges: (next: Answers) => void;
  /** Loads the stored version again (after a conflict), keeping the user's unsaved answers. */
  onReload: (unsaved: Answers) => void;
  /** Lends the page's header actions the answers on screen and saving what is typed. */
  session: DraftSession;
};

/**
 * Holds the form's handle for code outside React's render (the autosave). When the form
 * goes away (the user navigates elsewhere) it keeps the answers the form last had: React
 * detaches the handle before the editor's own clean-up flushes the pending save, and that
 * save must carry what was typed, not the answers the page was opened with.
 */
class HandleSlot {
  private handle: CertificateFormHandle | null = null;
  private last: Answers | undefined = undefined;
  set(handle: CertificateFormHandle | null): void {
    if (handle === null && this.handle !== null) this.last = this.handle.getAnswers();
    this.handle = handle;
  }
  /** The answers on screen, or the last ones the form had; undefined before it mounts. */
  answers(): Answers | undefined {
    return this.handle?.getAnswers() ?? this.last;
  }
  setAnswer(questionId: string, value: unknown): void {
    this.handle?.setAnswer(questionId, value);
  }
}

function actionOf(actions: readonly CertificateAction[], type: CertificateAction['type']) {
  return actions.find((action) => action.type === type);
}

/** The two ways to sign: signing only, or signing and sending in the same step. */
type SigningChoice = 'sign' | 'sign-and-send';

/** Every answer is there: at most the consent is missing, and the signing step asks for it. */
function answersComplete(evaluation: EvaluationResult): boolean {
  return evaluation.readiness.blockers.every((blocker) => blocker.kind === 'consent');
}

/** Said when an action needs what is typed saved first, and it cannot be saved now. */
const unsavedMessage =
  'Det du har skrivit är inte sparat ännu, så det går inte just nu. Försök igen när utkastet är sparat.';

/**
 * The draft being written: the form, autosave that never loses an edit, the consent step,
 * marking ready for signing and signing. Buttons come from the server's action list. The
 * editor keeps no copy of the certificate: it draws the one its page reads from the cache, and
 * every write (autosave's too) goes through the certificate's write queue, which puts the
 * answer there.
 */
export function DraftEditor({
  certificate,
  definition,
  today,
  role,
  userId,
  restoredAnswers,
  keptChanges,
  onKeptChanges,
  onReload,
  session,
}: Props) {
  const queryClient = useQueryClient();
  // Where the form's handle lands; the autosave reads the answers on screen through it.
  const [formHandle] = useState(() => new HandleSlot());
  // What the form opens with; after that the form holds the answers being written.
  const [openingAnswers] = useState(() => restoredAnswers ?? certificate.answers);
  const [saveState, setSaveState] = useState<SaveState>({
    kind: 'saved',
    savedAt: certificate.savedAt,
  });
  const [dialog, setDialog] = useState<'consent' | 'sign' | 'conflict' | undefined>(undefined);
  const [notice, setNotice] = useState<string | undefined>(
    restoredAnswers === undefined
      ? undefined
      : 'Osparade ändringar från ett tidigare besök har återställts och sparas nu.',
  );
  const [actionError, setActionError] = useState<string | undefined>(undefined);
  const [signConfirmations, setSignConfirmations] = useState<readonly Confirmation[]>([]);
  // Which signing the physician chose, and what sending then says (FK 7804's notices).
  const [signing, setSigning] = useState<SigningChoice>('sign');
  const [sendNotices, setSendNotices] = useState<readonly Notice[]>([]);
  // The consent the signing step asks for, when none is recorded.
  const [signConsent, setSignConsent] = useState<ConsentStart | undefined>(undefined);
  const [fmbWarning, setFmbWarning] = useState<string | undefined>(undefined);
  const services = useMemo(
    () =>
      definition.policy.fmbGuidance === true
        ? { ...rendererServices, guidance: fmbGuidanceFor(certificate.id) }
        : rendererServices,
    [definition, certificate.id],
  );

  // Stable, so React attaches the form's handle once and detaches it once.
  const attachForm = useCallback(
    (handle: CertificateFormHandle | null) => formHandle.set(handle),
    [formHandle],
  );

  const [autosave] = useState(() => {
    const certificateId = certificate.id;
    // This editor's saves carry its id: one stored whose answer was lost is its own, not a
    // conflict, when it is sent again.
    const editorId = newEditorId();
    return new Autosave(
      {
        save: (answers) =>
          writeCertificate(queryClient, certificateId, (version) =>
            saveAnswers(certificateId, version, answers, editorId),
          ),
        read: () => formHandle.answers() ?? openingAnswers,
        base: () => cachedCertificate(queryClient, certificateId),
        backup: localBackup(userId, certificateId),
        onState: (state) => {
          setSaveState(state);
          if (state.kind === 'conflict') setDialog('conflict');
        },
      },
      { savedAt: certificate.savedAt },
    );
  });

  /** Saves what is typed before an action that needs it stored (ready, print, delete). */
  const saveTyped = useCallback(async () => {
    await autosave.flush();
    if (autosave.hasUnsaved) throw new Error(unsavedMessage);
  }, [autosave]);

  useEffect(
    () =>
      session.attach({
        answers: () => formHandle.answers(),
        flush: saveTyped,
        stop: () => autosave.stop(),
      }),
    [session, autosave, formHandle, saveTyped],
  );

  // The user reloads after a conflict: what they typed and could not save is kept.
  const reloadAfterConflict = () => {
    // The cache entry holds what this tab last stored: the difference is what was not.
    const unsaved = changedAnswers(
      formHandle.answers() ?? openingAnswers,
      cachedCertificate(queryClient, certificate.id)?.answers ?? certificate.answers,
    );
    autosave.stop();
    onReload(unsaved);
  };

  const withoutKept = (questionId: string): Answers =>
    Object.fromEntries(Object.entries(keptChanges).filter(([key]) => key !== questionId));

  const applyKept = (questionId: string) => {
    formHandle.setAnswer(questionId, keptChanges[questionId]);
    onKeptChanges(withoutKept(questionId));
    setNotice('Ditt svar har förts in i formuläret och sparas nu.');
  };

  // Restored answers are saved at once.
  useEffect(() => {
    if (restoredAnswers !== undefined) autosave.change(0);
  }, [autosave, restoredAnswers]);

  // Leaving: keep what is on screen in the browser and save it; warn before unloading.
  useEffect(() => {
    const onHide = () => {
      autosave.writeBackup();
      void autosave.flush();
    };
    const onVisibility = () => {
      if (document.visibilityState === 'hidden') onHide();
    };
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      if (!autosave.hasUnsaved) return;
      autosave.writeBackup();
      event.preventDefault();
    };
    // Back online: save at once rather than at the next retry.
    const onOnline = () => autosave.retryNow();
    window.addEventListener('online', onOnline);
    window.addEventListener('pagehide', onHide);
    document.addEventListener('visibilitychange', onVisibility);
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => {
      window.removeEventListener('online', onOnline);
      window.removeEventListener('pagehide', onHide);
      document.removeEventListener('visibilitychange', onVisibility);
      window.removeEventListener('beforeunload', onBeforeUnload);
      // Navigating away inside the app: the save goes on after the page is gone.
      onHide();
    };
  }, [autosave]);

  // A complementing draft: what FK asked for, marked in the form.
  const requests = certificate.complementRequested?.items;

  const context: EvaluationContext = useMemo(
    () => ({
      today,
      role,
      consentRecorded: certificate.consent !== undefined,
      patient: { birthDate: certificate.patient.birthDate },
      complementRequested: requests?.map((request) => request.questionId),
      previousPeriods: certificate.previousPeriods,
    }),
    [
      today,
      role,
      certificate.consent,
      certificate.patient.birthDate,
      requests,
      certificate.previousPeriods,
    ],
  );

  // Each answer lands in the certificate's cache entry, and so reaches this editor and the header.
  const write = (request: WriteRequest) => writeCertificate(queryClient, certificate.id, request);

  const doRecordConsent = async (consent: ConsentInput) => {
    // Queued behind a save in flight, and based on the version it produced.
    await write((version) => recordConsent(certificate.id, version, consent));
    setDialog(undefined);
    setNotice('Patientens samtycke är registrerat.');
  };

  const doMarkReady = async () => {
    setActionError(undefined);
    try {
      await saveTyped();
      await write((version) => markReadyForSign(certificate.id, version));
      setNotice('Utkastet är sparat och markerat klart för signering.');
    } catch (error) {
      setActionError(
        error instanceof Error ? error.message : 'Det gick inte att markera utkastet.',
      );
    }
  };

  const doSign = async (
    method: SigningMethod,
    confirmations: string[],
    consent: ConsentInput | undefined,
  ) => {
    await write((version) =>
      signCertificate(certificate.id, version, method, confirmations, {
        consent,
        send: signing === 'sign-and-send',
      }),
    );
    autosave.stop();
    localBackup(userId, certificate.id).clear();
    onKeptChanges({});
    setDialog(undefined);
  };

  const barId = useId();
  // A sensible start for the consent asked for when signing: given by the patient, today (a
  // child's consent is given by a representative, so then the physician chooses).
  const age = ageInYears(certificate.patient.birthDate, today);
  const consentStart: ConsentStart = {
    givenBy: age !== null && age >= 18 ? 'patient' : undefined,
    givenOn: today,
  };
  const signAction = actionOf(certificate.actions, 'sign');
  const signAndSendAction = actionOf(certificate.actions, 'sign-and-send');
  const chosenSigning = signing === 'sign-and-send' ? signAndSendAction : signAction;
  // Signing sends: the chosen "Signera och skicka", a type that sends on signing, or a
  // complement FK asked for (the backend's sign action says so by its label).
  const signingSends =
    signing === 'sign-and-send' ||
    definition.policy.signAndSend ||
    (certificate.relations.parent?.type === 'complements' &&
      definition.policy.sendAfterComplement === true);
  const readyAction = actionOf(certificate.actions, 'ready-for-sign');
  const consentAction = actionOf(certificate.actions, 'record-consent');

  // Beside the form: the consent as recorded (or the way to record it before signing).
  const renderAside = () => (
    <div className="editor-actions">
      {definition.policy.consentRequired && (
        <ConsentSummary
          consent={certificate.consent}
          action={consentAction}
          onOpen={() => setDialog('consent')}
        />
      )}
      {certificate.readyForSign !== undefined && (
        <p className="editor-actions__ready">
          Markerat klart för signering av {certificate.readyForSign.by.name}{' '}
          {formatDateTime(certificate.readyForSign.at)}.
        </p>
      )}
    </div>
  );

  /**
   * A way to sign, in the bar: with answers missing it shows them and goes to the first; a
   * missing consent is asked for in the signing step itself.
   */
  const signButton = (
    action: CertificateAction,
    choice: SigningChoice,
    primary: boolean,
    evaluation: EvaluationResult,
    showMissing: () => void,
  ) => (
    <>
      <button
        type="button"
        className={primary ? 'button button--primary' : 'button button--secondary'}
        disabled={!action.enabled}
        aria-describedby={action.reason === undefined ? undefined : `${barId}-${choice}`}
        onClick={() => {
          if (!answersComplete(evaluation)) {
            showMissing();
            return;
          }
          setSigning(choice);
          setSignConsent(evaluation.readiness.blockers.length > 0 ? consentStart : undefined);
          setSignConfirmations(
            evaluation.confirmations.filter((confirmation) => confirmation.trigger === 'sign'),
          );
          setSendNotices(evaluation.notices.filter((notice) => notice.placement === 'signed'));
          void openSigning();
        }}
      >
        {action.label}
      </button>
      {action.reason !== undefined && (
        <p id={`${barId}-${choice}`} className="editor-actions__reason">
          {action.reason}
        </p>
      )}
    </>
  );

  // In reach wherever the draft is scrolled: signing (or marking it ready), the primary action.
  const renderBar = (evaluation: EvaluationResult, showMissing: () => void) => {
    if (readyAction === undefined && signAction === undefined) return null;
    return (
      <StickyActionBar label="Nästa steg">
        {actionError !== undefined && (
          <MessageBox variant="error" headingLevel={3} live="alert">
            <p>{actionError}</p>
          </MessageBox>
        )}
        {readyAction !== undefined && (
          <button
            type="button"
            className="button button--primary"
            disabled={!readyAction.enabled}
            aria-describedby={readyAction.reason === undefined ? undefined : `${barId}-ready`}
            onClick={() => (answersComplete(evaluation) ? void doMarkReady() : showMissing())}
          >
            {readyAction.label}
          </button>
        )}
        {readyAction?.reason !== undefined && (
          <p id={`${barId}-ready`} className="editor-actions__reason">
            {readyAction.reason}
          </p>
        )}
        {/* Signing and sending in one step comes first where it may be taken. */}
        {signAndSendAction !== undefined &&
          signButton(
            signAndSendAction,
            'sign-and-send',
            signAndSendAction.enabled,
            evaluation,
            showMissing,
          )}
        {signAction !== undefined &&
          signButton(
            signAction,
            'sign',
            signAndSendAction?.enabled !== true,
            evaluation,
            showMissing,
          )}
      </StickyActionBar>
    );
  };

  // The signing dialog shows FMB's warning on the sick leave on screen, to be confirmed.
  const openSigning = async () => {
    const answers = formHandle.answers();
    setFmbWarning(
      definition.policy.fmbGuidance === true && answers !== undefined
        ? await fmbWarningFor(certificate.id, { definition, answers })
        : undefined,
    );
    setDialog('sign');
  };

  const signingNotices = useMemo(
    () => (definition.notices ?? []).filter((item) => item.placement === 'signing'),
    [definition],
  );

  return (
    <div className="draft-editor">
      <div className="draft-editor__status">
        <p className="draft-editor__readiness">
          <span className="sr-only">Utkastets status: </span>
          {certificate.readyForSign !== undefined
            ? 'Klar för signering'
            : certificate.completeness === 'complete'
              ? 'Klart att signera'
              : 'Obligatoriska uppgifter saknas'}
        </p>
        <SaveStatus state={saveState} userId={userId} onRetryNow={() => autosave.retryNow()} />
      </div>
      {notice !== undefined && (
        <MessageBox variant="info" live="status">
          <p>{notice}</p>
        </MessageBox>
      )}
      {certificate.complementRequested !== undefined && (
        <ComplementMessage
          requested={certificate.complementRequested}
          sentOnSigning={definition.policy.sendAfterComplement === true}
        />
      )}
      <UnsavedChanges
        definition={definition}
        changes={keptChanges}
        onUse={applyKept}
        onRemove={(questionId) => onKeptChanges(withoutKept(questionId))}
      />
      {saveState.kind === 'failed' && (
        <MessageBox variant="error" heading="Utkastet kunde inte sparas" live="alert">
          <p>{saveState.message}</p>
          <p>Det du har skrivit finns kvar här och i webbläsaren.</p>
        </MessageBox>
      )}
      <CertificateForm
        ref={attachForm}
        definition={definition}
        context={context}
        services={services}
        defaultAnswers={openingAnswers}
        onDirty={() => autosave.change()}
        onAnswersChange={() => autosave.writeBackup()}
        onConsent={() => setDialog('consent')}
        actions={renderAside}
        footer={renderBar}
        {...(requests === undefined ? {} : { requests })}
      />
      {dialog === 'consent' && (
        <ConsentDialog
          open
          today={today}
          existing={certificate.consent}
          onRecord={doRecordConsent}
          onClose={() => setDialog(undefined)}
        />
      )}
      {dialog === 'sign' && chosenSigning !== undefined && (
        <SignDialog
          open
          label={chosenSigning.label}
          kindWord={definition.kind === 'utlåtande' ? 'utlåtandet' : 'intyget'}
          today={today}
          askConsent={signConsent}
          sends={signingSends}
          notices={signingNotices}
          sendNotices={signingSends ? sendNotices : []}
          confirmations={signConfirmations}
          fmbWarning={fmbWarning}
          prepare={async () => {
            await autosave.flush();
            if (autosave.hasUnsaved) {
              throw new Error(
                'Utkastet kunde inte sparas, så det kan inte signeras ännu. Försök igen om en stund.',
              );
            }
          }}
          sign={doSign}
          onClose={() => setDialog(undefined)}
        />
      )}
      {saveState.kind === 'conflict' && (
        <ConflictDialog
          open={dialog === 'conflict'}
          savedBy={saveState.savedBy}
          byYou={saveState.savedByUserId === userId}
          savedAt={saveState.savedAt}
          onReload={reloadAfterConflict}
          onClose={() => setDialog(undefined)}
        />
      )}
    </div>
  );
}
