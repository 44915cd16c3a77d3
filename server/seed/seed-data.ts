import type { CareUnitRecord, PatientRecord, UserRecord } from '../store/schema';

/**
 * The standard practice every scenario starts from. Shared by the backend's seed,
 * Vitest and Playwright, so tests name people by role instead of repeating data.
 *
 * Identity numbers: Skatteverket's official test personnummer and samordningsnummer
 * (open data "Testpersonnummer", via personnummer/meta testdata, see
 * ../shared/data/README.md). They are never issued to real people.
 */

export const careProvider = { hsaId: 'SE5568891234-1000', name: 'Sjöstadens Läkarpraktik AB' };

export const careUnit: CareUnitRecord = {
  id: 'SE5568891234-1E01',
  hsaId: 'SE5568891234-1E01',
  name: 'Läkarmottagningen Sjöstaden',
  postalAddress: 'Sjöviksbacken 14',
  postcode: '117 43',
  city: 'Stockholm',
  phone: '08-123 456 70',
  careProvider,
};

/** The same provider's second practice: the physician and the care administrator work at both. */
export const secondCareUnit: CareUnitRecord = {
  id: 'SE5568891234-1E02',
  hsaId: 'SE5568891234-1E02',
  name: 'Läkarmottagningen Hammarby sjöstad',
  postalAddress: 'Lumaparksvägen 7',
  postcode: '120 31',
  city: 'Stockholm',
  phone: '08-123 456 90',
  careProvider,
};

export const seedCareUnits = [careUnit, secondCareUnit] as const;

const unitHsaIds = [careUnit.hsaId];
const bothUnits = [careUnit.hsaId, secondCareUnit.hsaId];

export const seedUsers = {
  physician: {
    id: 'user-physician-1',
    hsaId: 'SE5568891234-1P01',
    name: 'Anna Lindqvist',
    role: 'physician',
    title: 'Läkare (privatläkare)',
    unitHsaIds: bothUnits,
  },
  secondPhysician: {
    id: 'user-physician-2',
    hsaId: 'SE5568891234-1P02',
    name: 'Erik Berg',
    role: 'physician',
    title: 'Läkare (privatläkare)',
    unitHsaIds,
  },
  careAdmin: {
    id: 'user-care-admin-1',
    hsaId: 'SE5568891234-1A01',
    name: 'Maria Holm',
    role: 'care-admin',
    title: 'Vårdadministratör',
    unitHsaIds: bothUnits,
  },
  nurse: {
    id: 'user-nurse-1',
    hsaId: 'SE5568891234-1S01',
    name: 'Sara Nyström',
    role: 'nurse',
    title: 'Sjuksköterska',
    unitHsaIds,
  },
  midwife: {
    id: 'user-midwife-1',
    hsaId: 'SE5568891234-1B01',
    name: 'Lena Ek',
    role: 'midwife',
    title: 'Barnmorska',
    unitHsaIds,
  },
} satisfies Record<string, UserRecord>;

export type SeedUserKey = keyof typeof seedUsers;

const address = { street: 'Hammarby allé 93', postcode: '120 63', city: 'Stockholm' };

export const seedPatients = {
  adult: {
    id: 'patient-adult-1',
    identityNumber: '197912129280',
    identityKind: 'personnummer',
    firstName: 'Karin',
    lastName: 'Andersson',
    birthDate: '1979-12-12',
    protectedIdentity: false,
    deceased: false,
    testIndicated: false,
    address,
  },
  adultMan: {
    id: 'patient-adult-2',
    identityNumber: '197103011032',
    identityKind: 'personnummer',
    firstName: 'Per',
    middleName: 'Olof',
    lastName: 'Johansson',
    birthDate: '1971-03-01',
    protectedIdentity: false,
    deceased: false,
    testIndicated: false,
    address,
  },
  youngWoman: {
    id: 'patient-adult-3',
    identityNumber: '199611112385',
    identityKind: 'personnummer',
    firstName: 'Elin',
    lastName: 'Sjöberg',
    birthDate: '1996-11-11',
    protectedIdentity: false,
    deceased: false,
    testIndicated: false,
    address,
  },
  child: {
    id: 'patient-child-1',
    identityNumber: '201212121212',
    identityKind: 'personnummer',
    firstName: 'Nils',
    lastName: 'Andersson',
    birthDate: '2012-12-12',
    protectedIdentity: false,
    deceased: false,
    testIndicated: false,
    address,
  },
  protectedIdentity: {
    id: 'patient-protected-1',
    identityNumber: '198001139297',
    identityKind: 'personnummer',
    firstName: 'Johan',
    lastName: 'Lundberg',
    birthDate: '1980-01-13',
    protectedIdentity: true,
    deceased: false,
    testIndicated: false,
  },
  deceased: {
    id: 'patient-deceased-1',
    identityNumber: '195206142597',
    identityKind: 'personnummer',
    firstName: 'Gustav',
    lastName: 'Holmberg',
    birthDate: '1952-06-14',
    protectedIdentity: false,
    deceased: true,
    testIndicated: false,
    address,
  },
  coordinationNumber: {
    id: 'patient-coordination-1',
    identityNumber: '199901902396',
    identityKind: 'samordningsnummer',
    firstName: 'Ahmed',
    lastName: 'Hassan',
    birthDate: '1999-01-30',
    protectedIdentity: false,
    deceased: false,
    testIndicated: false,
  },
  testPerson: {
    id: 'patient-test-1',
    identityNumber: '198002079294',
    identityKind: 'personnummer',
    firstName: 'Olle',
    lastName: 'Provsson',
    birthDate: '1980-02-07',
    protectedIdentity: false,
    deceased: false,
    testIndicated: true,
    address,
  },
} satisfies Record<string, PatientRecord>;

export type SeedPatientKey = keyof typeof seedPatients;

/** A valid test personnummer that no seeded patient has (for "not found"). */
export const unknownIdentityNumber = '198001249286';

export const defaultSessionSettings = {
  idleTimeoutSeconds: 30 * 60,
  warningSeconds: 60,
} as const;

/** Försäkringskassan's office the simulated case officers work at (FK's organisation number). */
export const fkOffice = { hsaId: 'SE2021005521-FK01', name: 'Försäkringskassan' } as const;

export interface FkOfficer {
  id: string;
  name: string;
  /** As FK signs its messages: the officer and how to reach them. */
  contactInfo: readonly string[];
}

/** FK's case officers who can log in to the FK simulator (not care users). */
export const fkOfficers: readonly FkOfficer[] = [
  {
    id: 'fk-officer-1',
    name: 'Helena Strand',
    contactInfo: ['Helena Strand, handläggare', 'Försäkringskassan', 'Telefon 0771-524 524'],
  },
  {
    id: 'fk-officer-2',
    name: 'Johan Ek',
    contactInfo: ['Johan Ek, handläggare', 'Försäkringskassan', 'Telefon 0771-524 524'],
  },
];
