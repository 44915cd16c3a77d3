import { named } from './named';
import { z } from 'zod';
import { isoDateSchema, opaqueIdSchema } from './common';
import { identityNumberSchema } from './identity-number';

export const patientLookupRequestSchema = named(
  'PatientLookupRequest',
  z.object({
    identityNumber: identityNumberSchema,
  }),
);
export type PatientLookupRequest = z.infer<typeof patientLookupRequestSchema>;

export const patientSchema = named(
  'Patient',
  z.object({
    /** Opaque id for URLs; the identity number never appears in a URL. */
    id: opaqueIdSchema,
    identityNumber: identityNumberSchema,
    identityKind: z.enum(['personnummer', 'samordningsnummer']),
    firstName: z.string().min(1),
    middleName: z.string().optional(),
    lastName: z.string().min(1),
    birthDate: isoDateSchema,
    /** Protected identity (sekretessmarkering): name and address hidden from non-signing roles. */
    protectedIdentity: z.boolean(),
    deceased: z.boolean(),
    /** A test person ("valideringsperson"); certificates for them cannot be sent. */
    testIndicated: z.boolean(),
    address: z
      .object({
        street: z.string().min(1),
        postcode: z.string().min(1),
        city: z.string().min(1),
      })
      .optional(),
  }),
);
export type Patient = z.infer<typeof patientSchema>;

export const patientResponseSchema = named('PatientResponse', z.object({ patient: patientSchema }));
