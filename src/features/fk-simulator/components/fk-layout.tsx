import { useEffect, useRef } from 'react';
import { Outlet } from 'react-router';
import { Link } from 'react-router';
import { Loading } from '../../../components/ui/loading';
import { LoginChoices } from '../../../components/ui/login-choices';
import { MessageBox } from '../../../components/ui/message-box';
import { paths } from '../../../config/paths';
import {
  useFkChangeFeed,
  useFkLogin,
  useFkLoginOptions,
  useFkLogout,
  useFkSession,
} from '../api/fk-session';
import '../../../components/ui/thread.css';
import './fk-simulator.css';

/**
 * Försäkringskassan's side, as testers play it: its own header and its own log-in (a case
 * officer, a principal apart from the care unit's users). Its pages show only once logged in.
 */
export function FkLayout() {
  const session = useFkSession();
  const logout = useFkLogout();
  useFkChangeFeed(session.data !== undefined && session.data !== null);
  return (
    <>
      <header className="app-header fk-header">
        <div className="app-header__bar">
          <Link to={paths.fk} className="app-header__logo">
            Försäkringskassan <span className="fk-header__tag">simulator</span>
          </Link>
          {session.data !== undefined && session.data !== null && (
            <div className="fk-header__officer">
              <span>
                <span className="sr-only">Inloggad handläggare: </span>
                {session.data.officer.name}
              </span>
              <button
                type="button"
                className="button button--secondary button--small"
                disabled={logout.isPending}
                onClick={() => logout.mutate()}
              >
                Logga ut
              </button>
            </div>
          )}
        </div>
      </header>
      <main id="main" className="app-main fk-main" tabIndex={-1}>
        {session.isPending && <Loading label="Hämtar inloggningen…" />}
        {session.isError && (
          <MessageBox variant="error" heading="Simulatorn kunde inte starta" live="alert">
            <p>{session.error.message}</p>
            <button
              type="button"
              className="button button--secondary button--small"
              onClick={() => void session.refetch()}
            >
              Försök igen
            </button>
          </MessageBox>
        )}
        {session.data === null && <FkLoginPage />}
        {session.data !== undefined && session.data !== null && <Outlet />}
      </main>
    </>
  );
}

/** Log in as one of FK's case officers. */
function FkLoginPage() {
  const options = useFkLoginOptions();
  const login = useFkLogin();
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    headingRef.current?.focus();
  }, []);
  return (
    <div className="login-page">
      <h1 ref={headingRef} tabIndex={-1}>
        Logga in som handläggare på Försäkringskassan
      </h1>
      <p>
        Här spelar du Försäkringskassans sida: du ser de intyg som Försäkringskassan har tagit emot
        och kan begära komplettering, ställa frågor, påminna och svara vårdenheten.
      </p>
      <LoginChoices
        label="Handläggare"
        loadingLabel="Hämtar handläggare…"
        choices={options.data?.officers.map((officer) => ({
          key: officer.id,
          name: officer.name,
          details: ['Handläggare, Försäkringskassan'],
          choose: () => login.mutate(officer.id),
        }))}
        loadError={
          options.isError
            ? { message: options.error.message, retry: () => void options.refetch() }
            : undefined
        }
        loginError={login.isError ? login.error.message : undefined}
        busy={login.isPending}
      />
    </div>
  );
}
