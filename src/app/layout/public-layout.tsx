import type { ReactNode } from 'react';
import { Outlet } from 'react-router';

/**
 * Pages shown without a session: log-in, logged out, not found (when not logged in); and the
 * choice of care unit, before the session has one. Renders `children`, or the route's page.
 */
export function PublicLayout({ children }: { children?: ReactNode }) {
  return (
    <>
      <header className="app-header">
        <div className="app-header__bar">
          <span className="app-header__logo">Intyga</span>
        </div>
      </header>
      <main id="main" className="app-main" tabIndex={-1}>
        {children ?? <Outlet />}
      </main>
    </>
  );
}
