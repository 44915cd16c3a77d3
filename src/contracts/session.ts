import { named } from './named';
import { z } from 'zod';
import { hsaIdSchema, opaqueIdSchema, roleSchema, loginTokenSchema } from './common';

export const careProviderSchema = named(
  'CareProvider',
  z.object({
    hsaId: hsaIdSchema,
    name: z.string().min(1),
  }),
);
export type CareProvider = z.infer<typeof careProviderSchema>;

export const careUnitSchema = named(
  'CareUnit',
  z.object({
    hsaId: hsaIdSchema,
    name: z.string().min(1),
    postalAddress: z.string().min(1),
    postcode: z.string().regex(/^\d{3} ?\d{2}$/),
    city: z.string().min(1),
    phone: z.string().min(1),
    careProvider: careProviderSchema,
  }),
);
export type CareUnit = z.infer<typeof careUnitSchema>;

export const userSchema = named(
  'User',
  z.object({
    id: opaqueIdSchema,
    hsaId: hsaIdSchema,
    name: z.string().min(1),
    role: roleSchema,
    /** Profession as shown to FK, e.g. "Läkare (privatläkare)". */
    title: z.string().min(1),
  }),
);
export type User = z.infer<typeof userSchema>;

/**
 * One row on the test log-in page: a person, once, with the care units they may log in at
 * (with several, the log-in ends with a choice of unit).
 */
export const loginOptionSchema = named(
  'LoginOption',
  z.object({
    user: userSchema,
    units: z.array(careUnitSchema).min(1),
  }),
);
export type LoginOption = z.infer<typeof loginOptionSchema>;
export const loginOptionsResponseSchema = named(
  'LoginOptionsResponse',
  z.object({ options: z.array(loginOptionSchema) }),
);

export const loginRequestSchema = named(
  'LoginRequest',
  z.object({
    userId: opaqueIdSchema,
    /**
     * The unit to log in at. Without it, a user with one unit logs in there, and a user with
     * several gets a session whose unit is chosen next (`chooseCareUnit`).
     */
    unitHsaId: hsaIdSchema.optional(),
  }),
);
export type LoginRequest = z.infer<typeof loginRequestSchema>;

export const sessionSettingsSchema = named(
  'SessionSettings',
  z.object({
    /** Seconds without requests before the session ends. */
    idleTimeoutSeconds: z
      .number()
      .int()
      .min(2)
      .max(24 * 3600),
    /** Seconds before the end at which the user is warned. */
    warningSeconds: z.number().int().min(1).max(3600),
  }),
);
export type SessionSettings = z.infer<typeof sessionSettingsSchema>;

export const sessionSchema = named(
  'Session',
  z.object({
    user: userSchema,
    unit: careUnitSchema,
    settings: sessionSettingsSchema,
    /** The server's today ('YYYY-MM-DD'): the one clock the forms evaluate with. */
    today: z.iso.date(),
  }),
);
export type Session = z.infer<typeof sessionSchema>;

export const loginResponseSchema = named(
  'LoginResponse',
  z.object({
    token: loginTokenSchema,
    /** Absent while the session's care unit is still to be chosen (`chooseCareUnit`). */
    session: sessionSchema.optional(),
  }),
);
export type LoginResponse = z.infer<typeof loginResponseSchema>;

/** Keep-alive answer: how long the session has left. */
export const sessionPingResponseSchema = named(
  'SessionPingResponse',
  z.object({
    secondsLeft: z.number().int().min(0),
  }),
);
