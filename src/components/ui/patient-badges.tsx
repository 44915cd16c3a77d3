import { Badge } from './badge';

type Props = {
  protectedIdentity: boolean;
  deceased: boolean;
  testIndicated: boolean;
  coordinationNumber: boolean;
};

/** The patient's status badges, wherever the patient is shown. */
export function PatientBadges({
  protectedIdentity,
  deceased,
  testIndicated,
  coordinationNumber,
}: Props) {
  if (!protectedIdentity && !deceased && !testIndicated && !coordinationNumber) return null;
  return (
    <ul className="patient-badges" aria-label="Patientens status">
      {protectedIdentity && (
        <li>
          <Badge variant="warning">Skyddade personuppgifter</Badge>
        </li>
      )}
      {deceased && (
        <li>
          <Badge variant="error">Avliden</Badge>
        </li>
      )}
      {testIndicated && (
        <li>
          <Badge variant="info">Testperson</Badge>
        </li>
      )}
      {coordinationNumber && (
        <li>
          <Badge>Samordningsnummer</Badge>
        </li>
      )}
    </ul>
  );
}
