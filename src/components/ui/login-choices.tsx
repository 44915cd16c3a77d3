import { Loading } from './loading';
import { MessageBox } from './message-box';

export interface LoginChoice {
  key: string;
  name: string;
  /** Lines under the name: a title, a unit, an identity number. */
  details: readonly string[];
  choose: () => void;
}

type Props = {
  /** The list's accessible name, e.g. "Användare". */
  label: string;
  /** What loading says, e.g. "Hämtar användare…". */
  loadingLabel: string;
  /** The choices once loaded; undefined while loading or after a failure. */
  choices: readonly LoginChoice[] | undefined;
  /** Loading the choices failed: why, and how to try again. */
  loadError?: { message: string; retry: () => void } | undefined;
  /** Logging in failed: why. */
  loginError?: string | undefined;
  /** A log-in is under way: the choices wait. */
  busy: boolean;
};

/**
 * A simulated log-in's choices (a care user, an FK case officer, a patient), each a large
 * button, with the states of loading them and of logging in.
 */
export function LoginChoices({ label, loadingLabel, choices, loadError, loginError, busy }: Props) {
  return (
    <>
      {choices === undefined && loadError === undefined && <Loading label={loadingLabel} />}
      {loadError !== undefined && (
        <MessageBox variant="error" heading="Inloggningen kunde inte visas" live="alert">
          <p>{loadError.message}</p>
          <button
            type="button"
            className="button button--secondary login-choices__retry"
            onClick={loadError.retry}
          >
            Försök igen
          </button>
        </MessageBox>
      )}
      {loginError !== undefined && (
        <MessageBox variant="error" heading="Inloggningen misslyckades" live="alert">
          <p>{loginError}</p>
        </MessageBox>
      )}
      {choices !== undefined && (
        <ul className="login-options" aria-label={label}>
          {choices.map((choice) => (
            <li key={choice.key}>
              <button
                type="button"
                className="login-option"
                disabled={busy}
                onClick={choice.choose}
              >
                <span className="login-option__name">{choice.name}</span>
                {choice.details.map((detail) => (
                  <span key={detail} className="login-option__detail">
                    {detail}
                  </span>
                ))}
              </button>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
