import { z } from 'zod';
import { certificateTypeCodeSchema } from './certificates';
import { named } from './named';

/**
 * A care user's favourite certificate types (Webcert's star in the catalogue): kept on the
 * backend per user, whatever the unit, and put first in the catalogue.
 */

/** PUT /api/favourite-certificate-types/{type}: mark or unmark the type as a favourite. */
export const setFavouriteRequestSchema = named(
  'SetFavouriteRequest',
  z.object({ favourite: z.boolean() }),
);
export type SetFavouriteRequest = z.infer<typeof setFavouriteRequestSchema>;

/** The user's favourites after the change, in the catalogue's order. */
export const favouritesResponseSchema = named(
  'FavouritesResponse',
  z.object({ favourites: z.array(certificateTypeCodeSchema) }),
);
export type FavouritesResponse = z.infer<typeof favouritesResponseSchema>;

/** A type in a path: one of the catalogue's, else 400 with this message. */
export const favouriteTypeParamSchema = z.enum(certificateTypeCodeSchema.options, {
  error: 'Det finns ingen sådan intygstyp.',
});
