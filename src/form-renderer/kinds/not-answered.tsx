/** What stands for a value that was not given. */
export const NOT_GIVEN = 'Ej angivet';

/** The text, or "Ej angivet" when it is empty. */
export function orNotGiven(text: string): string {
  return text === '' ? NOT_GIVEN : text;
}

/** How an unanswered question reads in a signed certificate. */
export function NotAnswered({ text = NOT_GIVEN }: { text?: string }) {
  return <p className="answer-view answer-view--empty">{text}</p>;
}
