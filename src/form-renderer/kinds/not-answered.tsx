/** How an unanswered question reads in a signed certificate. */
export function NotAnswered({ text = 'Ej angivet' }: { text?: string }) {
  return <p className="answer-view answer-view--empty">{text}</p>;
}
