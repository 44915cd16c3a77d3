import type { ReactNode } from 'react';
import type { IssuePath, QuestionError } from '../../form-engine';

function samePath(a: IssuePath, b: IssuePath): boolean {
  return a.length === b.length && a.every((part, index) => part === b[index]);
}

/** Errors that point at one part of a question (a row, a row's date). */
export function errorsAt(errors: readonly QuestionError[], path: IssuePath): QuestionError[] {
  return errors.filter((error) => samePath(error.path, path));
}

/** One error message, read as "Fel: …" by screen readers. */
export function ErrorText({ children }: { children: ReactNode }) {
  return (
    <span className="question__error">
      <span className="sr-only">Fel:</span> {children}
    </span>
  );
}

/** The messages of errors at a part, with an id for aria-describedby. */
export function PartErrors({ id, errors }: { id: string; errors: readonly QuestionError[] }) {
  if (errors.length === 0) return null;
  return (
    <span id={id} className="question__part-error">
      {errors.map((error) => (
        <ErrorText key={error.message}>{error.message}</ErrorText>
      ))}
    </span>
  );
}
