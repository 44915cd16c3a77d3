import { formatTime } from '../../../lib/format';
import type { SaveState } from '../autosave/autosave';

/**
 * The truth about saving, announced politely to screen readers as it changes. While saves are
 * retried, the user may try again at once (the button sits outside the live region, so it is
 * not announced with every change of state).
 */
export function SaveStatus({
  state,
  userId,
  onRetryNow,
}: {
  state: SaveState;
  userId: string;
  onRetryNow: () => void;
}) {
  return (
    <>
      <p className={`save-status save-status--${state.kind}`} role="status">
        {describe(state, userId)}
      </p>
      {state.kind === 'retrying' && (
        <button
          type="button"
          className="button button--secondary button--small"
          onClick={onRetryNow}
        >
          Försök spara nu
        </button>
      )}
    </>
  );
}

function describe(state: SaveState, userId: string): string {
  switch (state.kind) {
    case 'saved':
      return state.savedAt === undefined
        ? 'Utkastet är sparat'
        : `Utkastet är sparat ${formatTime(state.savedAt)}`;
    case 'unsaved':
      return 'Ändringar väntar på att sparas';
    case 'saving':
      return 'Sparar…';
    case 'retrying':
      return 'Kunde inte spara – försöker igen. Dina ändringar finns kvar i webbläsaren.';
    case 'conflict':
      return state.savedByUserId === userId
        ? 'Inte sparat – utkastet har ändrats i en annan flik eller ett annat fönster'
        : `Inte sparat – utkastet har ändrats av ${state.savedBy}`;
    case 'failed':
      return `Inte sparat: ${state.message}`;
  }
}
