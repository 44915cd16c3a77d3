import { useMemo } from 'react';
import { useFormState, useWatch, type Control } from 'react-hook-form';
import {
  evaluateQuestion,
  getCategoryDependencies,
  getRuleDependencies,
  isCategoryVisible,
  type Answers,
  type QuestionState,
} from '../form-engine';
import { useFormRuntime } from './form-context';

/** The answers of exactly these questions, as an object; re-renders only when one changes. */
export function useAnswersOf(control: Control<Answers>, ids: string[]): Answers {
  // Subscribes to exactly these answers: typing elsewhere does not re-render the caller.
  // `exact`, or react-hook-form would also signal "50" to a watcher of "5" (name prefixes).
  const values: unknown[] = useWatch({ control, name: ids, exact: true });
  return useMemo(
    () => Object.fromEntries(ids.map((id, index) => [id, values[index]])),
    [ids, values],
  );
}

/** A question's live state, re-computed only when an answer its rules read changes. */
export function useQuestionState(control: Control<Answers>, questionId: string): QuestionState {
  const { definition, context } = useFormRuntime();
  const dependencies = useMemo(
    () => getRuleDependencies(definition, questionId),
    [definition, questionId],
  );
  const answers = useAnswersOf(control, dependencies);
  return useMemo(
    () => evaluateQuestion(definition, questionId, answers, context),
    [definition, questionId, answers, context],
  );
}

export function useCategoryVisible(control: Control<Answers>, categoryId: string): boolean {
  const { definition, context } = useFormRuntime();
  const dependencies = useMemo(
    () => getCategoryDependencies(definition, categoryId),
    [definition, categoryId],
  );
  const answers = useAnswersOf(control, dependencies);
  return useMemo(
    () => isCategoryVisible(definition, categoryId, answers, context),
    [definition, categoryId, answers, context],
  );
}

/** Whether the user has left the question's control(s) at least once. */
export function useTouched(control: Control<Answers>, name: string): boolean {
  const formState = useFormState({ control, name, exact: true });
  return control.getFieldState(name, formState).isTouched;
}
