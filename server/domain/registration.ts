import type {
  MyDetails,
  PracticeDetails,
  RegistrationRequest,
} from '../../src/contracts/registration';
import type { CareUnitRecord, UserRecord } from '../store/schema';
import { physicianProfession, type HospEntry } from '../simulators/hosp';

/**
 * The rules of a private physician's registration, without I/O: who may register (HOSP's
 * answer and the accounts that exist), and the care provider, care unit and user it creates.
 */

const hospName = 'Socialstyrelsens register över legitimerad hälso- och sjukvårdspersonal (HOSP)';

export const registrationRefusals = {
  notInRegister: `Du finns inte i ${hospName}. Bara legitimerade läkare kan registrera sig som privatläkare i Intyga.`,
  notPhysician: `Enligt ${hospName} har du ingen legitimation som läkare. Bara legitimerade läkare kan registrera sig som privatläkare i Intyga.`,
  revoked: `Din läkarlegitimation är återkallad enligt ${hospName}. Du kan därför inte registrera dig som privatläkare i Intyga.`,
  alreadyRegistered:
    'Du har redan ett konto i Intyga. Logga in från startsidan i stället för att registrera dig igen.',
  organisationTaken:
    'Organisationsnumret är redan registrerat för en annan vårdgivare i Intyga. Kontrollera numret.',
  noDetails:
    'Det finns inga egna uppgifter att ändra här. Uppgifterna om din vårdenhet hanteras av din vårdgivare.',
} as const;

export type Refusal = { status: 403; message: string } | { status: 409; message: string };

/**
 * Whether this person may register: HOSP must hold an unrevoked physician's licence, and the
 * person must not have an account already. Answers HOSP's entry, or the refusal.
 */
export function checkRegistration(
  hosp: HospEntry | undefined,
  users: readonly UserRecord[],
  identityNumber: string,
): { ok: true; hosp: HospEntry } | { ok: false; refusal: Refusal } {
  const refuse = (refusal: Refusal) => ({ ok: false, refusal }) as const;
  if (hosp === undefined)
    return refuse({ status: 403, message: registrationRefusals.notInRegister });
  if (hosp.profession !== physicianProfession) {
    return refuse({ status: 403, message: registrationRefusals.notPhysician });
  }
  if (hosp.revoked) return refuse({ status: 403, message: registrationRefusals.revoked });
  if (users.some((user) => user.identityNumber === identityNumber)) {
    return refuse({ status: 409, message: registrationRefusals.alreadyRegistered });
  }
  return { ok: true, hosp };
}

/** HSA ids in the seeded practice's form: SE + the organisation number + a suffix. */
export function practiceHsaIds(organisationNumber: string) {
  const base = `SE${organisationNumber.replace('-', '')}`;
  return { careProvider: `${base}-1000`, unit: `${base}-1E01`, physician: `${base}-1P01` };
}

/** The care unit's fields for these practice details (the provider is named as the practice). */
function unitFields(
  unit: Pick<CareUnitRecord, 'hsaId' | 'careProvider'>,
  practice: PracticeDetails,
) {
  return {
    name: practice.name,
    postalAddress: practice.postalAddress,
    postcode: practice.postcode,
    city: practice.city,
    phone: practice.phone,
    careProvider: { hsaId: unit.careProvider.hsaId, name: practice.name },
  };
}

/** The records a registration creates: the care unit (with its provider) and the physician. */
export function registeredAccount(
  request: RegistrationRequest,
  hosp: HospEntry,
  userId: string,
  now: number,
): { unit: CareUnitRecord; user: UserRecord } {
  const ids = practiceHsaIds(request.organisationNumber);
  const { practice } = request;
  const unit: CareUnitRecord = {
    id: ids.unit,
    hsaId: ids.unit,
    ...unitFields(
      { hsaId: ids.unit, careProvider: { hsaId: ids.careProvider, name: practice.name } },
      practice,
    ),
    practice: {
      organisationNumber: request.organisationNumber,
      email: practice.email,
      careForm: practice.careForm,
      activityType: practice.activityType,
      registrantUserId: userId,
      registeredAt: now,
    },
  };
  const user: UserRecord = {
    id: userId,
    hsaId: ids.physician,
    name: hosp.name,
    role: 'physician',
    title: 'Läkare (privatläkare)',
    unitHsaIds: [ids.unit],
    identityNumber: request.identityNumber,
  };
  return { unit, user };
}

/** The unit with changed practice details; undefined when the user did not register it. */
export function withPracticeDetails(
  unit: CareUnitRecord,
  userId: string,
  practice: PracticeDetails,
): CareUnitRecord | undefined {
  if (unit.practice?.registrantUserId !== userId) return undefined;
  return {
    ...unit,
    ...unitFields(unit, practice),
    practice: {
      ...unit.practice,
      email: practice.email,
      careForm: practice.careForm,
      activityType: practice.activityType,
    },
  };
}

/** "Mina uppgifter" of the unit's registrant, or undefined for anyone else. */
export function myDetailsOf(
  unit: CareUnitRecord,
  user: UserRecord,
  hosp: HospEntry | undefined,
): MyDetails | undefined {
  const { practice } = unit;
  if (practice?.registrantUserId !== user.id || hosp === undefined) return undefined;
  const { name, profession, specialities, prescriberCode } = hosp;
  return {
    person: { name, profession, specialities, prescriberCode },
    organisationNumber: practice.organisationNumber,
    unitHsaId: unit.hsaId,
    practice: {
      name: unit.name,
      postalAddress: unit.postalAddress,
      postcode: unit.postcode,
      city: unit.city,
      phone: unit.phone,
      email: practice.email,
      careForm: practice.careForm,
      activityType: practice.activityType,
    },
  };
}
