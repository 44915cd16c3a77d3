import { ReloadButton } from '../../components/ui/reload-button';
import { useEffect, useRef, useState } from 'react';
import { isRouteErrorResponse, Link, useRouteError } from 'react-router';
import { paths } from '../../config/paths';
import { isApiFailure } from '../../lib/api-client';
import { useDocumentTitle } from '../../lib/use-document-title';
import {
  isCodeLoadFailure,
  isConnectionFailure,
  reloadOnce,
  useConnectionRestored,
} from '../connection';

function describe(error: unknown): string {
  if (isApiFailure(error)) return error.message;
  if (isRouteErrorResponse(error) && error.status === 404) return 'Sidan du söker finns inte.';
  return 'Ett oväntat fel uppstod i Intyga. Det du har sparat finns kvar.';
}

/** The page could not be fetched: said so, and loaded anew by itself once the connection is back. */
function ConnectionLost({ error }: { error: unknown }) {
  const headingRef = useRef<HTMLHeadingElement>(null);
  const [gaveUp, setGaveUp] = useState(false);
  useDocumentTitle('Ingen anslutning');
  useEffect(() => headingRef.current?.focus(), []);
  useConnectionRestored(() => {
    if (!reloadOnce()) setGaveUp(true);
  });
  return (
    <div className="error-page">
      <h1 ref={headingRef} tabIndex={-1}>
        Ingen anslutning
      </h1>
      {gaveUp ? (
        <p>
          Anslutningen är tillbaka, men sidan kunde ändå inte hämtas. Försök igen om en stund. Det
          du har sparat finns kvar.
        </p>
      ) : (
        <p>
          {isCodeLoadFailure(error)
            ? 'Sidan kunde inte hämtas: Intyga går inte att nå just nu, eller så har Intyga precis uppdaterats.'
            : 'Uppgifterna kunde inte hämtas: Intyga går inte att nå just nu.'}{' '}
          Sidan visas av sig själv så snart anslutningen är tillbaka. Det du har sparat finns kvar.
        </p>
      )}
      <div className="button-group">
        <ReloadButton />
      </div>
    </div>
  );
}

/** Any other failure: what happened, and ways forward. */
function UnexpectedError({ error }: { error: unknown }) {
  const headingRef = useRef<HTMLHeadingElement>(null);
  useDocumentTitle('Något gick fel');
  useEffect(() => headingRef.current?.focus(), []);
  return (
    <div className="error-page">
      <h1 ref={headingRef} tabIndex={-1}>
        Något gick fel
      </h1>
      <p>{describe(error)}</p>
      <div className="button-group">
        <ReloadButton />
        <Link className="button button--secondary" to={paths.search} reloadDocument>
          Till startsidan
        </Link>
      </div>
    </div>
  );
}

function RouteError() {
  const error = useRouteError();
  return isConnectionFailure(error) ? (
    <ConnectionLost error={error} />
  ) : (
    <UnexpectedError error={error} />
  );
}

/**
 * A page's error boundary, inside its layout: the header and the menu stay, and only the page
 * says what happened.
 */
export function PageError() {
  return <RouteError />;
}

/** The outermost error boundary, for a failure of a layout itself: a page of its own. */
export function ErrorPage() {
  return (
    <main id="main" className="app-main">
      <RouteError />
    </main>
  );
}
