import { Outlet } from 'react-router';

/** Pages shown without a session: log-in, logged out, not found (when not logged in). */
export function PublicLayout() {
  return (
    <>
      <header className="app-header">
        <div className="app-header__bar">
          <span className="app-header__logo">Intyga</span>
        </div>
      </header>
      <main id="main" className="app-main" tabIndex={-1}>
        <Outlet />
      </main>
    </>
  );
}
