import { http } from 'msw';
import { apiErrorCodes, opaqueIdSchema } from '../../src/contracts/common';
import {
  patientLookupRequestSchema,
  patientResponseSchema,
  type Patient,
} from '../../src/contracts/patients';
import type { Database } from '../db/database';
import { audit, authenticate, errorResponse, jsonResponse, parseJsonBody } from './support';

const notFoundMessage =
  'Det finns ingen patient med det numret i folkbokföringen. Kontrollera numret och försök igen.';

/** A protected identity's address is never handed out. */
function present(patient: Patient): Patient {
  if (!patient.protectedIdentity) return patient;
  const { address: _withheld, ...rest } = patient;
  return rest;
}

export function patientHandlers(db: Database) {
  return [
    /** The identity number travels in the body, never in the URL. */
    http.post('/api/patients/lookup', async ({ request }) => {
      const body = await parseJsonBody(request, patientLookupRequestSchema);
      if (!body.ok) return body.response;
      return db.write(async (tx) => {
        const result = await authenticate(tx, request);
        if (!result.ok) return result.response;
        const patients = await tx.patients.getAll();
        const patient = patients.find((p) => p.identityNumber === body.data.identityNumber);
        if (patient === undefined)
          return errorResponse(404, apiErrorCodes.notFound, notFoundMessage);
        await audit(tx, result.auth.now, 'patient-lookup', {
          userId: result.auth.user.id,
          unitHsaId: result.auth.unit.hsaId,
          patientId: patient.id,
        });
        return jsonResponse(patientResponseSchema, { patient: present(patient) });
      });
    }),

    http.get('/api/patients/:patientId', async ({ request, params }) => {
      const id = opaqueIdSchema.safeParse(params.patientId);
      if (!id.success) return errorResponse(400, apiErrorCodes.badRequest, 'Ogiltigt patient-id.');
      return db.write(async (tx) => {
        const result = await authenticate(tx, request);
        if (!result.ok) return result.response;
        const patient = await tx.patients.get(id.data);
        if (patient === undefined)
          return errorResponse(404, apiErrorCodes.notFound, 'Patienten finns inte.');
        await audit(tx, result.auth.now, 'patient-read', {
          userId: result.auth.user.id,
          unitHsaId: result.auth.unit.hsaId,
          patientId: patient.id,
        });
        return jsonResponse(patientResponseSchema, { patient: present(patient) });
      });
    }),
  ];
}
