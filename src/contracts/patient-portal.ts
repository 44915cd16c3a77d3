import { named } from './named';
import { z } from 'zod';
import { isoDateSchema, isoDateTimeSchema, opaqueIdSchema, loginTokenSchema } from './common';
import { identityNumberSchema } from './identity-number';
import { answersSchema, certificateTypeCodeSchema } from './certificates';

/**
 * Mina intyg: the patient logs in by a simulated e-identification and sees, prints and sends
 * their own signed certificates. The patient's principal reaches only these endpoints, and
 * only their own certificates through them.
 */

/** A person the simulated e-identification can identify (the store's living patients). */
export const portalPersonSchema = named(
  'PortalPerson',
  z.object({
    id: opaqueIdSchema,
    name: z.string().min(1),
    identityNumber: identityNumberSchema,
  }),
);
export type PortalPerson = z.infer<typeof portalPersonSchema>;

export const portalLoginOptionsResponseSchema = named(
  'PortalLoginOptionsResponse',
  z.object({
    people: z.array(portalPersonSchema),
  }),
);
export const portalLoginRequestSchema = named(
  'PortalLoginRequest',
  z.object({
    patientId: z.string().min(1, 'Välj vem du vill logga in som.').max(64),
  }),
);
export const portalSessionSchema = named(
  'PortalSession',
  z.object({
    patient: portalPersonSchema,
    /** The server's today, as every session has it. */
    today: isoDateSchema,
  }),
);
export type PortalSession = z.infer<typeof portalSessionSchema>;
export const portalLoginResponseSchema = named(
  'PortalLoginResponse',
  z.object({
    token: loginTokenSchema,
    session: portalSessionSchema,
  }),
);

/** What the patient may do with one certificate, decided by the server. */
export const portalActionSchema = named(
  'PortalAction',
  z.object({
    type: z.enum(['print', 'send']),
    enabled: z.boolean(),
    /** Why not, in plain Swedish, when it is not enabled. */
    reason: z.string().optional(),
  }),
);
export type PortalAction = z.infer<typeof portalActionSchema>;

/** One of the patient's certificates as their list shows it. */
export const portalCertificateRowSchema = named(
  'PortalCertificateRow',
  z.object({
    id: opaqueIdSchema,
    type: certificateTypeCodeSchema,
    formNumber: z.string().min(1),
    name: z.string().min(1),
    kind: z.enum(['intyg', 'utlåtande']),
    /** Revoked ones are listed as revoked, without their content. */
    status: z.enum(['signed', 'revoked']),
    signedAt: isoDateTimeSchema,
    signedBy: z.object({ name: z.string().min(1), title: z.string().min(1) }),
    unitName: z.string().min(1),
    /** When it was sent to Försäkringskassan, and by whom: the patient, or the care user named. */
    sent: z
      .object({
        at: isoDateTimeSchema,
        byPatient: z.boolean(),
        senderName: z.string().min(1).optional(),
      })
      .optional(),
    revokedAt: isoDateTimeSchema.optional(),
    /** The newer certificate that replaces it, when one does. */
    replacedBy: z.object({ id: opaqueIdSchema, signedAt: isoDateTimeSchema }).optional(),
  }),
);
export type PortalCertificateRow = z.infer<typeof portalCertificateRowSchema>;

export const portalCertificateListResponseSchema = named(
  'PortalCertificateListResponse',
  z.object({
    certificates: z.array(portalCertificateRowSchema),
  }),
);

/** One certificate with its content (none when it is revoked) and what the patient may do. */
export const portalCertificateSchema = named(
  'PortalCertificate',
  portalCertificateRowSchema.extend({
    definitionVersion: z.string().min(1),
    patient: z.object({
      name: z.string().min(1),
      identityNumber: identityNumberSchema,
      birthDate: isoDateSchema,
    }),
    unit: z.object({
      name: z.string().min(1),
      postalAddress: z.string().min(1),
      postcode: z.string().min(1),
      city: z.string().min(1),
      phone: z.string().min(1),
    }),
    answers: answersSchema.optional(),
    /** The older certificate this one replaces, when it does. */
    replaces: opaqueIdSchema.optional(),
    actions: z.array(portalActionSchema),
  }),
);
export type PortalCertificate = z.infer<typeof portalCertificateSchema>;

export const portalCertificateResponseSchema = named(
  'PortalCertificateResponse',
  z.object({ certificate: portalCertificateSchema }),
);
