import { queryOptions, useQuery } from '@tanstack/react-query';
import { certificateResponseSchema } from '../../../contracts/certificates';
import { apiRequest } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';
import { apiPath, routes } from '../../../contracts/routes';

export function getCertificate(certificateId: string) {
  return apiRequest(
    apiPath(routes.getCertificate, { id: certificateId }),
    certificateResponseSchema,
  );
}

export const certificateQuery = (certificateId: string) =>
  queryOptions({
    queryKey: queryKeys.certificate(certificateId),
    queryFn: () => getCertificate(certificateId),
    // The editor owns the draft while it is open: no background refetch replaces its answers.
    staleTime: Infinity,
  });

export function useCertificate(certificateId: string) {
  return useQuery(certificateQuery(certificateId));
}
