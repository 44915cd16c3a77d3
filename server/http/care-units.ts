import { endpoints } from '../../src/contracts/endpoints';
import { apiErrorCodes } from '../../src/contracts/common';
import { careUnitChoicesResponseSchema } from '../../src/contracts/care-units';
import { sessionSchema } from '../../src/contracts/session';
import type { Database } from '../store/store';
import { serve } from './guard';
import { audit, errorResponse, jsonResponse } from './support';
import { careUnitMessages, toSession, toUnit } from './session';
import { countWork, type WorkListCaches } from './work-lists';

/**
 * The choice of care unit, for a user with assignments at several: after log-in (the session
 * has no unit until it is chosen, and every unit-scoped endpoint refuses it until then) and
 * "Byt vårdenhet" (the session's unit changes; everything the user reads is then the new
 * unit's). Both answer before a unit is chosen (`beforeUnitChoice` in the registry).
 */
export function careUnitHandlers(db: Database, caches: WorkListCaches) {
  return [
    /** The user's units, each with the user's work counts there, as the badges count them. */
    serve(db, endpoints.listCareUnitChoices, async ({ auth }) => {
      const units = await db.read(async (tx) => tx.careUnits.getMany(auth.user.unitHsaIds));
      const choices = await Promise.all(
        units.map(async (unit) => ({
          unit: toUnit(unit),
          counts: await countWork(db, caches, auth.user.role, unit.hsaId),
        })),
      );
      return jsonResponse(careUnitChoicesResponseSchema, {
        units: choices,
        ...(auth.unit === undefined ? {} : { currentUnitHsaId: auth.unit.hsaId }),
      });
    }),

    /** Chooses or switches the session's unit: only one of the user's own; audited. */
    serve(db, endpoints.chooseCareUnit, async ({ auth, body }) =>
      db.write(async (tx) => {
        const unit = auth.user.unitHsaIds.includes(body.unitHsaId)
          ? await tx.careUnits.get(body.unitHsaId)
          : undefined;
        if (unit === undefined) {
          return errorResponse(403, apiErrorCodes.forbidden, careUnitMessages.notAssigned);
        }
        await tx.sessions.put({ ...auth.session, unitHsaId: unit.hsaId });
        await audit(tx, auth.now, 'care-unit-chosen', {
          userId: auth.user.id,
          unitHsaId: unit.hsaId,
          role: auth.user.role,
        });
        return jsonResponse(sessionSchema, toSession(auth.user, unit, auth.settings, auth.now));
      }),
    ),
  ];
}
