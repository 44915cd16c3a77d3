import { named } from './named';
import { z } from 'zod';
import { isoDateSchema, isoDateTimeSchema, opaqueIdSchema, loginTokenSchema } from './common';
import { identityNumberSchema } from './identity-number';
import { threadSchema, threadTextSchema, threadTopicSchema } from './threads';
import {
  actorSchema,
  answersSchema,
  certificateTypeCodeSchema,
  relationTypeSchema,
  revokeReasonSchema,
} from './certificates';

/** A certificate as Försäkringskassan received it (the FK simulator reads these). */
export const fkReceivedCertificateSchema = named(
  'FkReceivedCertificate',
  z.object({
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
  }),
);
export type FkReceivedCertificate = z.infer<typeof fkReceivedCertificateSchema>;

export const fkReceivedResponseSchema = named(
  'FkReceivedResponse',
  z.object({
    received: z.array(fkReceivedCertificateSchema),
  }),
);

// -- The FK simulator: Försäkringskassan's case officers, as testers play them ---------------

export const fkOfficerSchema = named(
  'FkOfficer',
  z.object({ id: z.string().min(1), name: z.string().min(1) }),
);
export type FkOfficerSummary = z.infer<typeof fkOfficerSchema>;

export const fkLoginOptionsResponseSchema = named(
  'FkLoginOptionsResponse',
  z.object({ officers: z.array(fkOfficerSchema) }),
);
export const fkLoginRequestSchema = named(
  'FkLoginRequest',
  z.object({
    officerId: z.string().min(1, 'Välj en handläggare.').max(64),
  }),
);
export const fkSessionSchema = named(
  'FkSession',
  z.object({
    officer: fkOfficerSchema,
    /** The server's today, as care sessions have it. */
    today: z.iso.date(),
  }),
);
export type FkSession = z.infer<typeof fkSessionSchema>;
export const fkLoginResponseSchema = named(
  'FkLoginResponse',
  z.object({
    token: loginTokenSchema,
    session: fkSessionSchema,
  }),
);

/** One certificate FK has received, as the simulator lists it. */
export const fkCaseRowSchema = named(
  'FkCaseRow',
  z.object({
    /** The certificate's id (FK's received record is found by it). */
    certificateId: opaqueIdSchema,
    type: certificateTypeCodeSchema,
    formNumber: z.string().min(1),
    name: z.string().min(1),
    patient: z.object({ name: z.string().min(1), identityNumber: identityNumberSchema }),
    unitName: z.string().min(1),
    receivedAt: isoDateTimeSchema,
    sentBy: z.enum(['care', 'patient']),
    revoked: z.boolean(),
    /** FK's questions still waiting for the care unit. */
    openThreads: z.number().int().min(0),
  }),
);
export type FkCaseRow = z.infer<typeof fkCaseRowSchema>;

export const fkCaseListRequestSchema = named(
  'FkCaseListRequest',
  z.object({
    page: z.number().int().min(1).max(100_000).default(1),
    pageSize: z.union([z.literal(10), z.literal(25), z.literal(50), z.literal(100)]).default(25),
    /** Part of the patient's name or identity number (in the body, never in a URL). */
    patient: z.string().trim().max(40, 'Skriv högst 40 tecken.').optional(),
    /** By the day FK received it: the newest first (the default) or the oldest first. */
    order: z.enum(['desc', 'asc']).default('desc'),
  }),
);
export type FkCaseListRequest = z.input<typeof fkCaseListRequestSchema>;

export const fkCaseListResponseSchema = named(
  'FkCaseListResponse',
  z.object({
    items: z.array(fkCaseRowSchema),
    total: z.number().int().min(0),
    page: z.number().int().min(1),
    pageSize: z.number().int().min(1),
  }),
);

/**
 * Where a thread stands, as FK sees it: waiting for the care unit (FK's question), waiting for
 * FK (the unit's question), answered (with text, with a complementing certificate, or with
 * "Kan ej komplettera"), closed at the unit without an answer, or closed by a revocation.
 */
export const fkThreadStateSchema = named(
  'FkThreadState',
  z.enum([
    'awaiting-care',
    'awaiting-fk',
    'answered',
    'complemented',
    'cannot-complement',
    'closed',
    'revoked',
  ]),
);
export type FkThreadState = z.infer<typeof fkThreadStateSchema>;

/** A thread as FK sees it: no care-internal state (answer drafts, forwarding). */
export const fkThreadSchema = named(
  'FkThread',
  threadSchema
    .pick({
      id: true,
      topic: true,
      from: true,
      subject: true,
      text: true,
      sentAt: true,
      fkReference: true,
      contactInfo: true,
      lastDateToReply: true,
      complements: true,
      reminders: true,
      answer: true,
      complementedBy: true,
      cannotComplement: true,
    })
    .extend({
      state: fkThreadStateSchema,
      /** What FK may send in this thread now. */
      mayRemind: z.boolean(),
      mayAnswer: z.boolean(),
    }),
);
export type FkThread = z.infer<typeof fkThreadSchema>;

/** A question of the certificate FK may name in a complement request. */
export const fkQuestionChoiceSchema = named(
  'FkQuestionChoice',
  z.object({
    questionId: z.string().min(1),
    label: z.string().min(1),
    /** Whether the certificate has an answer to it (FK usually asks about what is there). */
    answered: z.boolean(),
  }),
);

export const fkCaseResponseSchema = named(
  'FkCaseResponse',
  z.object({
    case: fkCaseRowSchema,
    certificate: fkReceivedCertificateSchema,
    questions: z.array(fkQuestionChoiceSchema),
    /** What FK may start on it: complement requests and administrative questions. */
    mayRequestComplement: z.boolean(),
    mayAskQuestions: z.boolean(),
    threads: z.array(fkThreadSchema),
  }),
);
export type FkCaseResponse = z.infer<typeof fkCaseResponseSchema>;

const fkMessageIdSchema = z
  .string()
  .trim()
  .min(1)
  .max(64, 'Meddelande-id får vara högst 64 tecken.')
  .regex(/^[A-Za-z0-9._:-]+$/, 'Meddelande-id får bara innehålla bokstäver, siffror och . _ : -');

/**
 * What FK sends about a certificate: a question (a complement request with the questions it
 * names, or an administrative question), a reminder of one of its questions, or an answer to
 * one of the care unit's. `messageId` is FK's id; left out, the simulator makes one.
 */
export const fkMessageRequestSchema = named(
  'FkMessageRequest',
  z.discriminatedUnion('kind', [
    z.object({
      kind: z.literal('question'),
      messageId: fkMessageIdSchema.optional(),
      topic: threadTopicSchema,
      subject: z.string().trim().max(200, 'Rubriken får vara högst 200 tecken.').optional(),
      text: threadTextSchema,
      fkReference: z.string().trim().max(64).optional(),
      lastDateToReply: isoDateSchema.optional(),
      complements: z
        .array(
          z.object({
            questionId: z.string().min(1).max(40),
            instruction: threadTextSchema,
          }),
        )
        .max(100)
        .default([]),
    }),
    z.object({
      kind: z.literal('reminder'),
      messageId: fkMessageIdSchema.optional(),
      threadId: opaqueIdSchema,
      text: threadTextSchema,
    }),
    z.object({
      kind: z.literal('answer'),
      messageId: fkMessageIdSchema.optional(),
      threadId: opaqueIdSchema,
      text: threadTextSchema,
    }),
  ]),
);
export type FkMessageRequest = z.input<typeof fkMessageRequestSchema>;

export const fkThreadResponseSchema = named(
  'FkThreadResponse',
  z.object({ thread: fkThreadSchema }),
);
