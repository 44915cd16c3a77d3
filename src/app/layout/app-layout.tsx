import { lazy, Suspense, useEffect, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { Navigate, NavLink, Outlet, useLocation, useNavigate } from 'react-router';
import { paths } from '../../config/paths';
import { isCurrentSession, readSession, subscribeToSessionChanges } from '../../lib/session-store';
import { useChangeFeed } from '../../lib/change-feed';
import { HttpError } from '../../lib/api-client';
import { Loading } from '../../components/ui/loading';
import {
  CareUnitPage,
  IdleSessionGuard,
  isUnitNotChosen,
  SessionHeader,
  useCareUnitFromOtherTabs,
  useLogout,
  useSession,
} from '../../features/session';
import { useWorkCounts } from '../../features/work-lists/counts';
import { formatNumber } from '../../language/swedish';
import { leaveEndedSession, returnStateFor } from '../session-end';
import { PublicLayout } from './public-layout';

/** "Mina uppgifter" concerns only physicians who registered themselves: loaded when needed. */
const MyDetailsNavItem = lazy(async () => ({
  default: (await import('../../features/registration/components/my-details-nav-item'))
    .MyDetailsNavItem,
}));

function CountBadge({ count, label }: { count: number | undefined; label: string }) {
  if (count === undefined || count === 0) return null;
  return (
    <span className="nav-count" aria-label={`${formatNumber(count)} ${label}`}>
      {formatNumber(count)}
    </span>
  );
}

function Navigation() {
  const counts = useWorkCounts();
  const location = useLocation();
  const [open, setOpen] = useState(false);
  const [openedAt, setOpenedAt] = useState(location.pathname);
  // On a narrow screen the menu folds away again once the user has gone somewhere.
  if (openedAt !== location.pathname) {
    setOpenedAt(location.pathname);
    setOpen(false);
  }
  const total = (counts.data?.unhandledThreads ?? 0) + (counts.data?.unsignedDrafts ?? 0);
  const linkClass = ({ isActive }: { isActive: boolean }) =>
    `app-nav__link${isActive ? ' app-nav__link--active' : ''}`;
  return (
    <nav className="app-nav" aria-label="Huvudmeny">
      <button
        type="button"
        className="app-nav__toggle"
        aria-expanded={open}
        aria-controls="app-nav-list"
        onClick={() => setOpen(!open)}
      >
        Meny{total > 0 ? ` (${formatNumber(total)} att hantera)` : ''}
      </button>
      <ul id="app-nav-list" data-open={open}>
        <li>
          <NavLink className={linkClass} to={paths.search}>
            Sök / skriv intyg
          </NavLink>
        </li>
        <li>
          <NavLink className={linkClass} to={paths.inbox}>
            Ej hanterade ärenden
            <CountBadge count={counts.data?.unhandledThreads} label="ej hanterade" />
          </NavLink>
        </li>
        <li>
          <NavLink className={linkClass} to={paths.drafts}>
            Ej signerade utkast
            <CountBadge count={counts.data?.unsignedDrafts} label="ej signerade" />
          </NavLink>
        </li>
        <li>
          <NavLink className={linkClass} to={paths.signed} end>
            Signerade intyg
          </NavLink>
        </li>
        <Suspense fallback={null}>
          <MyDetailsNavItem className={linkClass} />
        </Suspense>
      </ul>
    </nav>
  );
}

/** The logged-in shell: header with the user, navigation, the page, the idle guard. */
export function AppLayout() {
  // Decided when the shell is entered: a session that ends while it is shown is taken care
  // of by whoever ends it (the log-out, the API client's 401 handling, another tab below),
  // which each move to their own page; re-reading it here would race them to the log-in page.
  const [mySession] = useState(() => readSession('care'));
  const session = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  const queryClient = useQueryClient();
  const logout = useLogout(() => navigate(paths.loggedOut, { replace: true }));
  // What colleagues, FK and other tabs change reaches this page while the session is live.
  useChangeFeed(
    mySession !== undefined && session.isSuccess && isCurrentSession(mySession)
      ? mySession
      : undefined,
    session.data?.unit.hsaId,
  );
  useCareUnitFromOtherTabs(mySession);

  // The session is the browser's: when another tab logs out, or its session ends or is
  // refused there, this tab leaves too, for the page that says why.
  useEffect(() => {
    if (mySession === undefined) return undefined;
    return subscribeToSessionChanges((change) => {
      if (change.kind !== 'care' || change.session?.id === mySession.id) return;
      leaveEndedSession(navigate, queryClient, change.reason ?? 'unauthenticated', location);
    });
  }, [mySession, navigate, queryClient, location]);

  if (mySession === undefined) {
    // Not logged in: the log-in first, then on to where the link pointed.
    return <Navigate to={paths.login} replace state={returnStateFor(location)} />;
  }
  if (session.isPending) return <Loading label="Hämtar din inloggning…" />;
  if (session.isError && isUnitNotChosen(session.error)) {
    // Logged in with several care units: the unit first, then on to the page asked for.
    return (
      <PublicLayout>
        <CareUnitPage />
      </PublicLayout>
    );
  }
  if (session.isError) {
    // A refused session is taken care of by the API client's 401 handling.
    if (session.error instanceof HttpError && session.error.status === 401) return <Loading />;
    throw session.error;
  }

  const doLogout = () =>
    logout.mutate(undefined, { onSettled: () => void navigate(paths.loggedOut) });

  return (
    <>
      <a className="skip-link" href="#main">
        Till huvudinnehållet
      </a>
      <header className="app-header">
        <div className="app-header__bar">
          <span className="app-header__logo">Intyga</span>
          <SessionHeader session={session.data} onLogout={doLogout} loggingOut={logout.isPending} />
        </div>
        <Navigation />
      </header>
      <main id="main" className="app-main" tabIndex={-1}>
        <Outlet />
      </main>
      <IdleSessionGuard settings={session.data.settings} onLogout={doLogout} />
    </>
  );
}
