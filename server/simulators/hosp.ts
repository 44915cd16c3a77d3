import type { EidPerson, HospPerson } from '../../src/contracts/registration';
import { seedUsers } from '../seed/seed-data';

/**
 * Socialstyrelsen's register of licensed healthcare personnel (HOSP), simulated, and the
 * simulated e-identification's test persons who may try to register as private physicians.
 * A real deployment asks HOSP itself and identifies the person with e-legitimation.
 *
 * Identity numbers: Skatteverket's official test personnummer (open data "Testpersonnummer",
 * via personnummer/meta's test data; see ../seed/seed-data.ts). They are never issued to real
 * people. The seeded physicians are here too, with the numbers their accounts hold.
 */

/** A person's entry in the register. */
export interface HospEntry extends HospPerson {
  identityNumber: string;
  /** The licence is revoked (återkallad legitimation). */
  revoked: boolean;
}

/** Legitimationsyrke as HOSP names it. */
export const physicianProfession = 'Läkare';

export const hospTestPersons = {
  /** Seeded physician with an account: Anna Lindqvist. */
  seededPhysician: {
    identityNumber: '197904152381',
    name: 'Anna Lindqvist',
    profession: physicianProfession,
    specialities: ['Allmänmedicin'],
    prescriberCode: '1234567',
    revoked: false,
  },
  /** Seeded physician with an account: Erik Berg. */
  seededSecondPhysician: {
    identityNumber: '197712112395',
    name: 'Erik Berg',
    profession: physicianProfession,
    specialities: [],
    prescriberCode: '2345678',
    revoked: false,
  },
  /** Licensed physician without an account: may register. */
  newPhysician: {
    identityNumber: '198008122387',
    name: 'Sofia Wikström',
    profession: physicianProfession,
    specialities: ['Allmänmedicin', 'Geriatrik'],
    prescriberCode: '3456789',
    revoked: false,
  },
  /** Licensed physician without an account: may register. */
  secondNewPhysician: {
    identityNumber: '197608072398',
    name: 'Mikael Strand',
    profession: physicianProfession,
    specialities: ['Psykiatri'],
    prescriberCode: '4567890',
    revoked: false,
  },
  /** Licensed nurse, not a physician: refused. */
  nurse: {
    identityNumber: '197704112395',
    name: 'Lars Dahl',
    profession: 'Sjuksköterska',
    specialities: [],
    prescriberCode: '5678901',
    revoked: false,
  },
  /** Physician whose licence is revoked: refused. */
  revokedPhysician: {
    identityNumber: '198104092393',
    name: 'Henrik Falk',
    profession: physicianProfession,
    specialities: ['Kirurgi'],
    prescriberCode: '6789012',
    revoked: true,
  },
} as const satisfies Record<string, HospEntry>;

/** The seeded physicians' identity numbers, which their accounts hold (../seed/seed.ts). */
export const seededAccountIdentityNumbers: ReadonlyMap<string, string> = new Map([
  [seedUsers.physician.id, hospTestPersons.seededPhysician.identityNumber],
  [seedUsers.secondPhysician.id, hospTestPersons.seededSecondPhysician.identityNumber],
]);

/** A test person the e-identification knows but HOSP does not: refused. */
export const notInHosp = { identityNumber: '198112082386', name: 'Emma Lund' } as const;

const register: readonly HospEntry[] = Object.values(hospTestPersons);

/** The register's answer for an identity number (12 digits), or undefined: not in it. */
export function lookUpHosp(identityNumber: string): HospEntry | undefined {
  return register.find((entry) => entry.identityNumber === identityNumber);
}

/** Whom the simulated e-identification offers, in the order testers meet them. */
export function eidTestPersons(): EidPerson[] {
  const { newPhysician, secondNewPhysician, nurse, revokedPhysician, seededPhysician } =
    hospTestPersons;
  return [
    newPhysician,
    secondNewPhysician,
    nurse,
    revokedPhysician,
    notInHosp,
    seededPhysician,
  ].map(({ identityNumber, name }) => ({ identityNumber, name }));
}
