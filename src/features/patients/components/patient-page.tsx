import { Link } from 'react-router';
import { Loading } from '../../../components/ui/loading';
import { MessageBox } from '../../../components/ui/message-box';
import { HttpError } from '../../../lib/api-client';
import { usePatient } from '../api/get-patient';
import { CertificateCatalogue } from './certificate-catalogue';
import { PatientCertificates } from './patient-certificates';
import { PatientSummary } from './patient-summary';

type Props = {
  patientId: string;
  searchPath: string;
  certificatePath: (certificateId: string) => string;
};

/** The chosen patient: the types to write, and the patient's drafts and certificates. */
export function PatientPage({ patientId, searchPath, certificatePath }: Props) {
  const patient = usePatient(patientId);
  if (patient.isPending) return <Loading label="Hämtar patient…" />;
  if (patient.isError) {
    const forbidden = patient.error instanceof HttpError && patient.error.status === 403;
    return (
      <MessageBox
        variant="error"
        heading={forbidden ? 'Behörighet saknas' : 'Patienten kunde inte visas'}
        live="alert"
        headingLevel={2}
      >
        <p>{patient.error.message}</p>
        <p>
          <Link to={searchPath}>Sök en annan patient</Link>
        </p>
      </MessageBox>
    );
  }
  const { patient: data } = patient.data;
  return (
    <div className="patient-page">
      <PatientSummary patient={data} headingLevel={1} />
      <section aria-labelledby="choose-type-heading" className="patient-page__types">
        <h2 id="choose-type-heading">Välj intygstyp</h2>
        <CertificateCatalogue patientId={data.id} certificatePath={certificatePath} />
      </section>
      <section aria-labelledby="patient-certificates-heading">
        <h2 id="patient-certificates-heading">Patientens intyg och utkast</h2>
        <PatientCertificates patientId={data.id} certificatePath={certificatePath} />
      </section>
      <p>
        <Link to={searchPath}>Sök en annan patient</Link>
      </p>
    </div>
  );
}
