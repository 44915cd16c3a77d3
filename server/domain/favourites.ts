import type { CertificateCatalogueResponse } from '../../src/contracts/certificates';
import { certificateTypes, type CertificateTypeCode } from '../../src/definitions';

/**
 * A care user's favourite certificate types, as pure rules: the list after a star is set or
 * cleared (each type once, in the catalogue's order), and the catalogue with the favourites
 * first, each group in the catalogue's order.
 */

export function withFavourite(
  current: readonly CertificateTypeCode[],
  type: CertificateTypeCode,
  favourite: boolean,
): CertificateTypeCode[] {
  return certificateTypes.filter((candidate) =>
    candidate === type ? favourite : current.includes(candidate),
  );
}

export function favouritesFirst(
  catalogue: CertificateCatalogueResponse,
  favourites: readonly CertificateTypeCode[],
): CertificateCatalogueResponse {
  const marked = catalogue.types.map((entry) => ({
    ...entry,
    favourite: favourites.includes(entry.type),
  }));
  return {
    ...catalogue,
    types: [
      ...marked.filter((entry) => entry.favourite),
      ...marked.filter((entry) => !entry.favourite),
    ],
  };
}
