import { memo, useId, useMemo, type ComponentType } from 'react';
import type { Control } from 'react-hook-form';
import type { AnswerQuestion, Answers, Question } from '../form-engine';
import { fieldDomId } from './dom-ids';
import { useFormRuntime } from './form-context';
import { bindKind, labellingOf } from './bind-kind';
import { useAnswersOf, useQuestionState, useTouched } from './use-question-state';
import { InfoText } from './kinds/info';
import { ConditionalMessages } from './conditional-messages';
import { reportRender } from './render-probe';
import { TextBlocks } from './text-blocks';
import { QuestionRequests } from './complement-requests';
import type { GuidanceProps } from './types';

type Props = { question: Question; control: Control<Answers> };

/** One question: its label, help, control, errors and messages, shown while it is visible. */
export const QuestionField = memo(function QuestionField({ question, control }: Props) {
  reportRender(question.id);
  const state = useQuestionState(control, question.id);
  if (!state.visible) return null;
  if (question.kind === 'info') return <InfoText question={question} />;
  if (question.kind === 'heading') {
    return (
      <div className="question question--heading" data-question-id={question.id}>
        <h3 className="question__heading">{question.label}</h3>
        {question.description !== undefined && (
          <TextBlocks className="question__description" text={question.description} />
        )}
      </div>
    );
  }
  return <AnswerField question={question} control={control} state={state} />;
});

type AnswerFieldProps = {
  question: AnswerQuestion;
  control: Control<Answers>;
  state: ReturnType<typeof useQuestionState>;
};

function AnswerField({ question, control, state }: AnswerFieldProps) {
  const runtime = useFormRuntime();
  const touched = useTouched(control, question.id);
  const baseId = useId();
  const showErrors = (touched || runtime.showAllErrors) && state.errors.length > 0;
  const ownErrors = showErrors ? state.errors.filter((error) => error.path.length === 0) : [];
  const shownErrors = showErrors ? state.errors : [];
  const requests = runtime.requests.get(question.id);
  const requestId = requests === undefined ? undefined : `${baseId}-request`;
  const descriptionId = question.description !== undefined ? `${baseId}-description` : undefined;
  const errorId = ownErrors.length > 0 ? `${baseId}-error` : undefined;
  const describedBy =
    [requestId, descriptionId, errorId].filter((id) => id !== undefined).join(' ') || undefined;
  const controlId = fieldDomId(runtime.idPrefix, question.id);
  const Guidance = runtime.services.guidance?.[question.kind];
  const labelling = labellingOf(question.kind);
  // A single box whose text is the question itself needs no visible legend repeating it.
  const legendHidden = question.kind === 'checkbox' && question.checkboxLabel === question.label;

  const label = (
    <>
      {question.label}
      {state.required && (
        <span className="question__required" aria-hidden="true">
          {' '}
          *
        </span>
      )}
    </>
  );
  const details = (
    <>
      {requests !== undefined && requestId !== undefined && (
        <QuestionRequests id={requestId} instructions={requests} />
      )}
      {question.description !== undefined && (
        <TextBlocks
          className="question__description"
          id={descriptionId}
          text={question.description}
        />
      )}
      {question.help !== undefined && (
        <details className="question__help">
          <summary>Visa hjälp för frågan</summary>
          <TextBlocks text={question.help} />
        </details>
      )}
      <div id={errorId} className="question__errors" aria-live="polite">
        {ownErrors.map((error) => (
          <p key={error.message} className="question__error">
            <span className="sr-only">Fel:</span> {error.message}
          </p>
        ))}
      </div>
    </>
  );
  const editor = bindKind(question).edit({
    name: question.id,
    controlId,
    describedBy,
    required: state.required,
    disabled: !state.enabled,
    invalid: showErrors,
    errors: shownErrors,
    liveErrors: state.errors,
    disabledOptions: state.disabledOptions,
    context: runtime.context,
  });

  return (
    <div
      className={`question question--${question.kind}${showErrors ? ' question--invalid' : ''}${
        requests === undefined ? '' : ' question--requested'
      }`}
      data-question-id={question.id}
    >
      {labelling === 'label' ? (
        <>
          <label className="label question__label" htmlFor={controlId}>
            {label}
          </label>
          {details}
          {editor}
        </>
      ) : (
        <fieldset className="question__fieldset" id={controlId} aria-describedby={describedBy}>
          <legend className={legendHidden ? 'sr-only' : 'label question__label'}>{label}</legend>
          {details}
          {editor}
        </fieldset>
      )}
      <ConditionalMessages messages={state.messages} />
      {Guidance !== undefined && (
        <GuidanceSlot Guidance={Guidance} control={control} questionId={question.id} />
      )}
    </div>
  );
}

/**
 * The app's guidance for the question, with the answers of every question whose kind has
 * guidance, re-rendered only when one of those changes (typing in a text does not).
 */
function GuidanceSlot({
  Guidance,
  control,
  questionId,
}: {
  Guidance: ComponentType<GuidanceProps>;
  control: Control<Answers>;
  questionId: string;
}) {
  const { definition, services } = useFormRuntime();
  const guided = useMemo(() => {
    const kinds = new Set(Object.keys(services.guidance ?? {}));
    return definition.categories.flatMap((category) =>
      category.questions.filter((question) => kinds.has(question.kind)).map(({ id }) => id),
    );
  }, [definition, services]);
  const answers = useAnswersOf(control, guided);
  return <Guidance definition={definition} answers={answers} questionId={questionId} />;
}
