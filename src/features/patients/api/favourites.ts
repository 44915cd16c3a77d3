import { useMutation, useQueryClient } from '@tanstack/react-query';
import type {
  CertificateCatalogueResponse,
  CertificateTypeEntry,
} from '../../../contracts/certificates';
import { favouritesResponseSchema } from '../../../contracts/favourites';
import { callEndpoint } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';

export interface FavouriteChange {
  type: CertificateTypeEntry['type'];
  favourite: boolean;
}

/**
 * Stars or unstars a certificate type for the user (PUT /api/favourite-certificate-types/
 * {type}). The star shows the change at once; the catalogue is read again afterwards, and on
 * a failure shows what the backend keeps. Other patients' catalogues are read afresh when
 * they are opened (they are never fresh for long), so they follow.
 */
export function useSetFavourite(patientId: string) {
  const queryClient = useQueryClient();
  const queryKey = queryKeys.patientCatalogue(patientId);
  return useMutation({
    mutationFn: ({ type, favourite }: FavouriteChange) =>
      callEndpoint('setFavouriteCertificateType', {
        params: { type },
        body: { favourite },
        response: favouritesResponseSchema,
      }),
    onMutate: async ({ type, favourite }: FavouriteChange) => {
      await queryClient.cancelQueries({ queryKey });
      queryClient.setQueryData<CertificateCatalogueResponse>(queryKey, (catalogue) =>
        catalogue === undefined
          ? undefined
          : {
              ...catalogue,
              types: catalogue.types.map((entry) =>
                entry.type === type ? { ...entry, favourite } : entry,
              ),
            },
      );
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey }),
  });
}
