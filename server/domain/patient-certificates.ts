import type { CertificateAction } from '../../src/contracts/certificates';
import type { CertificateDefinition } from '../../src/form-engine';
import type { CertificateRecord, PatientRecord, UserRecord } from '../store/schema';
import { decisionInput, relatedCertificate } from './certificates';
import { actionsFor } from './lifecycle';

/** What the patient's page offers on a certificate besides opening it (Webcert: "Förnya"). */
const offeredOnPatientPage: ReadonlySet<CertificateAction['type']> = new Set(['renew']);

/**
 * The actions the user may take on one of the patient's certificates from the patient's page,
 * decided by the lifecycle as on the certificate itself. `unitRecords` are the patient's
 * certificates on the user's unit: the ones made from `record` are its children. Whether FK's
 * complement request waits on it matters to replacing only, which the page does not offer.
 */
export function patientPageActions(
  definition: CertificateDefinition,
  record: CertificateRecord,
  patient: PatientRecord,
  user: UserRecord,
  unitHsaId: string,
  unitRecords: readonly CertificateRecord[],
): CertificateAction[] {
  const children = unitRecords.flatMap((child) =>
    child.parent?.certificateId === record.id ? [relatedCertificate(child.parent.type, child)] : [],
  );
  const input = decisionInput(definition, record, patient, user, unitHsaId, {
    children,
    unhandledComplementRequest: false,
  });
  return actionsFor(input).filter((action) => offeredOnPatientPage.has(action.type));
}
