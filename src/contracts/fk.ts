import { z } from 'zod';
import { isoDateTimeSchema } from './common';
import {
  actorSchema,
  answersSchema,
  certificateTypeCodeSchema,
  relationTypeSchema,
  revokeReasonSchema,
} from './certificates';

/** A certificate as Försäkringskassan received it (the FK simulator reads these). */
export const fkReceivedCertificateSchema = z.object({
  id: z.string(),
  certificateId: z.string(),
  type: certificateTypeCodeSchema,
  definitionVersion: z.string(),
  unitHsaId: z.string(),
  patientId: z.string(),
  receivedAt: isoDateTimeSchema,
  sentBy: z.enum(['care', 'patient']),
  signedAt: isoDateTimeSchema,
  signedBy: actorSchema,
  answers: answersSchema,
  /** Set when care revoked it: FK is told, and the certificate no longer counts. */
  revoked: z.object({ at: isoDateTimeSchema, reason: revokeReasonSchema }).optional(),
  /** The certificate this one replaces or complements, when it does. */
  relatesTo: z.object({ type: relationTypeSchema, certificateId: z.string() }).optional(),
});
export type FkReceivedCertificate = z.infer<typeof fkReceivedCertificateSchema>;

export const fkReceivedResponseSchema = z.object({
  received: z.array(fkReceivedCertificateSchema),
});
