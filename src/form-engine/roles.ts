import { z } from 'zod';

/** The roles a user acts in: who may draft and sign is a definition's policy over these. */
export const roleSchema = z.enum(['physician', 'care-admin', 'nurse', 'midwife']);
export type Role = z.infer<typeof roleSchema>;
