import { useEffect, useRef } from 'react';
import { paths } from '../../config/paths';
import { useDocumentTitle } from '../../lib/use-document-title';
import { PatientSearch } from '../../features/patients';

export function Component() {
  useDocumentTitle('Sök / skriv intyg');
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => headingRef.current?.focus(), []);
  return (
    <>
      <h1 ref={headingRef} tabIndex={-1}>
        Sök / skriv intyg
      </h1>
      <p>Sök fram patienten du vill skriva ett intyg eller utlåtande för.</p>
      <PatientSearch patientPath={paths.patient} />
    </>
  );
}
