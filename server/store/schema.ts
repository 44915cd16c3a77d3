import { z } from 'zod';
import { faultSchema, scenarioNameSchema } from '../../src/contracts/testability';
import { patientSchema } from '../../src/contracts/patients';
import { careUnitSchema, userSchema } from '../../src/contracts/session';
import {
  hsaIdSchema,
  isoDateSchema,
  isoDateTimeSchema,
  roleSchema,
} from '../../src/contracts/common';
import {
  actorSchema,
  answersSchema,
  certificateEventSchema,
  certificateStatusSchema,
  certificateTypeCodeSchema,
  complementRequestedSchema,
  previousPeriodsSchema,
  consentSchema,
  draftCompletenessSchema,
  relationTypeSchema,
  revocationSchema,
  sentSchema,
} from '../../src/contracts/certificates';
import { fkReceivedCertificateSchema } from '../../src/contracts/fk';
import { identityNumberSchema } from '../../src/contracts/identity-number';
import { organisationNumberSchema, practiceDetailsSchema } from '../../src/contracts/registration';

/** What a registered practice keeps beyond a care unit's contract fields. */
const registeredPracticeSchema = z.object({
  organisationNumber: organisationNumberSchema,
  email: practiceDetailsSchema.shape.email,
  careForm: practiceDetailsSchema.shape.careForm,
  activityType: practiceDetailsSchema.shape.activityType,
  /** The physician who registered it: the one who may change its details. */
  registrantUserId: z.string(),
  registeredAt: z.number(),
});
import { operatingMessageSchema } from '../../src/contracts/operating-messages';
import {
  cannotComplementReasonSchema,
  complementItemSchema,
  reminderSchema,
  threadAnswerSchema,
  threadHandledSchema,
  threadPartySchema,
  threadTopicSchema,
} from '../../src/contracts/threads';

/**
 * What the backend keeps in its store (IndexedDB in the browser, SQL on the server). Every
 * record read back is parsed with its schema: storage is a boundary like the API.
 */

export const careUnitRecordSchema = careUnitSchema.extend({
  id: hsaIdSchema,
  /** A private physician's own practice, registered in Intyga (server/http/registration.ts). */
  practice: registeredPracticeSchema.optional(),
});
export type CareUnitRecord = z.infer<typeof careUnitRecordSchema>;

export const userRecordSchema = userSchema.extend({
  /** The care units the user holds an assignment (medarbetaruppdrag) at. */
  unitHsaIds: z.array(hsaIdSchema).min(1),
  /** A registered private physician's identity number (from e-identification), never shown. */
  identityNumber: identityNumberSchema.optional(),
  /** The certificate types the user has starred in the catalogue (absent: none yet). */
  favouriteCertificateTypes: z.array(certificateTypeCodeSchema).optional(),
});
export type UserRecord = z.infer<typeof userRecordSchema>;

export const patientRecordSchema = patientSchema;
export type PatientRecord = z.infer<typeof patientRecordSchema>;

export const sessionRecordSchema = z.object({
  id: z.string().min(16),
  /**
   * Whose session it is: a care user (userId, unitHsaId: the unit), an FK case officer in
   * the simulator (userId: the officer, unitHsaId: FK's office), or a patient in Mina intyg
   * (userId: the patient's record id, no unit). Sessions stored before principals existed
   * were all care users'.
   */
  principal: z.enum(['care', 'fk', 'patient']).default('care'),
  userId: z.string(),
  unitHsaId: hsaIdSchema.optional(),
  createdAt: z.number(),
  lastSeenAt: z.number(),
});
export type SessionRecord = z.infer<typeof sessionRecordSchema>;

export const settingsRecordSchema = z.object({
  id: z.literal('settings'),
  scenario: scenarioNameSchema,
  fault: faultSchema,
  sessionIdleSeconds: z.number().int().min(2),
  sessionWarningSeconds: z.number().int().min(1),
  /** Added to the real clock: lets testers move the backend's time. */
  clockOffsetMs: z.number().int(),
  /** The last day the nightly job locked old drafts (it runs on the first call of a day). */
  draftsLockedOn: z.iso.date().optional(),
  /** Operating messages set through the testability API (the configured ones are not stored). */
  operatingMessages: z.array(operatingMessageSchema).optional(),
});
export type SettingsRecord = z.infer<typeof settingsRecordSchema>;

export const auditRecordSchema = z.object({
  id: z.string(),
  at: z.number(),
  action: z.enum([
    'login',
    'logout',
    'session-expired',
    /** Ended by a newer log-in of the same user beyond the per-user bound. */
    'session-evicted',
    'patient-lookup',
    'patient-read',
    'certificate-create',
    'certificate-read',
    'certificate-update',
    'certificate-consent',
    'certificate-ready-for-sign',
    'certificate-sign',
    'certificate-send',
    'certificate-print',
    'certificate-revoke',
    'certificate-renew',
    'certificate-replace',
    'certificate-copy',
    'certificate-delete',
    /** A complementing draft made from FK's complement request. */
    'certificate-complement',
    'thread-create',
    'thread-answer',
    'thread-handle',
    'thread-reopen',
    'thread-forward',
    'thread-cannot-complement',
    /** The session's care unit chosen after log-in, or switched ("Byt vårdenhet"). */
    'care-unit-chosen',
    /** A private physician registered a practice (server/http/registration.ts). */
    'practitioner-register',
    'practitioner-details-update',
  ]),
  /** The certificate the entry is about, if any. */
  certificateId: z.string().optional(),
  /** Who acted, when not a care user: the patient in Mina intyg, or an FK case officer. */
  principal: z.enum(['patient', 'fk']).optional(),
  role: roleSchema.optional(),
  /** PDL purpose of the access. */
  purpose: z.literal('Vård och behandling').optional(),
  userId: z.string().optional(),
  unitHsaId: hsaIdSchema.optional(),
  /** Opaque patient id, never the identity number. */
  patientId: z.string().optional(),
});
export type AuditRecord = z.infer<typeof auditRecordSchema>;

/**
 * A dialogue thread with FK about a certificate: one question with its reminders and its
 * answer (see src/contracts/threads.ts). `state` mirrors `handled` for the indexes (IndexedDB
 * cannot index a boolean or a missing field); `messageIds` holds every message id the thread
 * has received or sent, so a duplicate is found by index.
 */
export const threadRecordSchema = z.object({
  id: z.string(),
  version: z.number().int().min(1),
  certificateId: z.string(),
  /** The certificate's type and signer, which never change once it is signed (for the inbox). */
  certificateType: certificateTypeCodeSchema,
  signedBy: actorSchema,
  unitHsaId: hsaIdSchema,
  patientId: z.string(),
  state: z.enum(['open', 'handled']),
  topic: threadTopicSchema,
  from: threadPartySchema,
  author: actorSchema.optional(),
  subject: z.string().min(1),
  text: z.string().min(1),
  sentAt: isoDateTimeSchema,
  /** When anything last arrived or was sent in the thread (the inbox's "Skickat/mottaget"). */
  lastMessageAt: isoDateTimeSchema,
  messageId: z.string().min(1),
  messageIds: z.array(z.string().min(1)).min(1),
  fkReference: z.string().optional(),
  contactInfo: z.array(z.string()),
  lastDateToReply: isoDateSchema.optional(),
  complements: z.array(complementItemSchema),
  reminders: z.array(reminderSchema),
  answer: threadAnswerSchema.optional(),
  answerDraft: z
    .object({ text: z.string(), savedAt: isoDateTimeSchema, savedBy: actorSchema })
    .optional(),
  handled: threadHandledSchema.optional(),
  forwarded: z.boolean(),
  complementedBy: z
    .object({ certificateId: z.string(), status: certificateStatusSchema })
    .optional(),
  cannotComplement: z
    .object({ reason: cannotComplementReasonSchema, text: z.string().min(1) })
    .optional(),
});
export type ThreadRecord = z.infer<typeof threadRecordSchema>;

/** What the inbox reads of a thread: no texts. */
export const threadListRowSchema = threadRecordSchema.pick({
  id: true,
  certificateId: true,
  certificateType: true,
  signedBy: true,
  unitHsaId: true,
  patientId: true,
  state: true,
  topic: true,
  from: true,
  lastMessageAt: true,
  lastDateToReply: true,
  reminders: true,
  answer: true,
  handled: true,
  forwarded: true,
});
export type ThreadListRow = z.infer<typeof threadListRowSchema>;

/**
 * A certificate: its definition code and version, the answers, a version for optimistic
 * locking, its status, consent, signer, sending and events. Times are ISO strings (UTC).
 */
export const certificateRecordSchema = z.object({
  id: z.string(),
  type: certificateTypeCodeSchema,
  definitionVersion: z.string(),
  status: certificateStatusSchema,
  version: z.number().int().min(1),
  unitHsaId: hsaIdSchema,
  patientId: z.string(),
  answers: answersSchema,
  completeness: draftCompletenessSchema,
  createdAt: isoDateTimeSchema,
  createdBy: actorSchema,
  savedAt: isoDateTimeSchema,
  savedBy: actorSchema,
  readyForSign: z.object({ at: isoDateTimeSchema, by: actorSchema }).optional(),
  consent: consentSchema.optional(),
  signed: z.object({ at: isoDateTimeSchema, by: actorSchema }).optional(),
  sent: sentSchema.optional(),
  revoked: revocationSchema.optional(),
  /** The certificate this one was made from, and how (its children are found by index). */
  parent: z.object({ type: relationTypeSchema, certificateId: z.string() }).optional(),
  /** On a complementing draft: FK's requests it answers, as they stood when it was made. */
  complementRequested: complementRequestedSchema.optional(),
  /** On a renewal: the renewed certificate's periods, as they were signed. */
  previousPeriods: previousPeriodsSchema.optional(),
  events: z.array(certificateEventSchema),
  /** Sessions that have saved the draft (the audit log records the first save per session). */
  savedInSessions: z.array(z.string()).max(50),
  /** The editor that made the latest save, and the version that save made (see saveAnswers). */
  lastSave: z.object({ editorId: z.string(), version: z.number().int().min(1) }).optional(),
});
export type CertificateRecord = z.infer<typeof certificateRecordSchema>;

/**
 * The part of a certificate record a list row shows, stored beside each record in
 * `certificateRows` (written with it, see `CertificateCollection`), so that a list of tens of
 * thousands of certificates reads neither answers nor events nor sessions.
 */
export const certificateListRowSchema = certificateRecordSchema.pick({
  id: true,
  type: true,
  status: true,
  unitHsaId: true,
  patientId: true,
  completeness: true,
  createdAt: true,
  savedAt: true,
  savedBy: true,
  readyForSign: true,
  signed: true,
  sent: true,
  revoked: true,
  parent: true,
});
export type CertificateListRow = z.infer<typeof certificateListRowSchema>;

/** What Försäkringskassan has received, as the FK simulator and the testers read it. */
export const fkReceivedRecordSchema = fkReceivedCertificateSchema;
export type FkReceivedRecord = z.infer<typeof fkReceivedRecordSchema>;

export const collections = {
  careUnits: careUnitRecordSchema,
  users: userRecordSchema,
  patients: patientRecordSchema,
  sessions: sessionRecordSchema,
  settings: settingsRecordSchema,
  audit: auditRecordSchema,
  threads: threadRecordSchema,
  certificates: certificateRecordSchema,
  certificateRows: certificateListRowSchema,
  fkReceived: fkReceivedRecordSchema,
} as const;

export type CollectionName = keyof typeof collections;
export type RecordOf<C extends CollectionName> = z.infer<(typeof collections)[C]>;
export const collectionNames = Object.keys(collections).filter(
  (name): name is CollectionName => name in collections,
);
