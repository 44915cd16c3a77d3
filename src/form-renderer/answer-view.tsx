import type { AnswerQuestion } from '../form-engine';
import { bindKind } from './bind-kind';

/** One answer read-only, the way the signed certificate shows it. */
export function AnswerView({ question, value }: { question: AnswerQuestion; value: unknown }) {
  return <>{bindKind(question).view(value)}</>;
}
