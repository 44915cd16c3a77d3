import type { Patient } from '../../../contracts/patients';
import { formatIdentityNumber } from '../../../contracts/identity-number';
import { PatientBadges } from '../../../components/ui/patient-badges';

export function patientFullName(patient: Patient): string {
  return [patient.firstName, patient.middleName, patient.lastName].filter(Boolean).join(' ');
}

type Props = { patient: Patient; headingLevel?: 1 | 2; headingId?: string };

/** The patient's name, number and status badges, with what each status means. */
export function PatientSummary({ patient, headingLevel = 2, headingId }: Props) {
  const Heading = headingLevel === 1 ? 'h1' : 'h2';
  const numberLabel =
    patient.identityKind === 'samordningsnummer' ? 'Samordningsnummer' : 'Personnummer';
  return (
    <section className="patient-summary" aria-labelledby={headingId}>
      <Heading className="patient-summary__name" id={headingId} tabIndex={-1}>
        {patientFullName(patient)}
      </Heading>
      <p className="patient-summary__number">
        {numberLabel} {formatIdentityNumber(patient.identityNumber)}
      </p>
      <PatientBadges
        protectedIdentity={patient.protectedIdentity}
        deceased={patient.deceased}
        testIndicated={patient.testIndicated}
        coordinationNumber={patient.identityKind === 'samordningsnummer'}
      />
      {patient.protectedIdentity && (
        <p className="patient-summary__note">
          Patienten har skyddade personuppgifter. Bara användare med behörighet att signera intyg
          får skriva intyg för patienten, och patientens adress visas inte.
        </p>
      )}
      {patient.deceased && (
        <p className="patient-summary__note">Patienten är avliden. Nya intyg kan inte skrivas.</p>
      )}
      {patient.testIndicated && (
        <p className="patient-summary__note">
          Patienten är en testperson (valideringsperson). Intyg för patienten kan inte skickas till
          mottagare.
        </p>
      )}
    </section>
  );
}
