import type {
  CertificateCatalogueResponse,
  CertificateTypeEntry,
} from '../../src/contracts/certificates';
import { apiErrorCodes } from '../../src/contracts/common';
import { certificateTypes } from '../../src/definitions';
import type { CertificateDefinition } from '../../src/form-engine';
import type { CertificateListRow, PatientRecord } from '../store/schema';
import { patientName } from './certificates';
import { createConfirmations } from './certificate-commands';
import { decideCreate, lifecycleMessages, mayAccessPatient, type ActorFacts } from './lifecycle';
import { reject, type Rejection } from './outcome';

/**
 * The catalogue, as a pure rule: the certificate types a user may write for a patient (the
 * lifecycle's create rule), each with the patient's latest draft and signed certificate of
 * it on the unit, and the confirmation the type asks for before a draft is made.
 */

export const catalogueMessages = {
  protectedPatient: lifecycleMessages.protectedPatient,
  deceased: 'Det går inte att skriva nya intyg för en avliden patient.',
  defaultCheckbox: 'Jag bekräftar.',
} as const;

function fillPlaceholders(text: string, patient: PatientRecord): string {
  const { identityNumber } = patient;
  return text
    .replaceAll('{patientName}', patientName(patient))
    .replaceAll('{personId}', `${identityNumber.slice(0, 8)}-${identityNumber.slice(8)}`);
}

/**
 * The catalogue for `patient`, from every type's current definition and the patient's
 * certificates on the user's unit (`records`).
 */
export function certificateCatalogue(
  definitions: readonly CertificateDefinition[],
  patient: PatientRecord,
  records: readonly Pick<CertificateListRow, 'id' | 'type' | 'status' | 'savedAt' | 'signed'>[],
  actor: ActorFacts,
  today: string,
): CertificateCatalogueResponse | Rejection {
  const policies = definitions.map((definition) => definition.policy);
  if (!mayAccessPatient(policies, actor.role, patient)) {
    return reject(403, apiErrorCodes.forbidden, catalogueMessages.protectedPatient);
  }
  if (patient.deceased) return { types: [], blockedReason: catalogueMessages.deceased };
  const types: CertificateTypeEntry[] = [];
  for (const definition of definitions) {
    if (!decideCreate(definition.policy, actor, patient).allowed) continue;
    const code = certificateTypes.find((candidate) => candidate === definition.code);
    if (code === undefined) continue;
    const ofType = records
      .filter((record) => record.type === code)
      .sort((a, b) => b.savedAt.localeCompare(a.savedAt));
    const draft = ofType.find((record) => record.status === 'draft');
    const signed = ofType.find((record) => record.status === 'signed');
    const confirmation = createConfirmations(definition, patient, today, actor.role)[0];
    types.push({
      type: code,
      formNumber: definition.formNumber,
      name: definition.name,
      kind: definition.kind,
      summary: definition.summary,
      ...(draft === undefined ? {} : { existingDraft: { id: draft.id, savedAt: draft.savedAt } }),
      ...(signed?.signed === undefined
        ? {}
        : { existingSigned: { id: signed.id, signedAt: signed.signed.at } }),
      ...(confirmation === undefined
        ? {}
        : {
            confirmation: {
              id: confirmation.id,
              title: confirmation.title,
              ...(confirmation.info === undefined
                ? {}
                : { info: fillPlaceholders(confirmation.info, patient) }),
              text: fillPlaceholders(confirmation.text, patient),
              checkboxLabel: confirmation.checkboxLabel ?? catalogueMessages.defaultCheckbox,
            },
          }),
    });
  }
  return { types };
}
