import type { Role } from '../../src/form-engine';
import type { SeedPatientKey } from '../seed/seed-data';

/**
 * The certificate lifecycle as the tests expect it: role × action × state × patient kind for
 * three policies, written out rule by rule from the reference (§C–D) and the issues, apart
 * from lifecycle.ts. The whole table is checked in-process against the domain
 * (lifecycle.test.ts), and a sample of its rows over the API (handlers/certificates.test.ts).
 * Test code only: the backend never imports it.
 */

export type LifecycleAction =
  | 'edit'
  | 'record-consent'
  | 'ready-for-sign'
  | 'sign'
  | 'sign-and-send'
  | 'send'
  | 'print'
  | 'renew'
  | 'replace'
  | 'copy'
  | 'revoke'
  | 'delete';

/** A certificate's state as the testability API makes it: `sent` is a signed one that was sent. */
export type LifecycleState = 'draft' | 'locked-draft' | 'signed' | 'sent' | 'revoked';

export type Expected = { status: 200 | 201 | 204 } | { status: 403 | 409; message: RegExp };

/** The seeded users of the four roles. */
export type RoleUser = 'physician' | 'careAdmin' | 'nurse' | 'midwife';

export const roleOf: Record<RoleUser, Role> = {
  physician: 'physician',
  careAdmin: 'care-admin',
  nurse: 'nurse',
  midwife: 'midwife',
};

/** Who signs each type, whether signing also sends, and renewal: the policies under test. */
export const policies = {
  fk7804: { signers: ['physician'], signAndSend: false, renews: true },
  fk7210: { signers: ['physician', 'nurse', 'midwife'], signAndSend: false, renews: false },
  fk7472: { signers: ['physician', 'nurse', 'midwife'], signAndSend: true, renews: true },
} as const satisfies Record<
  string,
  { signers: readonly Role[]; signAndSend: boolean; renews: boolean }
>;
export type TestedType = keyof typeof policies;

export const testedTypes: readonly TestedType[] = ['fk7804', 'fk7210', 'fk7472'];
export const roleUsers: readonly RoleUser[] = ['physician', 'careAdmin', 'nurse', 'midwife'];
export const patientKinds: readonly SeedPatientKey[] = [
  'adult',
  'protectedIdentity',
  'deceased',
  'testPerson',
];
export const lifecycleStates: readonly LifecycleState[] = [
  'draft',
  'locked-draft',
  'signed',
  'sent',
  'revoked',
];
export const lifecycleActions: readonly LifecycleAction[] = [
  'edit',
  'record-consent',
  'ready-for-sign',
  'sign',
  'sign-and-send',
  'send',
  'print',
  'renew',
  'replace',
  'copy',
  'revoke',
  'delete',
];

/** One row of the table: a certificate of a type for a kind of patient in a state, and who acts. */
export type LifecycleCase = [TestedType, RoleUser, SeedPatientKey, LifecycleState];

/** Every row: 3 types × 4 roles × 4 patient kinds × 5 states. */
export function lifecycleCases(): LifecycleCase[] {
  return testedTypes.flatMap((type) =>
    roleUsers.flatMap((who) =>
      patientKinds.flatMap((patient) =>
        lifecycleStates.map((state): LifecycleCase => [type, who, patient, state]),
      ),
    ),
  );
}

export function isSigner(type: TestedType, who: RoleUser): boolean {
  const signers: readonly Role[] = policies[type].signers;
  return signers.includes(roleOf[who]);
}

const ok = { status: 200 } as const;
const created = { status: 201 } as const;
const refused = (status: 403 | 409, message: RegExp): Expected => ({ status, message });

/** Why a draft-only action is refused in a state that is not an open draft. */
function notOpenDraft(state: LifecycleState): Expected {
  if (state === 'locked-draft') return refused(409, /låst och kan inte ändras/);
  if (state === 'revoked') return refused(409, /makulerat/);
  return refused(409, /signerat och kan inte ändras/);
}

/** The expected outcome of `action`, rule by rule. */
export function expected(
  type: TestedType,
  who: RoleUser,
  patient: SeedPatientKey,
  state: LifecycleState,
  action: LifecycleAction,
): Expected {
  const { signAndSend, renews } = policies[type];
  const signer = isSigner(type, who);
  // A signed certificate of a sign-and-send type is always sent.
  const actual: LifecycleState = state === 'signed' && signAndSend ? 'sent' : state;
  const isSigned = actual === 'signed' || actual === 'sent';
  if (patient === 'protectedIdentity' && !signer)
    return refused(403, /^Patienten har skyddade personuppgifter/);
  switch (action) {
    case 'edit':
    case 'record-consent':
      return actual === 'draft' ? ok : notOpenDraft(actual);
    case 'ready-for-sign':
      if (signer) return refused(403, /signera utkastet själv/);
      return actual === 'draft' ? ok : notOpenDraft(actual);
    case 'sign':
      if (!signer) return refused(403, /roll får inte signera/);
      return actual === 'draft' ? ok : notOpenDraft(actual);
    case 'sign-and-send':
      // Signing, then sending at once: a type whose signing sends anyway does not offer it.
      if (!signer) return refused(403, /roll får inte signera/);
      if (actual !== 'draft') return notOpenDraft(actual);
      if (signAndSend) return refused(409, /skickas till Försäkringskassan när det signeras/);
      if (patient === 'testPerson') return refused(409, /testpersoner/);
      return ok;
    case 'send':
      if (actual === 'revoked') return refused(409, /makulerat/);
      if (!isSigned) return refused(409, /Bara signerade intyg kan skickas/);
      if (actual === 'sent') return refused(409, /redan skickat/);
      if (patient === 'testPerson') return refused(409, /testpersoner/);
      return ok;
    case 'print':
      return ok;
    case 'renew':
      if (!renews) return refused(409, /kan inte förnyas/);
      if (actual === 'revoked') return refused(409, /makulerat/);
      if (!isSigned) return refused(409, /Bara signerade intyg kan förnyas/);
      if (patient === 'deceased') return refused(409, /avliden/);
      return created;
    case 'replace':
      if (!signer) return refused(403, /får inte ersätta/);
      if (actual === 'revoked') return refused(409, /makulerat/);
      if (!isSigned) return refused(409, /Bara signerade intyg kan ersättas/);
      if (patient === 'deceased') return refused(409, /avliden/);
      return created;
    case 'copy':
      if (actual !== 'locked-draft') return refused(409, /Bara låsta utkast kopieras/);
      if (patient === 'deceased') return refused(409, /avliden/);
      return created;
    case 'revoke':
      if (!signer) return refused(403, /får inte makulera/);
      if (actual === 'draft') return refused(409, /raderas i stället/);
      if (actual === 'revoked') return refused(409, /makulerat/);
      return ok;
    case 'delete':
      if (actual === 'draft') return { status: 204 };
      if (actual === 'locked-draft') return refused(409, /Makulera det i stället/);
      return refused(409, /Bara utkast kan raderas/);
  }
}
