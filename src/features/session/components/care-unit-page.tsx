import { useEffect, useRef } from 'react';
import { CareUnitChoice } from './care-unit-choice';

/**
 * The end of a log-in with several care units: the user chooses where to work. The page the
 * user was going to is shown once the unit is chosen (it stays the address meanwhile).
 */
export function CareUnitPage() {
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    headingRef.current?.focus();
  }, []);
  return (
    <div className="login-page">
      <h1 ref={headingRef} tabIndex={-1}>
        Välj vårdenhet
      </h1>
      <p>Du har uppdrag på flera vårdenheter. Välj den vårdenhet du vill arbeta på.</p>
      <CareUnitChoice />
    </div>
  );
}
