import { describe, expect, it } from 'vitest';
import { seedPatients, seedUsers, careUnit } from '../../server/seed/seed-data';
import { consentInputSchema } from './certificates';
import { apiErrorSchema } from './common';
import { patientLookupRequestSchema, patientSchema } from './patients';
import { loginRequestSchema, sessionSchema } from './session';
import { resetRequestSchema } from './testability';

describe('contracts', () => {
  it('accept every seeded patient and reject a patient without a name', () => {
    for (const patient of Object.values(seedPatients))
      expect(patientSchema.parse(patient)).toEqual(patient);
    const { firstName: _dropped, ...nameless } = seedPatients.adult;
    expect(patientSchema.safeParse(nameless).success).toBe(false);
  });

  it('refuse a patient id that could carry an identity number with a dash', () => {
    expect(patientSchema.safeParse({ ...seedPatients.adult, id: '19791212-9280' }).success).toBe(
      false,
    );
    expect(patientSchema.safeParse({ ...seedPatients.adult, id: '197912129280' }).success).toBe(
      false,
    );
    expect(patientSchema.safeParse({ ...seedPatients.adult, id: 'Patient 1' }).success).toBe(false);
  });

  it('take a lookup only with a valid normalised number', () => {
    expect(patientLookupRequestSchema.safeParse({ identityNumber: '197912129280' }).success).toBe(
      true,
    );
    expect(patientLookupRequestSchema.safeParse({ identityNumber: '791212-9280' }).success).toBe(
      false,
    );
    expect(patientLookupRequestSchema.safeParse({}).success).toBe(false);
  });

  it('describe a session with user, unit and idle settings within limits', () => {
    const { unitHsaIds: _units, ...user } = seedUsers.physician;
    const { id: _id, ...unit } = careUnit;
    const session = {
      user,
      unit,
      settings: { idleTimeoutSeconds: 1800, warningSeconds: 60 },
      today: '2026-12-02',
    };
    expect(sessionSchema.parse(session)).toEqual(session);
    expect(
      sessionSchema.safeParse({
        ...session,
        settings: { idleTimeoutSeconds: 0, warningSeconds: 60 },
      }).success,
    ).toBe(false);
    expect(sessionSchema.safeParse({ ...session, user: { ...user, role: 'admin' } }).success).toBe(
      false,
    );
  });

  it('require a user to log in, and a well-formed unit when one is named', () => {
    expect(loginRequestSchema.safeParse({ unitHsaId: careUnit.hsaId }).success).toBe(false);
    expect(loginRequestSchema.safeParse({ userId: seedUsers.nurse.id }).success).toBe(true);
    expect(
      loginRequestSchema.safeParse({ userId: seedUsers.nurse.id, unitHsaId: 'enhet 1' }).success,
    ).toBe(false);
    expect(
      loginRequestSchema.safeParse({ userId: seedUsers.nurse.id, unitHsaId: careUnit.hsaId })
        .success,
    ).toBe(true);
  });

  it('default a reset to the standard scenario and refuse unknown ones', () => {
    expect(resetRequestSchema.parse({})).toEqual({ scenario: 'standard' });
    expect(resetRequestSchema.safeParse({ scenario: 'chaos' }).success).toBe(false);
  });

  it("say a representative's missing name together with the consent's other missing fields", () => {
    const parsed = consentInputSchema.safeParse({
      givenBy: 'representative',
      representativeName: '  ',
      givenOn: '2026-01-01',
    });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((issue) => [issue.path.join('.'), issue.message])).toEqual(
      expect.arrayContaining([
        ['method', 'Ange hur samtycket lämnades.'],
        ['representativeName', 'Ange företrädarens namn.'],
      ]),
    );
    expect(
      consentInputSchema.safeParse({ givenBy: 'patient', method: 'oral', givenOn: '2026-01-01' })
        .success,
    ).toBe(true);
  });

  it('give every error a code and a message', () => {
    expect(apiErrorSchema.safeParse({ code: 'X', message: 'Fel.' }).success).toBe(true);
    expect(apiErrorSchema.safeParse({ message: 'Fel.' }).success).toBe(false);
  });
});
