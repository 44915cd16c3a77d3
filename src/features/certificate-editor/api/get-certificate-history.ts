import { useQuery } from '@tanstack/react-query';
import { certificateHistoryResponseSchema } from '../../../contracts/certificate-history';
import { callEndpoint } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';

/**
 * A certificate's history, read when it is shown: as of the version the page shows (so each
 * of this tab's writes reads it again), and again whenever a change may have added to it.
 */
export function useCertificateHistory(certificateId: string, version: number, enabled: boolean) {
  return useQuery({
    queryKey: queryKeys.certificateHistory(certificateId, version),
    queryFn: () =>
      callEndpoint('getCertificateHistory', {
        params: { id: certificateId },
        response: certificateHistoryResponseSchema,
      }),
    enabled,
  });
}
