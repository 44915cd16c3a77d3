import { useMutation, useQueryClient } from '@tanstack/react-query';
import { patientResponseSchema, type PatientLookupRequest } from '../../../contracts/patients';
import { callEndpoint } from '../../../lib/api-client';
import { patientQuery } from './get-patient';

/** POST, so the identity number stays in the body and out of URLs and logs. */
export function lookupPatient(body: PatientLookupRequest) {
  return callEndpoint('lookUpPatient', { body, response: patientResponseSchema });
}

export function useLookupPatient() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: lookupPatient,
    onSuccess: ({ patient }) => {
      queryClient.setQueryData(patientQuery(patient.id).queryKey, { patient });
    },
  });
}
