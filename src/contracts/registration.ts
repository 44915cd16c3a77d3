import { z } from 'zod';
import { named } from './named';
import { identityNumberSchema } from './identity-number';
import { hsaIdSchema, opaqueIdSchema } from './common';

/**
 * Private practitioner registration (privatläkare): the simulated e-identification's test
 * persons, the HOSP look-up (Socialstyrelsen's register of licensed healthcare personnel),
 * the registration itself, and the registered physician's own details ("Mina uppgifter").
 * The identity number travels only in POST bodies, never in a URL.
 */

/** Types of care (vårdform), as in Webcert's private practitioner registration. */
export const careForms = {
  oppenvard: 'Öppenvård',
  slutenvard: 'Slutenvård',
  hemsjukvard: 'Hemsjukvård',
} as const;
export type CareForm = keyof typeof careForms;

/** Types of practice (verksamhetstyp). */
export const activityTypes = {
  allmanmedicin: 'Allmänmedicin',
  'anestesi-intensivvard': 'Anestesi och intensivvård',
  arbetsmedicin: 'Arbetsmedicin',
  'barn-ungdomsmedicin': 'Barn- och ungdomsmedicin',
  'barn-ungdomspsykiatri': 'Barn- och ungdomspsykiatri',
  geriatrik: 'Geriatrik',
  'gynekologi-obstetrik': 'Gynekologi och obstetrik',
  'hud-konssjukdomar': 'Hud- och könssjukdomar',
  internmedicin: 'Internmedicin',
  kirurgi: 'Kirurgi',
  neurologi: 'Neurologi',
  ortopedi: 'Ortopedi',
  psykiatri: 'Psykiatri',
  rehabiliteringsmedicin: 'Rehabiliteringsmedicin',
  reumatologi: 'Reumatologi',
  ogonsjukdomar: 'Ögonsjukdomar',
  'oron-nas-hals': 'Öron-, näs- och halssjukdomar',
  'ovrig-medicinsk': 'Övrig medicinsk verksamhet',
} as const;
export type ActivityType = keyof typeof activityTypes;

function keysOf<T extends Record<string, string>>(
  record: T,
): [keyof T & string, ...(keyof T & string)[]] {
  const [first, ...rest] = Object.keys(record);
  if (first === undefined) throw new Error('An empty list of options');
  return [first, ...rest];
}

export const registrationMessages = {
  organisationNumberFormat: 'Organisationsnumret ska skrivas med tio siffror: NNNNNN-NNNN.',
  organisationNumberCheckDigit:
    'Kontrollsiffran i organisationsnumret stämmer inte. Kontrollera att numret är rätt skrivet.',
  name: 'Ange verksamhetens namn.',
  postalAddress: 'Ange postadress.',
  postcode: 'Postnumret ska skrivas med fem siffror: NNN NN.',
  city: 'Ange postort.',
  phone: 'Ange ett telefonnummer med siffror, till exempel 08-123 456 70.',
  email: 'Ange en giltig e-postadress, till exempel namn@exempel.se.',
  careForm: 'Välj vårdform.',
  activityType: 'Välj verksamhetstyp.',
  tooLong: (max: number) => `Texten får vara högst ${String(max)} tecken.`,
} as const;

/** The Luhn check of a Swedish organisation number's ten digits. */
export function luhnValid(digits: string): boolean {
  let sum = 0;
  for (let index = 0; index < digits.length; index += 1) {
    const value = Number(digits[index]) * (index % 2 === 0 ? 2 : 1);
    sum += value > 9 ? value - 9 : value;
  }
  return sum % 10 === 0;
}

/** An organisation number as written: NNNNNN-NNNN, with a correct check digit. */
export const organisationNumberSchema = named(
  'OrganisationNumber',
  z
    .string()
    .regex(/^\d{6}-\d{4}$/, registrationMessages.organisationNumberFormat)
    .refine(
      (value) => luhnValid(value.replace('-', '')),
      registrationMessages.organisationNumberCheckDigit,
    ),
);

function text(message: string, max: number) {
  return z.string().trim().min(1, message).max(max, registrationMessages.tooLong(max));
}

/** What the physician tells about the practice, and may change later. */
export const practiceDetailsSchema = named(
  'PracticeDetails',
  z.object({
    name: text(registrationMessages.name, 100),
    postalAddress: text(registrationMessages.postalAddress, 100),
    postcode: z.string().regex(/^\d{3} \d{2}$/, registrationMessages.postcode),
    city: text(registrationMessages.city, 50),
    phone: z
      .string()
      .trim()
      .regex(/^\+?\d[\d -]{4,19}$/, registrationMessages.phone),
    email: z.email(registrationMessages.email).max(100, registrationMessages.tooLong(100)),
    careForm: z.enum(keysOf(careForms), registrationMessages.careForm),
    activityType: z.enum(keysOf(activityTypes), registrationMessages.activityType),
  }),
);
export type PracticeDetails = z.infer<typeof practiceDetailsSchema>;

/** A person the simulated e-identification offers (test identities). */
export const eidPersonSchema = named(
  'EidPerson',
  z.object({ identityNumber: identityNumberSchema, name: z.string().min(1) }),
);
export const eidOptionsResponseSchema = named(
  'EidOptionsResponse',
  z.object({ persons: z.array(eidPersonSchema) }),
);
export type EidPerson = z.infer<typeof eidPersonSchema>;

export const hospLookupRequestSchema = named(
  'HospLookupRequest',
  z.object({ identityNumber: identityNumberSchema }),
);
export type HospLookupRequest = z.infer<typeof hospLookupRequestSchema>;

/** What HOSP says of a licensed physician: shown read-only, never typed by the user. */
export const hospPersonSchema = named(
  'HospPerson',
  z.object({
    name: z.string().min(1),
    /** The licensed profession (legitimationsyrke), e.g. "Läkare". */
    profession: z.string().min(1),
    specialities: z.array(z.string().min(1)),
    /** Förskrivarkod: seven digits. */
    prescriberCode: z.string().regex(/^\d{7}$/),
  }),
);
export type HospPerson = z.infer<typeof hospPersonSchema>;
export const hospLookupResponseSchema = named(
  'HospLookupResponse',
  z.object({ person: hospPersonSchema }),
);

export const registrationRequestSchema = named(
  'RegistrationRequest',
  z.object({
    identityNumber: identityNumberSchema,
    organisationNumber: organisationNumberSchema,
    practice: practiceDetailsSchema,
  }),
);
export type RegistrationRequest = z.infer<typeof registrationRequestSchema>;

export const registrationResponseSchema = named(
  'RegistrationResponse',
  z.object({
    userId: opaqueIdSchema,
    unitHsaId: hsaIdSchema,
    name: z.string().min(1),
    unitName: z.string().min(1),
  }),
);
export type RegistrationResponse = z.infer<typeof registrationResponseSchema>;

/** "Mina uppgifter": the registered physician's own details. */
export const myDetailsSchema = named(
  'MyDetails',
  z.object({
    person: hospPersonSchema,
    organisationNumber: organisationNumberSchema,
    unitHsaId: hsaIdSchema,
    practice: practiceDetailsSchema,
  }),
);
export type MyDetails = z.infer<typeof myDetailsSchema>;
