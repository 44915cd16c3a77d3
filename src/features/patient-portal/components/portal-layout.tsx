import { useEffect, useRef } from 'react';
import { Link, Outlet } from 'react-router';
import { Loading } from '../../../components/ui/loading';
import { LoginChoices } from '../../../components/ui/login-choices';
import { MessageBox } from '../../../components/ui/message-box';
import { useTrainingEnvironment } from '../../../lib/environment';
import { paths } from '../../../config/paths';
import { formatIdentityNumber } from '../../../contracts/identity-number';
import {
  usePortalLogin,
  usePortalLoginOptions,
  usePortalLogout,
  usePortalChangeFeed,
  usePortalSession,
} from '../api/portal-session';
import './patient-portal.css';

/**
 * Mina intyg: the patient's own part of the app, with its own header and its own log-in (an
 * e-identification, simulated here), apart from the care unit's users. Its pages show only
 * once the patient is logged in.
 */
export function PortalLayout() {
  const session = usePortalSession();
  const logout = usePortalLogout();
  usePortalChangeFeed(session.data !== undefined && session.data !== null);
  return (
    <div className="portal">
      <header className="app-header portal-header">
        <div className="app-header__bar">
          <Link to={paths.portal} className="portal-header__logo">
            Mina intyg
          </Link>
          {session.data !== undefined && session.data !== null && (
            <div className="portal-header__person">
              <span>
                <span className="sr-only">Inloggad: </span>
                {session.data.patient.name}
              </span>
              <button
                type="button"
                className="button button--secondary portal-button"
                disabled={logout.isPending}
                onClick={() => logout.mutate()}
              >
                Logga ut
              </button>
            </div>
          )}
        </div>
      </header>
      <main id="main" className="app-main portal-main" tabIndex={-1}>
        {logout.isError && (
          <MessageBox variant="error" heading="Utloggningen misslyckades" live="alert">
            <p>{logout.error.message}</p>
          </MessageBox>
        )}
        {session.isPending && <Loading label="Hämtar inloggningen…" />}
        {session.isError && (
          <MessageBox variant="error" heading="Mina intyg kunde inte starta" live="alert">
            <p>{session.error.message}</p>
            <button
              type="button"
              className="button button--secondary portal-button"
              onClick={() => void session.refetch()}
            >
              Försök igen
            </button>
          </MessageBox>
        )}
        {session.data === null && <PortalLoginPage />}
        {session.data !== undefined && session.data !== null && <Outlet />}
      </main>
    </div>
  );
}

/** Log in by e-identification: simulated in a training environment, as one of its patients. */
function PortalLoginPage() {
  const training = useTrainingEnvironment();
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    headingRef.current?.focus();
  }, []);
  return (
    <div className="portal-login">
      <h1 ref={headingRef} tabIndex={-1}>
        Logga in på Mina intyg
      </h1>
      <p>
        I Mina intyg ser du de intyg som din läkare har skrivit om dig. Du kan läsa dem, skriva ut
        dem och skicka dem till Försäkringskassan.
      </p>
      {training ? (
        <SimulatedIdentification />
      ) : (
        <MessageBox variant="info" heading="Inloggningen är inte tillgänglig">
          <p>Inloggning med e-legitimation finns inte i den här miljön ännu.</p>
        </MessageBox>
      )}
    </div>
  );
}

function SimulatedIdentification() {
  const options = usePortalLoginOptions();
  const login = usePortalLogin();
  return (
    <section aria-labelledby="portal-login-heading">
      <h2 id="portal-login-heading">Logga in med e-legitimation</h2>
      <p>
        Det här är en övningsmiljö. I stället för BankID väljer du vem du vill logga in som. Alla
        personer är påhittade och har testpersonnummer.
      </p>
      <LoginChoices
        label="Välj vem du är"
        loadingLabel="Hämtar personer…"
        choices={options.data?.people.map((person) => ({
          key: person.id,
          name: person.name,
          details: [formatIdentityNumber(person.identityNumber)],
          choose: () => login.mutate(person.id),
        }))}
        loadError={
          options.isError
            ? { message: options.error.message, retry: () => void options.refetch() }
            : undefined
        }
        loginError={login.isError ? login.error.message : undefined}
        busy={login.isPending}
      />
    </section>
  );
}
