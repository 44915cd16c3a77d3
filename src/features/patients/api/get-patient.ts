import { queryOptions, useQuery } from '@tanstack/react-query';
import { queryKeys } from '../../../lib/query-keys';
import { patientResponseSchema } from '../../../contracts/patients';
import { callEndpoint } from '../../../lib/api-client';

export function getPatient(patientId: string) {
  return callEndpoint('getPatient', { params: { patientId }, response: patientResponseSchema });
}

export const patientQuery = (patientId: string) =>
  queryOptions({ queryKey: queryKeys.patient(patientId), queryFn: () => getPatient(patientId) });

export function usePatient(patientId: string) {
  return useQuery(patientQuery(patientId));
}
