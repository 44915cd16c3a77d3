import { expect } from 'vitest';
import {
  addDays,
  evaluate,
  parseDefinition,
  type Answers,
  type CertificateDefinition,
  type EvaluationContext,
  type EvaluationResult,
  type Question,
  type QuestionState,
  type Role,
} from '../form-engine';
import { formatNumber } from '../language/swedish';

/**
 * Shared helpers for the definitions' rule tests. Every rule is tested at this fixed date.
 */
export const TODAY = '2026-03-16';
export const TOMORROW = addDays(TODAY, 1);
export const YESTERDAY = addDays(TODAY, -1);

/** TODAY moved by a number of days (negative: back). */
export function day(offset: number): string {
  return addDays(TODAY, offset);
}

/** A text of the given length, to test length limits. */
export function text(length: number, fill = 'x'): string {
  return fill.repeat(length);
}

/** Every role, in the order the policy tests list them. */
export const ALL_ROLES: readonly Role[] = ['physician', 'care-admin', 'nurse', 'midwife'];

/** Messages that many questions share, as the user sees them. */
export const MESSAGES = {
  answerMissing: 'Ange ett svar.',
  dateMissing: 'Ange ett datum.',
  chooseOne: 'Välj ett alternativ.',
  chooseAtLeastOne: 'Välj minst ett alternativ.',
  invalidOption: 'Välj ett giltigt alternativ.',
  optionTwice: 'Varje alternativ får bara väljas en gång.',
  blankOnly: 'Fältet får inte fyllas i med endast blanksteg.',
  consentMissing: 'Patientens samtycke måste registreras innan intyget kan signeras.',
  unknownDiagnosisCode: 'Diagnoskod är ej giltig.',
} as const;

export function tooLong(max: number): string {
  return `Ange en text som inte är längre än ${formatNumber(max)} tecken.`;
}

export function dateNotAfter(date: string): string {
  return `Ange ett datum som är senast ${date}.`;
}

export function dateNotBefore(date: string): string {
  return `Ange ett datum som är tidigast ${date}.`;
}

export function tooManyRows(max: number): string {
  return `Ange högst ${max} rader.`;
}

/** The `complete` and `minimal` answer sets of a certificate type (see mocks/builders). */
export interface AnswerSets {
  complete(today: string): Answers;
  minimal(today: string): Answers;
}

/** Resolves a lookup of the ICD-10-SE codes (the index is read from disk, so it is async). */
export type KnownDiagnosisCodes = () => Promise<(code: string) => boolean>;

/** The lookup from an index loader and its membership test (both live in server/domain/diagnoses). */
export function knownCodesLookup<Index>(
  load: () => Promise<Index>,
  isKnown: (index: Index, code: string) => boolean,
): KnownDiagnosisCodes {
  return async () => {
    const index = await load();
    return (code) => isKnown(index, code);
  };
}

/** A definition under test with its answer builder and both answer sets at TODAY. */
export interface DefinitionUnderTest {
  definition: CertificateDefinition;
  builder: AnswerSets;
  complete: Answers;
  minimal: Answers;
}

/** Parses a definition with the meta-schema and builds its answer sets at TODAY. */
export function loadDefinition(json: unknown, builder: AnswerSets): DefinitionUnderTest {
  return {
    definition: parseDefinition(json),
    builder,
    complete: builder.complete(TODAY),
    minimal: builder.minimal(TODAY),
  };
}

export function context(overrides: Partial<EvaluationContext> = {}): EvaluationContext {
  return { today: TODAY, role: 'physician', consentRecorded: true, ...overrides };
}

export function run(
  definition: CertificateDefinition,
  answers: Answers,
  overrides: Partial<EvaluationContext> = {},
): EvaluationResult {
  return evaluate(definition, answers, context(overrides));
}

/** A runner of the minimal answers (or of `base`) with some answers replaced or added. */
export function runWith({ definition, minimal }: DefinitionUnderTest) {
  return (
    overrides: Answers,
    base: Answers = minimal,
    extra: Partial<EvaluationContext> = {},
  ): EvaluationResult => run(definition, { ...base, ...overrides }, extra);
}

export function without(answers: Answers, ...ids: string[]): Answers {
  return Object.fromEntries(Object.entries(answers).filter(([id]) => !ids.includes(id)));
}

/** The ids of the questions that block signing. */
export function blockingQuestionIds(result: EvaluationResult): string[] {
  return result.readiness.blockers.flatMap((blocker) =>
    blocker.questionId === undefined ? [] : [blocker.questionId],
  );
}

export function expectReady(result: EvaluationResult): void {
  expect(result.readiness.blockers).toEqual([]);
  expect(result.readiness.readyToSign).toBe(true);
}

/** The evaluated state of one question. */
export function stateOf(result: EvaluationResult, questionId: string): QuestionState {
  const state = result.questions[questionId];
  if (state === undefined) throw new Error(`no question ${questionId}`);
  return state;
}

/** The error messages shown on one question. */
export function errorsOf(result: EvaluationResult, questionId: string): string[] {
  return stateOf(result, questionId).errors.map((error) => error.message);
}

export function messagesOf(result: EvaluationResult, questionId: string): string[] {
  return stateOf(result, questionId).messages.map((message) => message.text);
}

/** Every question of a definition, in form order. */
export function questionsOf(definition: CertificateDefinition): Question[] {
  return definition.categories.flatMap((category) => category.questions);
}

/** One question of a definition, as written in its JSON. */
export function questionOf(definition: CertificateDefinition, id: string): Question {
  const question = questionsOf(definition).find((candidate) => candidate.id === id);
  if (question === undefined) throw new Error(`no question ${id}`);
  return question;
}

/** `id=fkFieldId` of every answered question that has an FK field id, in form order. */
export function fkFieldIds(definition: CertificateDefinition): string[] {
  return questionsOf(definition).flatMap((question) =>
    question.kind === 'info' || question.fkFieldId === undefined
      ? []
      : [`${question.id}=${question.fkFieldId}`],
  );
}

/** The option codes of a question, in order ([] for a question without options). */
export function optionCodes(definition: CertificateDefinition, id: string): string[] {
  const question = questionOf(definition, id);
  return 'options' in question ? question.options.map((option) => option.code) : [];
}
