import { endpoints } from '../../src/contracts/endpoints';
import { favouritesResponseSchema } from '../../src/contracts/favourites';
import { withFavourite } from '../domain/favourites';
import type { Database } from '../store/store';
import { serve } from './guard';
import { jsonResponse } from './support';

/**
 * PUT /api/favourite-certificate-types/{type}: the care user's star on a type in the
 * catalogue, kept on their user record (per user, whatever the unit; across sessions). No
 * patient data, so not audited.
 */
export function favouriteHandlers(db: Database) {
  return [
    serve(db, endpoints.setFavouriteCertificateType, async ({ auth, params, body }) =>
      db.write(async (tx) => {
        // Read afresh in this transaction, so that two tabs' stars never undo each other.
        const user = (await tx.users.get(auth.user.id)) ?? auth.user;
        const favourites = withFavourite(
          user.favouriteCertificateTypes ?? [],
          params.type,
          body.favourite,
        );
        await tx.users.put({ ...user, favouriteCertificateTypes: favourites });
        return jsonResponse(favouritesResponseSchema, { favourites });
      }),
    ),
  ];
}
