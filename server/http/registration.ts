import { endpoints } from '../../src/contracts/endpoints';
import { apiErrorCodes } from '../../src/contracts/common';
import {
  eidOptionsResponseSchema,
  hospLookupResponseSchema,
  myDetailsSchema,
  registrationResponseSchema,
} from '../../src/contracts/registration';
import {
  myDetailsOf,
  practiceHsaIds,
  registeredAccount,
  checkRegistration,
  registrationRefusals,
  withPracticeDetails,
  type Refusal,
} from '../domain/registration';
import { eidTestPersons, lookUpHosp } from '../simulators/hosp';
import type { Database } from '../store/store';
import { serve, servePublic } from './guard';
import { audit, errorResponse, jsonResponse, loadSettings, nowFor, type Auth } from './support';

/**
 * Private physicians' registration (privatläkare) against the simulated HOSP register, and
 * their own details ("Mina uppgifter"). The backend decides every step again: the look-up
 * only tells the person early what the registration will decide.
 */

function refusalResponse({ status, message }: Refusal): Response {
  return errorResponse(
    status,
    status === 409 ? apiErrorCodes.conflict : apiErrorCodes.forbidden,
    message,
  );
}

function noDetails(): Response {
  return errorResponse(404, apiErrorCodes.notFound, registrationRefusals.noDetails);
}

function detailsOf(auth: Auth) {
  return myDetailsOf(auth.unit, auth.user, lookUpHosp(auth.user.identityNumber ?? ''));
}

export function registrationHandlers(db: Database) {
  return [
    servePublic(endpoints.listEidPersons, () =>
      Promise.resolve(jsonResponse(eidOptionsResponseSchema, { persons: eidTestPersons() })),
    ),

    servePublic(endpoints.lookUpHosp, async ({ body }) => {
      const users = await db.read((tx) => tx.users.getAll());
      const check = checkRegistration(lookUpHosp(body.identityNumber), users, body.identityNumber);
      if (!check.ok) return refusalResponse(check.refusal);
      const { name, profession, specialities, prescriberCode } = check.hosp;
      return jsonResponse(hospLookupResponseSchema, {
        person: { name, profession, specialities, prescriberCode },
      });
    }),

    servePublic(endpoints.registerPractitioner, async ({ body }) => {
      const hosp = lookUpHosp(body.identityNumber);
      return db.write(async (tx) => {
        const users = await tx.users.getAll();
        const check = checkRegistration(hosp, users, body.identityNumber);
        if (!check.ok) return refusalResponse(check.refusal);
        const ids = practiceHsaIds(body.organisationNumber);
        if ((await tx.careUnits.get(ids.unit)) !== undefined) {
          return refusalResponse({ status: 409, message: registrationRefusals.organisationTaken });
        }
        const now = nowFor(await loadSettings(tx));
        const userId = `user-pp-${crypto.randomUUID()}`;
        const { unit, user } = registeredAccount(body, check.hosp, userId, now);
        await tx.careUnits.put(unit);
        await tx.users.put(user);
        await audit(tx, now, 'practitioner-register', {
          userId,
          unitHsaId: unit.hsaId,
          role: user.role,
        });
        return jsonResponse(
          registrationResponseSchema,
          { userId, unitHsaId: unit.hsaId, name: user.name, unitName: unit.name },
          201,
        );
      });
    }),

    serve(db, endpoints.getMyDetails, ({ auth }) => {
      const details = detailsOf(auth);
      return Promise.resolve(
        details === undefined ? noDetails() : jsonResponse(myDetailsSchema, details),
      );
    }),

    serve(db, endpoints.updateMyDetails, ({ auth, body }) =>
      db.write(async (tx) => {
        // Read again inside the transaction: the session's copy may be older.
        const unit = await tx.careUnits.get(auth.unit.hsaId);
        const changed = unit && withPracticeDetails(unit, auth.user.id, body);
        if (changed === undefined) return noDetails();
        await tx.careUnits.put(changed);
        await audit(tx, auth.now, 'practitioner-details-update', {
          userId: auth.user.id,
          unitHsaId: changed.hsaId,
          role: auth.user.role,
        });
        const details = myDetailsOf(changed, auth.user, lookUpHosp(auth.user.identityNumber ?? ''));
        return details === undefined ? noDetails() : jsonResponse(myDetailsSchema, details);
      }),
    ),
  ];
}
