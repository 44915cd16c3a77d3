import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  certificateCatalogueResponseSchema,
  certificateResponseSchema,
  patientCertificatesResponseSchema,
  type CreateCertificateRequest,
} from '../../../contracts/certificates';
import { callEndpoint } from '../../../lib/api-client';
import { announceChange, queryKeys } from '../../../lib/query-keys';

export const catalogueQuery = (patientId: string) =>
  queryOptions({
    queryKey: queryKeys.patientCatalogue(patientId),
    queryFn: () =>
      callEndpoint('listCertificateTypes', {
        params: { patientId },
        response: certificateCatalogueResponseSchema,
      }),
  });

export function useCertificateCatalogue(patientId: string, enabled: boolean) {
  return useQuery({ ...catalogueQuery(patientId), enabled });
}

export const patientCertificatesQuery = (patientId: string) =>
  queryOptions({
    queryKey: queryKeys.patientCertificates(patientId),
    queryFn: () =>
      callEndpoint('listPatientCertificates', {
        params: { patientId },
        response: patientCertificatesResponseSchema,
      }),
  });

export function usePatientCertificates(patientId: string, enabled: boolean) {
  return useQuery({ ...patientCertificatesQuery(patientId), enabled });
}

/** Creates a draft; the caller opens it. */
export function useCreateCertificate() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateCertificateRequest) =>
      callEndpoint('createCertificate', { body, response: certificateResponseSchema }),
    onSuccess: ({ certificate }) => {
      queryClient.setQueryData(queryKeys.certificate(certificate.id), { certificate });
      announceChange(queryClient, {
        kind: 'certificate',
        certificateId: certificate.id,
        patientId: certificate.patient.id,
      });
    },
  });
}

/** "Förnya" from the patient's page: a new draft linked to the signed one; the caller opens it. */
export function useRenewCertificate() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, version }: { id: string; version: number }) =>
      callEndpoint('renewCertificate', {
        params: { id },
        body: { version },
        response: certificateResponseSchema,
      }),
    onSuccess: ({ certificate }, { id }) => {
      queryClient.setQueryData(queryKeys.certificate(certificate.id), { certificate });
      // The renewed certificate now lists its renewal: read it again when next shown.
      void queryClient.invalidateQueries({
        queryKey: queryKeys.certificate(id),
        exact: true,
        refetchType: 'none',
      });
      announceChange(queryClient, {
        kind: 'certificate',
        certificateId: certificate.id,
        patientId: certificate.patient.id,
      });
    },
  });
}
