import { z } from 'zod';
import { named } from './named';
import { isoDateTimeSchema, opaqueIdSchema } from './common';
import { certificateTypeCodeSchema, relationTypeSchema } from './certificates';
import { threadTopicSchema } from './threads';

/**
 * A certificate's history ("Historik", Webcert's `/events`): what happened to it, who did it
 * and when, newest first. Built by the backend from the certificate's own events, its
 * threads with Försäkringskassan and the certificates made from it; never from the PDL
 * audit log, which stays separate.
 */
export const certificateHistoryEventTypeSchema = named(
  'CertificateHistoryEventType',
  z.enum([
    'created',
    'saved',
    'consent-recorded',
    'ready-for-sign',
    'signed',
    'sent',
    'sent-by-patient',
    'printed-by-patient',
    'revoked',
    'locked',
    'question-received',
    'complement-requested',
    'reminder-received',
    'question-sent',
    'answered',
    'answer-received',
    'renewed',
    'replaced',
    'complemented',
  ]),
);
export type CertificateHistoryEventType = z.infer<typeof certificateHistoryEventTypeSchema>;

export const certificateHistoryEventSchema = named(
  'CertificateHistoryEvent',
  z.object({
    type: certificateHistoryEventTypeSchema,
    at: isoDateTimeSchema,
    /** A grouped event (one user's saves in one session): its last instant. */
    until: isoDateTimeSchema.optional(),
    /** Who: a care user's name, "Försäkringskassan", the patient, or Intyga itself. */
    by: z.string().min(1),
    /** The thread's topic, on an event of the dialogue with Försäkringskassan. */
    topic: threadTopicSchema.optional(),
    /** The certificate that renews, replaces or complements this one. */
    related: z
      .object({
        id: opaqueIdSchema,
        type: certificateTypeCodeSchema,
        relation: relationTypeSchema,
      })
      .optional(),
  }),
);
export type CertificateHistoryEvent = z.infer<typeof certificateHistoryEventSchema>;

export const certificateHistoryResponseSchema = named(
  'CertificateHistoryResponse',
  z.object({ events: z.array(certificateHistoryEventSchema) }),
);
export type CertificateHistoryResponse = z.infer<typeof certificateHistoryResponseSchema>;
