import { named } from './named';
import { z } from 'zod';
import { sessionSettingsSchema } from './session';
import { threadSchema } from './threads';

/**
 * Named scenarios a tester can reset the embedded backend to. Each seeds the standard
 * practice; the fault scenarios also make every other API call fail in that way.
 */
export const scenarioNames = [
  'standard',
  'server-error',
  'network-error',
  'slow',
  /** Everything works but the signing service: every signing attempt fails. */
  'signing-error',
  /** The standard practice with sent certificates and threads with FK in every state. */
  'dialogue',
] as const;
export const scenarioNameSchema = named('ScenarioName', z.enum(scenarioNames));
export type ScenarioName = z.infer<typeof scenarioNameSchema>;

export const resetRequestSchema = named(
  'ResetRequest',
  z.object({
    scenario: scenarioNameSchema.default('standard'),
    settings: sessionSettingsSchema.partial().optional(),
  }),
);
export type ResetRequest = z.input<typeof resetRequestSchema>;

export const resetResponseSchema = named(
  'ResetResponse',
  z.object({ scenario: scenarioNameSchema }),
);

/**
 * A fault every API call suffers, or one that only the signing service suffers, or the
 * store's: `storage-error` makes every write to the store fail as a full disk (the browser's
 * storage quota) makes it fail, so the calls that write answer 503 and those that only read
 * work; a reset or switching the fault off ends it.
 */
export const faultSchema = named(
  'Fault',
  z.enum(['none', 'server-error', 'network-error', 'slow', 'signing-error', 'storage-error']),
);
export type Fault = z.infer<typeof faultSchema>;

/** Switches the fault on or off mid-journey without touching the stored data. */
export const setFaultRequestSchema = named('SetFaultRequest', z.object({ fault: faultSchema }));
export type SetFaultRequest = z.infer<typeof setFaultRequestSchema>;
export const setFaultResponseSchema = named('SetFaultResponse', z.object({ fault: faultSchema }));

/**
 * Fills the unit's work lists for benchmarks: drafts, or signed certificates (every other one
 * sent, and received by Försäkringskassan as any sent certificate: the FK simulator lists it),
 * of every type for the seeded patients.
 */
export const bulkDraftsRequestSchema = named(
  'BulkDraftsRequest',
  z.object({
    count: z.number().int().min(1).max(20_000),
    status: z.enum(['draft', 'signed']).default('draft'),
  }),
);
export const bulkDraftsResponseSchema = named(
  'BulkDraftsResponse',
  z.object({ created: z.number().int() }),
);

/**
 * Fills the inbox for benchmarks: `count` questions from FK (complement requests and
 * administrative questions, some reminded, with last days to answer from overdue to none)
 * spread over the unit's sent certificates, which must exist first (bulk signed certificates).
 */
export const bulkThreadsRequestSchema = named(
  'BulkThreadsRequest',
  z.object({
    count: z.number().int().min(1).max(20_000),
  }),
);
export const bulkThreadsResponseSchema = named(
  'BulkThreadsResponse',
  z.object({ created: z.number().int() }),
);

/** Moves the backend's clock: to a day (keeping the time of day), or by days from now. */
export const setClockRequestSchema = named(
  'SetClockRequest',
  z.union([
    z.object({ date: z.iso.date() }),
    z.object({ offsetDays: z.number().int().min(-3650).max(3650) }),
  ]),
);
export type SetClockRequest = z.infer<typeof setClockRequestSchema>;
export const setClockResponseSchema = named('SetClockResponse', z.object({ today: z.iso.date() }));

/** One call makes a draft or a signed certificate of any type for any seeded patient. */
export const createTestCertificateRequestSchema = named(
  'CreateTestCertificateRequest',
  z.object({
    type: z.enum(['fk7804', 'fk7800', 'fk7801', 'fk7802', 'fk3226', 'fk7809', 'fk7210', 'fk7472']),
    patientId: z.string().min(1),
    /** The builders' answer sets, or nothing but the prefilled unit address. */
    answers: z.enum(['complete', 'minimal', 'empty']).default('minimal'),
    /**
     * 'locked-draft' is a draft created 14 days before the backend's today (or `createdDaysAgo`
     * if more) and locked; 'revoked' is signed (and sent when `sent` is the type's way), then
     * revoked for "Annat allvarligt fel".
     */
    status: z
      .enum(['draft', 'ready-for-sign', 'signed', 'sent', 'locked-draft', 'revoked'])
      .default('draft'),
    /** Record the patient's consent (default: yes, unless the answers are empty). */
    consent: z.boolean().optional(),
    /** Who created (and, for signed ones, signed) it: a seeded user id. */
    userId: z.string().min(1).optional(),
    /** Days before the backend's today it was created (and saved). */
    createdDaysAgo: z.number().int().min(0).max(3650).default(0),
    /** The care unit it belongs to (default: the first seeded unit). */
    unitHsaId: z.string().min(1).optional(),
  }),
);
export type CreateTestCertificateRequest = z.input<typeof createTestCertificateRequestSchema>;
export type CreateTestCertificateRequestParsed = z.output<
  typeof createTestCertificateRequestSchema
>;
export const createTestCertificateResponseSchema = named(
  'CreateTestCertificateResponse',
  z.object({ certificateId: z.string() }),
);

/** The audit log as testers read it: never an identity number, only opaque ids. */
export const auditEntrySchema = named(
  'AuditEntry',
  z.object({
    id: z.string(),
    at: z.number(),
    action: z.string(),
    userId: z.string().optional(),
    unitHsaId: z.string().optional(),
    patientId: z.string().optional(),
    certificateId: z.string().optional(),
    principal: z.enum(['patient', 'fk']).optional(),
    role: z.string().optional(),
    purpose: z.string().optional(),
  }),
);
export const auditLogResponseSchema = named(
  'AuditLogResponse',
  z.object({ entries: z.array(auditEntrySchema) }),
);

/** A stored certificate as testers read it back. */
export const storedCertificateResponseSchema = named(
  'StoredCertificateResponse',
  z.object({
    id: z.string(),
    status: z.string(),
    version: z.number().int(),
    answers: z.record(z.string(), z.unknown()),
    savedBy: z.string(),
  }),
);
export type StoredCertificate = z.infer<typeof storedCertificateResponseSchema>;

/** A certificate's threads as stored, for testers: care's state included, no actions. */
export const storedThreadsResponseSchema = named(
  'StoredThreadsResponse',
  z.object({
    threads: z.array(threadSchema.omit({ actions: true })),
  }),
);

/**
 * The stored collections whose records testers may damage, to see that one damaged record
 * stays contained (a draft without answers: the lists, counts and session keep working, and
 * only requests for that record fail).
 */
export const storedRecordCollectionSchema = named(
  'StoredRecordCollection',
  z.enum(['certificates', 'threads', 'patients', 'fkReceived'], 'Samlingen finns inte.'),
);
export type StoredRecordCollection = z.infer<typeof storedRecordCollectionSchema>;

/**
 * Changes a stored record as it is, without its schema: the top-level fields in `remove` are
 * removed, those in `set` are set (its id stays). Nothing else (the list rows) is changed.
 */
export const editStoredRecordRequestSchema = named(
  'EditStoredRecordRequest',
  z.object({
    remove: z.array(z.string().min(1)).max(50).default([]),
    set: z.record(z.string(), z.unknown()).default({}),
  }),
);
export type EditStoredRecordRequest = z.input<typeof editStoredRecordRequestSchema>;
export const editStoredRecordResponseSchema = named(
  'EditStoredRecordResponse',
  z.object({
    collection: storedRecordCollectionSchema,
    id: z.string(),
  }),
);
