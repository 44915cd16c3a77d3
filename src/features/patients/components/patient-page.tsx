import { Link } from 'react-router';
import { Loading } from '../../../components/ui/loading';
import { MessageBox } from '../../../components/ui/message-box';
import { usePatient } from '../api/get-patient';
import { PatientSummary } from './patient-summary';

type Props = { patientId: string; searchPath: string };

/** The chosen patient, and where the certificate types to write are chosen. */
export function PatientPage({ patientId, searchPath }: Props) {
  const patient = usePatient(patientId);
  if (patient.isPending) return <Loading label="Hämtar patient…" />;
  if (patient.isError) {
    return (
      <MessageBox variant="error" heading="Patienten kunde inte visas" live="alert">
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
        {data.deceased ? (
          <p>Det går inte att skriva nya intyg för en avliden patient.</p>
        ) : (
          <p>Här väljer du vilket intyg eller utlåtande du vill skriva för patienten.</p>
        )}
      </section>
      <p>
        <Link to={searchPath}>Sök en annan patient</Link>
      </p>
    </div>
  );
}
