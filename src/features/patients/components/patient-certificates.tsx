import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import type { PatientCertificate } from '../../../contracts/certificates';
import { Dialog } from '../../../components/ui/dialog';
import { DialogActions } from '../../../components/ui/dialog-actions';
import { Loading } from '../../../components/ui/loading';
import { MessageBox } from '../../../components/ui/message-box';
import {
  certificateStateLabel,
  parentNote,
  renewExplanation,
} from '../../../lib/certificate-labels';
import { formatDateTime } from '../../../lib/format';
import { labelledText } from '../../../language/swedish';
import { usePatientCertificates, useRenewCertificate } from '../api/certificate-catalogue';

type Props = { patientId: string; certificatePath: (certificateId: string) => string };

/** What a row's date and name are: its signing, or (a draft) its latest save. */
function signedOrSaved(certificate: PatientCertificate) {
  return certificate.signedAt !== undefined && certificate.signedBy !== undefined
    ? { at: certificate.signedAt, when: 'Signerat', who: `Signerat av ${certificate.signedBy}` }
    : { at: certificate.savedAt, when: 'Senast sparat', who: `Sparat av ${certificate.savedBy}` };
}

/**
 * The patient's drafts and certificates on this care unit (Webcert's previous certificates):
 * type, status, date and who signed or saved it, with "Öppna"/"Visa" and, where the backend
 * allows it, "Förnya".
 */
export function PatientCertificates({ patientId, certificatePath }: Props) {
  const list = usePatientCertificates(patientId, true);
  const [renewing, setRenewing] = useState<PatientCertificate>();
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
            <th scope="col">Datum</th>
            <th scope="col">Signerat eller sparat av</th>
            <th scope="col">
              <span className="sr-only">Åtgärder</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {certificates.map((certificate) => {
            const { at, when, who } = signedOrSaved(certificate);
            const name = `${certificate.formNumber} ${certificate.typeName}, ${formatDateTime(at)}`;
            const isDraft = certificate.status === 'draft' || certificate.status === 'locked-draft';
            const open = isDraft ? 'Öppna' : 'Visa';
            const renew = certificate.actions.find(
              (action) => action.type === 'renew' && action.enabled,
            );
            return (
              <tr key={certificate.id}>
                <td data-label="Intyg">
                  <span className="list-table__main">
                    {certificate.formNumber} {certificate.typeName}
                  </span>
                </td>
                <td data-label="Status">
                  {certificateStateLabel(certificate)}
                  {certificate.parent !== undefined && (
                    <span className="list-table__sub">{parentNote(certificate)}</span>
                  )}
                </td>
                <td data-label="Datum">
                  {formatDateTime(at)}
                  <span className="list-table__sub">{when}</span>
                </td>
                <td data-label="Av">{who}</td>
                <td className="list-table__open">
                  <span className="patient-certificates__actions">
                    <Link
                      to={certificatePath(certificate.id)}
                      className="button button--secondary button--small list-table__open-link"
                      aria-label={labelledText(open, name)}
                    >
                      {open}
                    </Link>
                    {renew !== undefined && (
                      <button
                        type="button"
                        className="button button--secondary button--small list-table__open-link"
                        aria-label={labelledText(renew.label, name)}
                        onClick={() => setRenewing(certificate)}
                      >
                        {renew.label}
                      </button>
                    )}
                  </span>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {renewing !== undefined && (
        <RenewDialog
          certificate={renewing}
          certificatePath={certificatePath}
          onClose={() => setRenewing(undefined)}
        />
      )}
    </div>
  );
}

function RenewDialog({
  certificate,
  certificatePath,
  onClose,
}: {
  certificate: PatientCertificate;
  certificatePath: (certificateId: string) => string;
  onClose: () => void;
}) {
  const renew = useRenewCertificate();
  const navigate = useNavigate();
  const kindWord = certificate.kind === 'utlåtande' ? 'utlåtandet' : 'intyget';
  const confirm = () =>
    renew.mutate(
      { id: certificate.id, version: certificate.version },
      { onSuccess: ({ certificate: draft }) => void navigate(certificatePath(draft.id)) },
    );
  return (
    <Dialog
      open
      title={`Förnya ${kindWord}`}
      onClose={onClose}
      footer={
        <DialogActions
          confirmLabel="Förnya"
          busyLabel="Förnyar…"
          busy={renew.isPending}
          onConfirm={confirm}
          onCancel={onClose}
        />
      }
    >
      {renew.isError && (
        <MessageBox
          variant="error"
          heading="Åtgärden kunde inte utföras"
          headingLevel={3}
          live="alert"
        >
          <p>{renew.error.message}</p>
        </MessageBox>
      )}
      <p>
        {certificate.formNumber} {certificate.typeName}
      </p>
      {renewExplanation(kindWord).map((paragraph) => (
        <p key={paragraph}>{paragraph}</p>
      ))}
    </Dialog>
  );
}
