import { named } from './named';
import { z } from 'zod';
import { hsaIdSchema, isoDateSchema, isoDateTimeSchema, opaqueIdSchema } from './common';
import {
  actorSchema,
  certificateStatusSchema,
  certificateTypeCodeSchema,
  complementItemSchema,
  consentInputSchema,
  THREAD_TEXT_MAX,
} from './certificates';
import { identityNumberSchema } from './identity-number';
import { textTooLongMessage } from '../language/swedish';
import { fkText } from './fk-text';

// A complement request's items are also part of the complementing certificate: defined there.
export { complementItemSchema, THREAD_TEXT_MAX, type ComplementItem } from './certificates';

/**
 * Dialogue threads ("ärenden") between a care unit and Försäkringskassan about a signed,
 * sent certificate: FK's complement requests (the medical dialogue) and administrative
 * questions either side may start. A thread is one question with its reminders and its
 * answer. Every thread the API returns carries the actions the user may take on it now,
 * as certificates do.
 */

/** FK's topic codes (amne). Reminders (PAMINN) are not threads: they join the one they chase. */
export const threadTopicSchema = named(
  'ThreadTopic',
  z.enum(['KOMPLT', 'AVSTMN', 'KONTKT', 'OVRIGT']),
);
export type ThreadTopic = z.infer<typeof threadTopicSchema>;

/** What care may start: FK alone requests complements. */
export const careTopicSchema = named(
  'CareTopic',
  z.enum(['AVSTMN', 'KONTKT', 'OVRIGT'], {
    error: 'Välj typ av fråga.',
  }),
);
export type CareTopic = z.infer<typeof careTopicSchema>;

/** The topics' names, as FK's code system and Webcert show them. */
export const threadTopicLabels: Readonly<Record<ThreadTopic, string>> = {
  KOMPLT: 'Komplettering',
  AVSTMN: 'Avstämningsmöte',
  KONTKT: 'Kontakt',
  OVRIGT: 'Övrigt',
};

/** The cap on a "Kan ej komplettera" answer, as in Webcert. */
export const CANNOT_COMPLEMENT_TEXT_MAX = 500;

export const threadTextSchema = fkText(
  z
    .string()
    .trim()
    .min(1, 'Skriv ett meddelande.')
    .max(THREAD_TEXT_MAX, textTooLongMessage(THREAD_TEXT_MAX)),
);

/** Who wrote a message: Försäkringskassan, or the care unit. */
export const threadPartySchema = named('ThreadParty', z.enum(['FK', 'care']));
export type ThreadParty = z.infer<typeof threadPartySchema>;

export const reminderSchema = named(
  'Reminder',
  z.object({
    messageId: z.string().min(1),
    sentAt: isoDateTimeSchema,
    text: z.string().min(1),
  }),
);
export type Reminder = z.infer<typeof reminderSchema>;

export const threadAnswerSchema = named(
  'ThreadAnswer',
  z.object({
    messageId: z.string().min(1),
    sentAt: isoDateTimeSchema,
    text: z.string().min(1),
    from: threadPartySchema,
    /** The care user who answered, when care did. */
    author: actorSchema.optional(),
  }),
);
export type ThreadAnswer = z.infer<typeof threadAnswerSchema>;

/** Why a complement request could not be met with a new certificate (Webcert's two reasons). */
export const cannotComplementReasonSchema = named(
  'CannotComplementReason',
  z.enum(['no-further-medical-information', 'no-one-responsible'], {
    error: 'Välj varför du inte kan komplettera.',
  }),
);
export type CannotComplementReason = z.infer<typeof cannotComplementReasonSchema>;

export const cannotComplementReasonLabels: Readonly<Record<CannotComplementReason, string>> = {
  'no-further-medical-information': 'Ingen ytterligare medicinsk information kan anges.',
  'no-one-responsible': 'Ingen på vårdenheten kan ansvara för det medicinska innehållet i intyget.',
};

/** How a thread came to be handled. */
export const handledHowSchema = z.enum([
  /** Someone at the unit marked it handled. */
  'marked',
  /** Care answered FK's question. */
  'answered',
  /** A complementing certificate was signed. */
  'complemented',
  'cannot-complement',
  /** The certificate was revoked. */
  'revoked',
]);

export const threadHandledSchema = named(
  'ThreadHandled',
  z.object({
    at: isoDateTimeSchema,
    how: handledHowSchema,
    by: actorSchema.optional(),
  }),
);

/** What the unit has to do about a thread: the inbox's "Åtgärd". */
export const threadToDoSchema = named(
  'ThreadToDo',
  z.enum(['complement', 'answer', 'read-answer', 'await-answer', 'handled']),
);
export type ThreadToDo = z.infer<typeof threadToDoSchema>;

export const threadToDoLabels: Readonly<Record<ThreadToDo, string>> = {
  complement: 'Komplettera',
  answer: 'Svara',
  'read-answer': 'Läs inkommet svar',
  'await-answer': 'Invänta svar',
  handled: 'Hanterat ärende',
};

export const threadActionTypeSchema = named(
  'ThreadActionType',
  z.enum(['answer', 'complement', 'cannot-complement', 'mark-handled', 'reopen', 'forward']),
);
export type ThreadActionType = z.infer<typeof threadActionTypeSchema>;

export const threadActionSchema = named(
  'ThreadAction',
  z.object({
    type: threadActionTypeSchema,
    label: z.string().min(1),
    enabled: z.boolean(),
    reason: z.string().optional(),
  }),
);
export type ThreadAction = z.infer<typeof threadActionSchema>;

export const threadPatientSchema = z.object({
  id: opaqueIdSchema,
  name: z.string().min(1),
  identityNumber: identityNumberSchema,
  protectedIdentity: z.boolean(),
  deceased: z.boolean(),
  testIndicated: z.boolean(),
});

/** The certificate a thread is about, as the inbox and the panel name it. */
export const threadCertificateSchema = z.object({
  id: opaqueIdSchema,
  type: certificateTypeCodeSchema,
  formNumber: z.string().min(1),
  name: z.string().min(1),
  status: certificateStatusSchema,
  signedAt: isoDateTimeSchema,
  signedBy: actorSchema,
});

/** How far off a question's last day to answer is: overdue and soon-due questions stand out. */
export const threadDueSchema = named('ThreadDue', z.enum(['overdue', 'soon', 'later', 'none']));
export type ThreadDue = z.infer<typeof threadDueSchema>;

export const threadSchema = named(
  'Thread',
  z.object({
    id: opaqueIdSchema,
    /** Optimistic locking, as certificates have it: every write names the version it read. */
    version: z.number().int().min(1),
    certificate: threadCertificateSchema,
    patient: threadPatientSchema,
    unitHsaId: hsaIdSchema,
    topic: threadTopicSchema,
    from: threadPartySchema,
    /** The care user who wrote it, when care did. */
    author: actorSchema.optional(),
    subject: z.string().min(1),
    text: z.string().min(1),
    sentAt: isoDateTimeSchema,
    /** FK's own reference for the question, when FK gave one. */
    fkReference: z.string().optional(),
    /** FK's contact lines (the case officer, a phone number). */
    contactInfo: z.array(z.string()),
    /** "Svara senast": the last day to answer, when FK set one. */
    lastDateToReply: isoDateSchema.optional(),
    due: threadDueSchema,
    complements: z.array(complementItemSchema),
    reminders: z.array(reminderSchema),
    answer: threadAnswerSchema.optional(),
    /** The care unit's unsent answer, saved as it is typed. */
    answerDraft: z
      .object({ text: z.string(), savedAt: isoDateTimeSchema, savedBy: actorSchema })
      .optional(),
    handled: threadHandledSchema.optional(),
    forwarded: z.boolean(),
    /** The complementing certificate made from this request, draft or signed. */
    complementedBy: z
      .object({ certificateId: opaqueIdSchema, status: certificateStatusSchema })
      .optional(),
    cannotComplement: z
      .object({ reason: cannotComplementReasonSchema, text: z.string().min(1) })
      .optional(),
    toDo: threadToDoSchema,
    actions: z.array(threadActionSchema),
  }),
);
export type Thread = z.infer<typeof threadSchema>;

export const threadResponseSchema = named('ThreadResponse', z.object({ thread: threadSchema }));
export const certificateThreadsResponseSchema = named(
  'CertificateThreadsResponse',
  z.object({ threads: z.array(threadSchema) }),
);

export const versionedThreadRequestSchema = named(
  'VersionedThreadRequest',
  z.object({ version: z.number().int().min(1) }),
);

/** Care starts an administrative question to FK about a sent certificate. */
export const newThreadRequestSchema = named(
  'NewThreadRequest',
  z.object({
    topic: careTopicSchema,
    text: threadTextSchema,
  }),
);
export type NewThreadRequest = z.infer<typeof newThreadRequestSchema>;

export const saveAnswerDraftRequestSchema = named(
  'SaveAnswerDraftRequest',
  z.object({
    version: z.number().int().min(1),
    text: fkText(z.string().max(THREAD_TEXT_MAX, textTooLongMessage(THREAD_TEXT_MAX))),
  }),
);

export const answerThreadRequestSchema = named(
  'AnswerThreadRequest',
  z.object({
    version: z.number().int().min(1),
    text: threadTextSchema,
  }),
);

export const setHandledRequestSchema = named(
  'SetHandledRequest',
  z.object({
    version: z.number().int().min(1),
    handled: z.boolean(),
  }),
);

/** "Komplettera": the consent to the complement comes first, as FK requires. */
export const complementRequestSchema = named(
  'ComplementRequest',
  z.object({
    version: z.number().int().min(1),
    consent: consentInputSchema,
  }),
);

export const cannotComplementRequestSchema = named(
  'CannotComplementRequest',
  z.object({
    version: z.number().int().min(1),
    reason: cannotComplementReasonSchema,
    text: fkText(
      z
        .string()
        .trim()
        .min(1, 'Skriv en kommentar.')
        .max(CANNOT_COMPLEMENT_TEXT_MAX, textTooLongMessage(CANNOT_COMPLEMENT_TEXT_MAX)),
    ),
  }),
);

/** The inbox's "Åtgärd" filter: Webcert's choices. */
export const inboxToDoFilterSchema = z.enum([
  'unhandled',
  'all',
  'handled',
  'complement',
  'answer',
  'read-answer',
  'await-answer',
]);
export type InboxToDoFilter = z.infer<typeof inboxToDoFilterSchema>;

export const inboxSortSchema = z.enum([
  'due',
  'toDo',
  'from',
  'patient',
  'signedBy',
  'sentAt',
  'forwarded',
]);
export type InboxSort = z.infer<typeof inboxSortSchema>;

export const inboxRequestSchema = named(
  'InboxRequest',
  z.object({
    page: z.number().int().min(1).max(100_000).default(1),
    pageSize: z.union([z.literal(10), z.literal(25), z.literal(50), z.literal(100)]).default(25),
    /** "due" (the default) puts overdue, then soon-due questions first, then the newest. */
    sort: inboxSortSchema.default('due'),
    order: z.enum(['asc', 'desc']).default('asc'),
    filter: z
      .object({
        toDo: inboxToDoFilterSchema.default('unhandled'),
        from: threadPartySchema.optional(),
        signedBy: opaqueIdSchema.optional(),
        /** Part of the patient's name or identity number (in the body, never in a URL). */
        patient: z.string().trim().max(40, 'Skriv högst 40 tecken.').optional(),
        sentFrom: isoDateSchema.optional(),
        sentTo: isoDateSchema.optional(),
        forwarded: z.boolean().optional(),
      })
      .default({ toDo: 'unhandled' }),
  }),
);
export type InboxRequest = z.input<typeof inboxRequestSchema>;

/** One row of the inbox. */
export const inboxRowSchema = named(
  'InboxRow',
  z.object({
    threadId: opaqueIdSchema,
    certificateId: opaqueIdSchema,
    certificateType: certificateTypeCodeSchema,
    formNumber: z.string().min(1),
    topic: threadTopicSchema,
    toDo: threadToDoSchema,
    /** Webcert's "Påminnelse: " prefix: FK has sent a reminder about it. */
    reminded: z.boolean(),
    from: threadPartySchema,
    patient: z.object({ name: z.string().min(1), identityNumber: identityNumberSchema }),
    signedBy: z.object({ id: opaqueIdSchema, name: z.string().min(1) }),
    /** When it was sent (care's question) or received (FK's): its latest message. */
    sentAt: isoDateTimeSchema,
    lastDateToReply: isoDateSchema.optional(),
    due: threadDueSchema,
    forwarded: z.boolean(),
  }),
);
export type InboxRow = z.infer<typeof inboxRowSchema>;

export const inboxResponseSchema = named(
  'InboxResponse',
  z.object({
    items: z.array(inboxRowSchema),
    total: z.number().int().min(0),
    page: z.number().int().min(1),
    pageSize: z.number().int().min(1),
    /** Everyone who signed a certificate with a thread on the unit, for "Signerat av". */
    signers: z.array(z.object({ id: opaqueIdSchema, name: z.string().min(1) })),
  }),
);
export type InboxResponse = z.infer<typeof inboxResponseSchema>;
