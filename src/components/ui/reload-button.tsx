/** "Försök igen": loads the page anew, the way forward from a failure. */
export function ReloadButton() {
  return (
    <button
      type="button"
      className="button button--primary"
      onClick={() => window.location.reload()}
    >
      Försök igen
    </button>
  );
}
