import type { CertificatePatient } from '../../../contracts/certificates';
import { formatIdentityNumber } from '../../../contracts/identity-number';
import { PatientBadges } from '../../../components/ui/patient-badges';

/** Who the certificate is about: stays in view while the physician writes. */
export function PatientBanner({ patient }: { patient: CertificatePatient }) {
  const numberLabel =
    patient.identityKind === 'samordningsnummer' ? 'Samordningsnummer' : 'Personnummer';
  return (
    <section className="patient-banner" aria-label="Patient">
      <p className="patient-banner__name">{patient.name}</p>
      <p className="patient-banner__number">
        <span className="sr-only">{numberLabel} </span>
        {formatIdentityNumber(patient.identityNumber)}
      </p>
      <PatientBadges
        protectedIdentity={patient.protectedIdentity}
        deceased={patient.deceased}
        testIndicated={patient.testIndicated}
        coordinationNumber={patient.identityKind === 'samordningsnummer'}
      />
    </section>
  );
}
