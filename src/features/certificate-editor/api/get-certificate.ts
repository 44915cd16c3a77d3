import { queryOptions, useQuery } from '@tanstack/react-query';
import { certificateResponseSchema } from '../../../contracts/certificates';
import { callEndpoint } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';
import { definitionVersionQuery } from '../../../services/get-definition';

export function getCertificate(certificateId: string) {
  return callEndpoint('getCertificate', {
    params: { id: certificateId },
    response: certificateResponseSchema,
  });
}

export const certificateQuery = (certificateId: string) =>
  queryOptions({
    queryKey: queryKeys.certificate(certificateId),
    queryFn: async ({ client }) => {
      const response = await getCertificate(certificateId);
      // The form's definition is the next thing the page needs: start loading it right away.
      const { type, definitionVersion } = response.certificate;
      // Errors are not handled here: the page reads the same query and shows them.
      client.query(definitionVersionQuery(type, definitionVersion)).catch(() => undefined);
      return response;
    },
    // The entry changes only by this tab's own writes (api/certificate-writes.ts) and by a
    // read the page asks for: never by a background refetch. Each write is based on the
    // entry's version, so a refetch behind an open editor would base its next save on a
    // version whose answers the form does not hold. Another tab's change only marks the entry
    // stale (query-keys' listener); the page reads it again before it draws it next time,
    // and an open editor meets that change as a conflict on its next save.
    staleTime: Infinity,
    refetchOnReconnect: false,
    refetchOnWindowFocus: false,
  });

export function useCertificate(certificateId: string) {
  return useQuery(certificateQuery(certificateId));
}

/** Starts loading the certificate beside the session, instead of after it (no waterfall). */
export function usePrefetchCertificate(certificateId: string | undefined) {
  useQuery({ ...certificateQuery(certificateId ?? ''), enabled: certificateId !== undefined });
}
