import type { ComponentType } from 'react';
import type {
  AnswerKind,
  Answers,
  CertificateDefinition,
  EvaluationContext,
  QuestionError,
  QuestionOfKind,
} from '../form-engine';

/**
 * A diagnosis search hit: the official code and title (what the certificate gets) and, when it
 * was found by another name of the code, that name and its list (KSH97-P's synonyms, FMB).
 */
export interface DiagnosisSearchHit {
  code: string;
  title: string;
  alias?: { term: string; source: 'KSH97-P' | 'FMB' } | undefined;
}

/** What the renderer needs from the app: the few calls that go to the backend. */
export interface RendererServices {
  /** ICD-10-SE search: the best matches for the query, best first (the backend caps them). */
  searchDiagnoses: (query: string, signal?: AbortSignal) => Promise<DiagnosisSearchHit[]>;
  /** The title of a code, or undefined when the code does not exist in the list. */
  lookupDiagnosis: (
    code: string,
    signal?: AbortSignal,
  ) => Promise<{ code: string; title: string } | undefined>;
  /**
   * Guidance the app shows under every question of a kind, with the answers on screen of the
   * questions of those kinds (FMB's sick-leave guidance under the diagnoses, its check under the
   * sick-leave periods, each reading both).
   */
  guidance?: Partial<Record<AnswerKind, ComponentType<GuidanceProps>>>;
}

export interface GuidanceProps {
  definition: CertificateDefinition;
  /**
   * The answers on screen now (not pruned, not saved) of every question whose kind has
   * guidance: the guidance re-renders when one of them changes, not on every keystroke.
   */
  answers: Answers;
  questionId: string;
}

/** Props of a kind's Edit component. The component owns its value through `useController({ name })`. */
export interface EditProps<K extends AnswerKind> {
  question: QuestionOfKind<K>;
  /** The react-hook-form field name: the question id. */
  name: string;
  /** Id of the main control, for the label (single-control kinds) and for focus. */
  controlId: string;
  /** Ids of the help and error texts, for aria-describedby on the controls. */
  describedBy: string | undefined;
  required: boolean;
  disabled: boolean;
  /** True when errors are shown for the question (after leaving it, or on request). */
  invalid: boolean;
  /** Errors to show, with paths relative to the question (e.g. [1, 'to'] for row 2's end). */
  errors: readonly QuestionError[];
  /**
   * Every error the engine finds now, shown or not: a row kind says a part's invalid value
   * as soon as that part is left, before the question is.
   */
  liveErrors: readonly QuestionError[];
  /** Option codes that may not be chosen now (exclusive options). */
  disabledOptions: readonly string[];
  context: EvaluationContext;
}

export interface ViewProps<K extends AnswerKind> {
  question: QuestionOfKind<K>;
  /** The stored answer, unparsed. */
  value: unknown;
}

export interface KindComponents<K extends AnswerKind> {
  Edit: ComponentType<EditProps<K>>;
  View: ComponentType<ViewProps<K>>;
  /**
   * 'label': one control, named by a <label>. 'group': several controls in a <fieldset>
   * named by its <legend>.
   */
  labelling: 'label' | 'group';
}

/** Every answer kind has an Edit and a View: a kind without both is a type error. */
export type KindRegistry = { [K in AnswerKind]: KindComponents<K> };
