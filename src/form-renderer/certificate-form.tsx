import {
  memo,
  useEffect,
  useId,
  useImperativeHandle,
  useMemo,
  useRef,
  useState,
  useSyncExternalStore,
  type ReactNode,
  type Ref,
} from 'react';
import { useForm, type Control } from 'react-hook-form';
import {
  evaluate,
  pruneHidden,
  type Answers,
  type Category,
  type CertificateDefinition,
  type EvaluationContext,
  type EvaluationResult,
} from '../form-engine';
import { FormRuntimeContext, type FormRuntime } from './form-context';
import { QuestionField } from './question-field';
import { ReadinessPanel } from './readiness-panel';
import { useCategoryVisible } from './use-question-state';
import type { RendererServices } from './types';
import { KnownDiagnosisCodes } from './known-diagnosis-codes';
import { focusField, formRootId } from './dom-ids';
import { NoticeList } from './notice-list';
import './form.css';
import { TextBlocks } from './text-blocks';
import { ComplementRequests, type FieldRequest } from './complement-requests';

/** How long the readiness panel waits after the last change before it re-evaluates. */
const READINESS_DELAY_MS = 200;

type Props = {
  definition: CertificateDefinition;
  context: EvaluationContext;
  services: RendererServices;
  defaultAnswers?: Answers;
  /** Called after changes settle, with the answers pruned of hidden questions (for saving). */
  onAnswersChange?: (answers: Answers) => void;
  /** Called on every change at once, without the answers (cheap: for "unsaved" flags). */
  onDirty?: () => void;
  /** Reads the answers on screen now, pruned of hidden questions (for a save that cannot wait). */
  ref?: Ref<CertificateFormHandle>;
  /** Where the consent blocker's link leads. */
  onConsent?: () => void;
  /** Rendered under the readiness panel (e.g. the consent step), with the current evaluation. */
  actions?: (evaluation: EvaluationResult, showMissing: () => void) => ReactNode;
  /** Rendered after the whole form (e.g. a sticky bar with the sign button), as `actions`. */
  footer?: (evaluation: EvaluationResult, showMissing: () => void) => ReactNode;
  /** FK's complement request: the questions it names are marked, with a list that leads there. */
  requests?: readonly FieldRequest[];
};

const noRequests: readonly FieldRequest[] = [];

export interface CertificateFormHandle {
  getAnswers: () => Answers;
  /** Puts an answer into the form as if the user had given it (it is then saved). */
  setAnswer: (questionId: string, value: unknown) => void;
}

const CategorySection = memo(function CategorySection({
  category,
  control,
}: {
  category: Category;
  control: Control<Answers>;
}) {
  const visible = useCategoryVisible(control, category.id);
  const headingId = useId();
  if (!visible) return null;
  return (
    <section className="category" aria-labelledby={headingId}>
      <h2 className="category__title" id={headingId}>
        {category.title}
      </h2>
      {category.description !== undefined && (
        <TextBlocks className="category__description" text={category.description} />
      )}
      {category.questions.map((question) => (
        <QuestionField key={question.id} question={question} control={control} />
      ))}
    </section>
  );
});

/**
 * One certificate form, generated from its definition: one react-hook-form instance, each
 * question subscribed only to the answers its rules read, and a readiness panel that lists
 * what is missing. Hidden answers stay in the form while editing (toggling back restores
 * them) and are pruned before they are handed out.
 */
export function CertificateForm({
  definition,
  context: givenContext,
  services: givenServices,
  defaultAnswers = {},
  onAnswersChange,
  onDirty,
  ref,
  onConsent,
  actions,
  footer,
  requests = noRequests,
}: Props) {
  // Diagnosis codes the backend's list did not have, or a description that is another code's
  // title, make the answer invalid.
  const [knownCodes] = useState(() => new KnownDiagnosisCodes());
  const codeList = useSyncExternalStore(knownCodes.subscribe, knownCodes.getKnowledge);
  const services = useMemo(() => knownCodes.wrap(givenServices), [knownCodes, givenServices]);
  const context: EvaluationContext = useMemo(
    () => ({
      ...givenContext,
      isKnownDiagnosisCode: givenContext.isKnownDiagnosisCode ?? codeList.isKnownDiagnosisCode,
      diagnosisTitles: givenContext.diagnosisTitles ?? codeList.diagnosisTitles,
    }),
    [givenContext, codeList],
  );

  // No resolver: the form is never submitted; each question shows the engine's own evaluation.
  const form = useForm<Answers>({ defaultValues: defaultAnswers });
  const [showAllErrors, setShowAllErrors] = useState(false);
  // The answers as they stood when typing last paused: readiness is computed from them.
  const [settled, setSettled] = useState<Answers>(defaultAnswers);
  const evaluation = useMemo(
    () => evaluate(definition, settled, context),
    [definition, settled, context],
  );

  // What the settling callback needs, as of the latest render.
  const latest = useRef({ definition, context, onAnswersChange, onDirty });
  useEffect(() => {
    latest.current = { definition, context, onAnswersChange, onDirty };
  });

  useImperativeHandle(
    ref,
    () => ({
      getAnswers: () =>
        pruneHidden(latest.current.definition, form.getValues(), latest.current.context),
      setAnswer: (questionId, value) => {
        form.setValue(questionId, value, { shouldDirty: true });
        latest.current.onDirty?.();
      },
    }),
    [form],
  );

  // No whole-form work per keystroke: readiness and saving follow once typing pauses.
  useEffect(() => {
    let timer: number | undefined;
    const unsubscribe = form.subscribe({
      formState: { values: true },
      callback: ({ values }) => {
        latest.current.onDirty?.();
        window.clearTimeout(timer);
        timer = window.setTimeout(() => {
          const now = latest.current;
          setSettled({ ...values });
          now.onAnswersChange?.(pruneHidden(now.definition, values, now.context));
        }, READINESS_DELAY_MS);
      },
    });
    return () => {
      window.clearTimeout(timer);
      unsubscribe();
    };
  }, [form]);

  // Every DOM id this form makes starts with it: two forms can share a page.
  const idPrefix = useId();

  // For benchmarks: when the whole form is in the DOM.
  useEffect(() => {
    performance.mark('intyga:form-mounted');
  }, []);

  const requestsByQuestion = useMemo(() => {
    const byQuestion = new Map<string, string[]>();
    for (const request of requests) {
      byQuestion.set(request.questionId, [
        ...(byQuestion.get(request.questionId) ?? []),
        request.instruction,
      ]);
    }
    return byQuestion;
  }, [requests]);

  const runtime: FormRuntime = useMemo(
    () => ({
      definition,
      context,
      services,
      control: form.control,
      idPrefix,
      showAllErrors,
      requests: requestsByQuestion,
    }),
    [definition, context, services, form.control, idPrefix, showAllErrors, requestsByQuestion],
  );

  const showMissing = () => {
    setShowAllErrors(true);
    const first = evaluate(definition, form.getValues(), context).readiness.blockers.find(
      (blocker) => blocker.questionId !== undefined,
    );
    if (first?.questionId !== undefined) {
      const { questionId, path } = first;
      window.requestAnimationFrame(() => focusField(idPrefix, questionId, path));
    }
  };

  const topNotices = evaluation.notices.filter(
    (notice) => notice.categoryId === undefined && (notice.placement ?? 'draft') === 'draft',
  );

  return (
    <FormRuntimeContext value={runtime}>
      <div className="certificate-form" id={formRootId(idPrefix)}>
        <form
          className="certificate-form__questions"
          aria-label={definition.name}
          noValidate
          onSubmit={(event) => event.preventDefault()}
        >
          <ComplementRequests
            requests={requests}
            idPrefix={idPrefix}
            questions={evaluation.questions}
          />
          <NoticeList notices={topNotices} headingLevel={2} />
          {definition.categories.map((category) => (
            <CategorySection key={category.id} category={category} control={form.control} />
          ))}
        </form>
        <aside className="certificate-form__aside" aria-label="Signering">
          <ReadinessPanel
            definition={definition}
            idPrefix={idPrefix}
            blockers={evaluation.readiness.blockers}
            showingAll={showAllErrors}
            onShowAll={() => setShowAllErrors(true)}
            onConsent={onConsent}
          />
          {actions?.(evaluation, showMissing)}
        </aside>
      </div>
      {footer?.(evaluation, showMissing)}
    </FormRuntimeContext>
  );
}
