import { named } from './named';
import { roleSchema as formEngineRoleSchema } from '../form-engine/roles';
import { z } from 'zod';

/** Every error the API returns has this body: a stable code and a Swedish message. */
export const apiErrorSchema = named(
  'ApiError',
  z.object({
    code: z.string().min(1),
    message: z.string().min(1),
  }),
);
export type ApiError = z.infer<typeof apiErrorSchema>;

/** Codes the API uses in error bodies. */
export const apiErrorCodes = {
  badRequest: 'BAD_REQUEST',
  unauthenticated: 'UNAUTHENTICATED',
  sessionExpired: 'SESSION_EXPIRED',
  forbidden: 'FORBIDDEN',
  notFound: 'NOT_FOUND',
  conflict: 'CONFLICT',
  payloadTooLarge: 'PAYLOAD_TOO_LARGE',
  serverError: 'SERVER_ERROR',
  /** 500: a stored record the request reads does not match its schema (that record only). */
  recordUnreadable: 'RECORD_UNREADABLE',
  /** 503: the store cannot be used right now (full, down); nothing was written: retry later. */
  storageUnavailable: 'STORAGE_UNAVAILABLE',
  /** 403: the session's care unit is still to be chosen (a user with several units). */
  unitNotChosen: 'UNIT_NOT_CHOSEN',
} as const;

/** The user roles: one definition, shared with the certificate definitions' policies. */
export { type Role } from '../form-engine/roles';
export const roleSchema = named('Role', formEngineRoleSchema);

export const hsaIdSchema = named(
  'HsaId',
  z.string().regex(/^SE[0-9A-Z-]{6,40}$/, 'Ogiltigt HSA-id.'),
);

/** Opaque identifiers, for URLs: never anything shaped like an identity number. */
export const opaqueIdSchema = named(
  'OpaqueId',
  z
    .string()
    .regex(/^[a-z0-9-]{6,64}$/, 'Ogiltigt id.')
    .refine((id) => !/^(\d{2})?\d{6}-?\d{4}$/.test(id), 'Ogiltigt id.'),
);

export const isoDateSchema = named('IsoDate', z.iso.date());
export const isoDateTimeSchema = named('IsoDateTime', z.iso.datetime({ offset: true }));

/**
 * The principals a session can belong to: a care user, an FK case officer (the simulator), a
 * patient (Mina intyg). Each has a session of its own in a browser.
 */
export const principalKindSchema = named('PrincipalKind', z.enum(['care', 'fk', 'patient']));
export type PrincipalKind = z.infer<typeof principalKindSchema>;

/**
 * The header in which the browser app names the principal a call acts as. On the Node server
 * the session travels in that principal's HttpOnly cookie, and the cookie counts only when this
 * header names its principal: a cross-site form or link cannot send a custom header, so a
 * cookie alone never authenticates (CSRF). A log-in that sends it is answered with the cookie
 * instead of the token.
 */
export const PRINCIPAL_HEADER = 'x-intyga-principal';

/**
 * A log-in's session token, for the `Authorization: Bearer` header. Absent when the session
 * travels in an HttpOnly cookie instead: the Node server's answer to a log-in that names its
 * principal in `X-Intyga-Principal` (the browser app), so scripts never see the token.
 */
export const loginTokenSchema = z.string().min(16).optional();
