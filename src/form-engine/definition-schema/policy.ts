/** A certificate type's policy: who may draft and sign, sending, renewal. */
import { z } from 'zod';
import { roleSchema } from '../roles';
import { questionIdSchema } from './primitives';

export const policySchema = z.strictObject({
  draftRoles: z.array(roleSchema).min(1),
  signRoles: z.array(roleSchema).min(1),
  /** Signing also sends to the recipient ("Signera och skicka"). */
  signAndSend: z.boolean(),
  /** A draft answering a complement request is sent on signing. */
  sendAfterComplement: z.boolean().optional(),
  /** The patient's consent must be recorded before signing. */
  consentRequired: z.boolean(),
  /** The patient sees it in Mina intyg. */
  availableToPatient: z.boolean(),
  /** The patient may send it herself (FK 7210). */
  patientMaySend: z.boolean().optional(),
  /** Socialstyrelsen's FMB guidance is shown beside the diagnoses (the sick-leave family). */
  fmbGuidance: z.boolean().optional(),
  /** FK may send questions (Kontakt/Övrigt) on it. */
  fkMayAskQuestions: z.boolean(),
  /** FK may ask for complements (komplettering). */
  fkMayRequestComplement: z.boolean().optional(),
  /** Only signing roles may handle certificates of protected persons. */
  protectedPersonSignRolesOnly: z.boolean().optional(),
  renew: z.strictObject({
    allowed: z.boolean(),
    /** Answers not copied to the renewed draft. */
    notCopied: z.array(questionIdSchema),
  }),
  replaceAllowed: z.boolean(),
  revokeAllowed: z.boolean(),
});
export type Policy = z.infer<typeof policySchema>;
