import { queryOptions, useQuery } from '@tanstack/react-query';
import { queryKeys } from '../../../lib/query-keys';
import { patientResponseSchema } from '../../../contracts/patients';
import { apiRequest } from '../../../lib/api-client';
import { apiPath, routes } from '../../../contracts/routes';

export function getPatient(patientId: string) {
  return apiRequest(apiPath(routes.getPatient, { patientId }), patientResponseSchema);
}

export const patientQuery = (patientId: string) =>
  queryOptions({ queryKey: queryKeys.patient(patientId), queryFn: () => getPatient(patientId) });

export function usePatient(patientId: string) {
  return useQuery(patientQuery(patientId));
}
