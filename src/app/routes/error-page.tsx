import { ReloadButton } from '../../components/ui/reload-button';
import { useEffect, useRef } from 'react';
import { isRouteErrorResponse, Link, useRouteError } from 'react-router';
import { paths } from '../../config/paths';
import { isApiFailure } from '../../lib/api-client';
import { useDocumentTitle } from '../../lib/use-document-title';

function describe(error: unknown): string {
  if (isApiFailure(error)) return error.message;
  if (isRouteErrorResponse(error) && error.status === 404) return 'Sidan du söker finns inte.';
  return 'Ett oväntat fel uppstod i Intyga. Det du har sparat finns kvar.';
}

/** The error boundary's page: what happened, and ways forward. */
export function ErrorPage() {
  const error = useRouteError();
  const headingRef = useRef<HTMLHeadingElement>(null);
  useDocumentTitle('Något gick fel');
  useEffect(() => headingRef.current?.focus(), []);
  return (
    <main id="main" className="app-main error-page">
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
    </main>
  );
}
