import { z } from 'zod';
import { scenarioNameSchema } from '../../src/contracts/testability';
import { patientSchema } from '../../src/contracts/patients';
import { careUnitSchema, userSchema } from '../../src/contracts/session';
import { hsaIdSchema } from '../../src/contracts/common';

/**
 * What the embedded backend keeps in IndexedDB. Every record read back is parsed with
 * its schema: storage is a boundary like the API.
 */

export const careUnitRecordSchema = careUnitSchema.extend({ id: hsaIdSchema });
export type CareUnitRecord = z.infer<typeof careUnitRecordSchema>;

export const userRecordSchema = userSchema.extend({
  /** The care units the user holds an assignment (medarbetaruppdrag) at. */
  unitHsaIds: z.array(hsaIdSchema).min(1),
});
export type UserRecord = z.infer<typeof userRecordSchema>;

export const patientRecordSchema = patientSchema;
export type PatientRecord = z.infer<typeof patientRecordSchema>;

export const sessionRecordSchema = z.object({
  id: z.string().min(16),
  userId: z.string(),
  unitHsaId: hsaIdSchema,
  createdAt: z.number(),
  lastSeenAt: z.number(),
});
export type SessionRecord = z.infer<typeof sessionRecordSchema>;

export const faultSchema = z.enum(['none', 'server-error', 'network-error', 'slow']);
export type Fault = z.infer<typeof faultSchema>;

export const settingsRecordSchema = z.object({
  id: z.literal('settings'),
  scenario: scenarioNameSchema,
  fault: faultSchema,
  sessionIdleSeconds: z.number().int().min(2),
  sessionWarningSeconds: z.number().int().min(1),
  /** Added to the real clock: lets testers move the backend's time. */
  clockOffsetMs: z.number().int(),
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
  ]),
  userId: z.string().optional(),
  unitHsaId: hsaIdSchema.optional(),
  /** Opaque patient id, never the identity number. */
  patientId: z.string().optional(),
});
export type AuditRecord = z.infer<typeof auditRecordSchema>;

/** Dialogue threads with FK; the full shape arrives with the inbox. */
export const threadRecordSchema = z.object({
  id: z.string(),
  unitHsaId: hsaIdSchema,
  patientId: z.string(),
  handled: z.boolean(),
});
export type ThreadRecord = z.infer<typeof threadRecordSchema>;

/** Certificates; the full shape arrives with the lifecycle. */
export const certificateRecordSchema = z.object({
  id: z.string(),
  unitHsaId: hsaIdSchema,
  patientId: z.string(),
  status: z.enum(['draft', 'signed', 'revoked']),
});
export type CertificateRecord = z.infer<typeof certificateRecordSchema>;

export const collections = {
  careUnits: careUnitRecordSchema,
  users: userRecordSchema,
  patients: patientRecordSchema,
  sessions: sessionRecordSchema,
  settings: settingsRecordSchema,
  audit: auditRecordSchema,
  threads: threadRecordSchema,
  certificates: certificateRecordSchema,
} as const;

export type CollectionName = keyof typeof collections;
export type RecordOf<C extends CollectionName> = z.infer<(typeof collections)[C]>;
export const collectionNames = Object.keys(collections).filter(
  (name): name is CollectionName => name in collections,
);
