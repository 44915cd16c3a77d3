import { useEffect, useRef } from 'react';
import { Link } from 'react-router';
import { paths } from '../../config/paths';
import { useDocumentTitle } from '../../lib/use-document-title';
import { MyDetailsPage, RegistrationWizard } from '../../features/registration';

/** A private physician registers (public: before there is an account). */
export function RegistrationRoute() {
  useDocumentTitle('Registrera dig som privatläkare');
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => headingRef.current?.focus(), []);
  return (
    <div className="registration-page">
      <h1 ref={headingRef} tabIndex={-1}>
        Registrera dig som privatläkare
      </h1>
      <RegistrationWizard />
      <p>
        <Link to={paths.login}>Tillbaka till inloggningen</Link>
      </p>
    </div>
  );
}

/** "Mina uppgifter" in the logged-in shell. */
export function MyDetailsRoute() {
  useDocumentTitle('Mina uppgifter');
  return <MyDetailsPage />;
}
