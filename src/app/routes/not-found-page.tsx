import { useEffect, useRef } from 'react';
import { Link } from 'react-router';
import { paths } from '../../config/paths';
import { useDocumentTitle } from '../../lib/use-document-title';

export function NotFoundPage() {
  const headingRef = useRef<HTMLHeadingElement>(null);
  useDocumentTitle('Sidan finns inte');
  useEffect(() => headingRef.current?.focus(), []);
  return (
    <div className="not-found">
      <h1 ref={headingRef} tabIndex={-1}>
        Sidan finns inte
      </h1>
      <p>
        Adressen du följde leder inte till någon sida i Intyga. Kontrollera adressen eller gå vidare
        härifrån.
      </p>
      <p>
        <Link to={paths.search}>Till sök / skriv intyg</Link>
      </p>
    </div>
  );
}
