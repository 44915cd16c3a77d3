import { Link } from 'react-router';
import { Loading } from '../../../components/ui/loading';
import { MessageBox } from '../../../components/ui/message-box';
import { certificateStateLabel, parentNote } from '../../../lib/certificate-labels';
import { formatDateTime } from '../../../lib/format';
import { usePatientCertificates } from '../api/certificate-catalogue';

type Props = { patientId: string; certificatePath: (certificateId: string) => string };

/** The patient's drafts and certificates on this care unit. */
export function PatientCertificates({ patientId, certificatePath }: Props) {
  const list = usePatientCertificates(patientId, true);
  if (list.isPending) return <Loading label="Hämtar patientens intyg…" />;
  if (list.isError) {
    return (
      <MessageBox variant="error" heading="Patientens intyg kunde inte hämtas" live="alert">
        <p>{list.error.message}</p>
      </MessageBox>
    );
  }
  const { certificates } = list.data;
  if (certificates.length === 0) {
    return <p>Patienten har inga intyg eller utkast på vårdenheten.</p>;
  }
  return (
    <div className="table-scroll">
      <table className="table list-table">
        <caption className="sr-only">Patientens intyg och utkast</caption>
        <thead>
          <tr>
            <th scope="col">Intyg</th>
            <th scope="col">Status</th>
            <th scope="col">Senast ändrat</th>
            <th scope="col">Av</th>
          </tr>
        </thead>
        <tbody>
          {certificates.map((certificate) => (
            <tr key={certificate.id}>
              <td data-label="Intyg">
                <Link to={certificatePath(certificate.id)}>
                  {certificate.formNumber} {certificate.typeName}
                </Link>
              </td>
              <td data-label="Status">
                {certificateStateLabel(certificate)}
                {certificate.parent !== undefined && (
                  <span className="list-table__sub">{parentNote(certificate)}</span>
                )}
              </td>
              <td data-label="Senast ändrat">
                {formatDateTime(certificate.signedAt ?? certificate.savedAt)}
              </td>
              <td data-label="Av">{certificate.signedBy ?? certificate.savedBy}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
