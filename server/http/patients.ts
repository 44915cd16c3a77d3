import { endpoints } from '../../src/contracts/endpoints';
import { apiErrorCodes } from '../../src/contracts/common';
import { patientResponseSchema, type Patient } from '../../src/contracts/patients';
import type { Database } from '../store/store';
import { certificateTypes, loadDefinition } from '../../src/definitions';
import { mayAccessPatient } from '../domain/lifecycle';
import { serve } from './guard';
import { auditAccess, errorResponse, jsonResponse } from './support';

const notFoundMessage =
  'Det finns ingen patient med det numret i folkbokföringen. Kontrollera numret och försök igen.';

/** A protected identity's address is never handed out. */
function present(patient: Patient): Patient {
  if (!patient.protectedIdentity) return patient;
  const { address: _withheld, ...rest } = patient;
  return rest;
}

/** Said instead of anything about a protected patient to a role that may not handle them. */
export const protectedPatientMessage =
  'Patienten har skyddade personuppgifter, och du har inte behörighet att se uppgifter om patienten.';

export function patientHandlers(db: Database) {
  const policies = () =>
    Promise.all(certificateTypes.map(async (code) => (await loadDefinition(code)).policy));

  return [
    /** The identity number travels in the body, never in the URL. */
    serve(db, endpoints.lookUpPatient, async ({ auth, body }) => {
      const allPolicies = await policies();
      return db.write(async (tx) => {
        const patients = await tx.patients.getAll();
        const patient = patients.find((p) => p.identityNumber === body.identityNumber);
        if (patient === undefined)
          return errorResponse(404, apiErrorCodes.notFound, notFoundMessage);
        if (!mayAccessPatient(allPolicies, auth.user.role, patient)) {
          return errorResponse(403, apiErrorCodes.forbidden, protectedPatientMessage);
        }
        await auditAccess(tx, auth, 'patient-lookup', patient);
        return jsonResponse(patientResponseSchema, { patient: present(patient) });
      });
    }),

    serve(db, endpoints.getPatient, async ({ auth, params }) => {
      const allPolicies = await policies();
      return db.write(async (tx) => {
        const patient = await tx.patients.get(params.patientId);
        if (patient === undefined)
          return errorResponse(404, apiErrorCodes.notFound, 'Patienten finns inte.');
        if (!mayAccessPatient(allPolicies, auth.user.role, patient)) {
          return errorResponse(403, apiErrorCodes.forbidden, protectedPatientMessage);
        }
        await auditAccess(tx, auth, 'patient-read', patient);
        return jsonResponse(patientResponseSchema, { patient: present(patient) });
      });
    }),
  ];
}
