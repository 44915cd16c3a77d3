import { describe, expect, it } from 'vitest';
import { loadDefinition } from '../../src/definitions';
import type { CertificateDefinition } from '../../src/form-engine';
import { careUnit, seedPatients, seedUsers, type SeedPatientKey } from '../seed/seed-data';
import { actionsFor, decide, decideAuthority, decideRead, type DecisionInput } from './lifecycle';
import {
  expected,
  isSigner,
  lifecycleActions,
  lifecycleCases,
  policies,
  roleOf,
  roleUsers,
  testedTypes,
  type LifecycleState,
  type RoleUser,
  type TestedType,
} from './lifecycle-expectations';

const definitions: Record<TestedType, CertificateDefinition> = {
  fk7804: await loadDefinition('fk7804'),
  fk7210: await loadDefinition('fk7210'),
  fk7472: await loadDefinition('fk7472'),
};

/**
 * What the handlers hand the lifecycle for a certificate the testability API made in `state`
 * (complete answers, consent recorded, not marked ready, no relations), read by a user of
 * the certificate's own unit.
 */
function decisionInput(
  type: TestedType,
  who: RoleUser,
  patient: SeedPatientKey,
  state: LifecycleState,
): DecisionInput {
  const { policy } = definitions[type];
  const signed = state === 'signed' || state === 'sent' || state === 'revoked';
  return {
    policy,
    actor: { role: seedUsers[who].role, unitHsaId: careUnit.hsaId },
    patient: seedPatients[patient],
    certificate: {
      status: state === 'sent' ? 'signed' : state,
      unitHsaId: careUnit.hsaId,
      // Signing a sign-and-send type sends it.
      sent: state === 'sent' || (signed && policy.signAndSend),
      readyForSign: false,
      consentRecorded: true,
      children: [],
      unhandledComplementRequest: false,
      complementing: false,
    },
  };
}

describe('the certificate lifecycle, table-driven in-process', () => {
  it('tests the types with the policies their definitions give them', () => {
    for (const type of testedTypes) {
      const { policy } = definitions[type];
      const { signers, signAndSend, renews } = policies[type];
      expect([...policy.signRoles].sort(), type).toEqual([...signers].sort());
      expect(policy.signAndSend, type).toBe(signAndSend);
      expect(policy.renew.allowed, type).toBe(renews);
      // What the table takes for granted of all three.
      expect([...policy.draftRoles].sort(), type).toEqual(
        roleUsers.map((who) => roleOf[who]).sort(),
      );
      expect(policy, type).toMatchObject({
        consentRequired: true,
        replaceAllowed: true,
        revokeAllowed: true,
      });
    }
  });

  it.each(lifecycleCases())('%s as %s, patient %s, %s', (type, who, patient, state) => {
    const input = decisionInput(type, who, patient, state);
    if (patient === 'protectedIdentity' && !isSigner(type, who)) {
      // Nothing at all is disclosed: the read itself is refused.
      const read = decideRead(input.policy, input.actor, input.patient, input.certificate);
      expect(read).toMatchObject({ allowed: false, status: 403, code: 'FORBIDDEN' });
      expect(read.allowed ? '' : read.reason).toMatch(/^Patienten har skyddade personuppgifter/);
    }
    const listed = actionsFor(input);
    for (const action of lifecycleActions) {
      const outcome = expected(type, who, patient, state, action);
      const decision = decide(action, input);
      const offered = listed.find((candidate) => candidate.type === action);
      // The guard's part, before the body: it refuses nothing the lifecycle allows, and every
      // refusal for who acts (403) is already its own.
      const authority = decideAuthority(
        action,
        input.policy,
        input.actor,
        input.patient,
        input.certificate,
      );
      if (!authority.allowed) expect(decision.allowed, `${action} by the guard`).toBe(false);
      if (!decision.allowed && decision.status === 403) {
        expect(authority, `${action} by the guard`).toEqual(decision);
      }
      if (!('message' in outcome)) {
        expect(decision, action).toEqual({ allowed: true });
        expect(offered, `${action} listed`).toMatchObject({ enabled: true });
        continue;
      }
      expect(decision, action).toMatchObject({
        allowed: false,
        status: outcome.status,
        code: outcome.status === 403 ? 'FORBIDDEN' : 'INVALID_STATE',
      });
      expect(decision.allowed ? '' : decision.reason, action).toMatch(outcome.message);
      if (offered !== undefined) {
        expect(offered.enabled, `${action} disabled`).toBe(false);
        expect(offered.reason ?? '', `${action} reason`).toMatch(outcome.message);
      }
    }
  });
});
