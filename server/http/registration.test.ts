import { describe, expect, it } from 'vitest';
import { callApi, loginOverApi, startTestBackend } from '../../src/testing/test-backend';
import {
  myDetailsSchema,
  registrationMessages,
  registrationResponseSchema,
  type PracticeDetails,
} from '../../src/contracts/registration';
import { loginOptionsResponseSchema, loginResponseSchema } from '../../src/contracts/session';
import { auditLogResponseSchema } from '../../src/contracts/testability';
import { registrationRefusals } from '../domain/registration';
import { hospTestPersons, notInHosp } from '../simulators/hosp';
import { seedCareUnits, seedPatients } from '../seed/seed-data';

const backend = startTestBackend();

const practice: PracticeDetails = {
  name: 'Wikströms Läkarmottagning',
  postalAddress: 'Storgatan 1',
  postcode: '111 22',
  city: 'Stockholm',
  phone: '08-555 123 45',
  email: 'sofia@wikstromslakare.se',
  careForm: 'oppenvard',
  activityType: 'allmanmedicin',
};

/** A valid organisation number (Luhn) for the practice. */
const organisationNumber = '556677-8899';

function register(identityNumber: string, changes: Record<string, unknown> = {}) {
  return callApi('/api/registration', {
    method: 'POST',
    body: { identityNumber, organisationNumber, practice, ...changes },
  });
}

function hospLookUp(identityNumber: string) {
  return callApi('/api/registration/hosp-lookup', { method: 'POST', body: { identityNumber } });
}

async function registeredUsers() {
  const users = await backend.db.read((tx) => tx.users.getAll());
  return users.filter((user) => user.id.startsWith('user-pp-'));
}

/**
 * Registers Sofia Wikström and logs her in as the log-in page does, naming only her: with her
 * one unit she is logged in there at once, with no choice of unit. Answers her token.
 */
async function registerAndLogIn(): Promise<string> {
  const created = await register(hospTestPersons.newPhysician.identityNumber);
  expect(created.status).toBe(201);
  const { userId, unitHsaId } = registrationResponseSchema.parse(created.body);
  const login = await callApi('/api/auth/login', { method: 'POST', body: { userId } });
  expect(login.status).toBe(200);
  const { token, session } = loginResponseSchema.parse(login.body);
  expect(session?.unit.hsaId).toBe(unitHsaId);
  if (token === undefined) throw new Error('no token');
  return token;
}

describe('private physician registration', () => {
  it('offers the e-identification test persons, and HOSP tells what it holds of a licensed physician', async () => {
    const options = await callApi('/api/registration/eid-options');
    expect(options.status).toBe(200);
    expect(JSON.stringify(options.body)).toContain(hospTestPersons.newPhysician.name);
    expect(await hospLookUp(hospTestPersons.newPhysician.identityNumber)).toEqual({
      status: 200,
      body: {
        person: {
          name: 'Sofia Wikström',
          profession: 'Läkare',
          specialities: ['Allmänmedicin', 'Geriatrik'],
          prescriberCode: '3456789',
        },
      },
    });
  });

  it('registers a licensed physician, who logs in at once and may look patients up', async () => {
    const token = await registerAndLogIn();
    const options = loginOptionsResponseSchema.parse(
      (await callApi('/api/auth/login-options')).body,
    ).options;
    const mine = options.find((option) => option.user.name === 'Sofia Wikström');
    expect(mine?.units).toEqual([
      expect.objectContaining({
        hsaId: 'SE5566778899-1E01',
        name: practice.name,
        postcode: '111 22',
        careProvider: { hsaId: 'SE5566778899-1000', name: practice.name },
      }),
    ]);
    expect(mine?.user).toMatchObject({ role: 'physician', hsaId: 'SE5566778899-1P01' });
    const lookup = await callApi('/api/patients/lookup', {
      method: 'POST',
      body: { identityNumber: seedPatients.adult.identityNumber },
      token,
    });
    expect(lookup.status).toBe(200);
    const log = auditLogResponseSchema.parse((await callApi('/api/testability/audit')).body);
    expect(log.entries.map((entry) => entry.action)).toContain('practitioner-register');
    expect(JSON.stringify(log)).not.toContain(hospTestPersons.newPhysician.identityNumber);
  });

  it.each([
    ['a nurse', hospTestPersons.nurse.identityNumber, registrationRefusals.notPhysician],
    [
      'a revoked licence',
      hospTestPersons.revokedPhysician.identityNumber,
      registrationRefusals.revoked,
    ],
    ['a person not in HOSP', notInHosp.identityNumber, registrationRefusals.notInRegister],
  ])(
    'refuses %s, in the look-up and the registration, and creates nothing',
    async (_, id, message) => {
      const refused = { status: 403, body: { code: 'FORBIDDEN', message } };
      expect(await hospLookUp(id)).toEqual(refused);
      expect(await register(id)).toEqual(refused);
      expect(await registeredUsers()).toEqual([]);
      const units = await backend.db.read((tx) => tx.careUnits.getAll());
      expect(units).toHaveLength(seedCareUnits.length);
    },
  );

  it('refuses a person who already has an account, seeded or registered', async () => {
    const conflict = {
      status: 409,
      body: { code: 'CONFLICT', message: registrationRefusals.alreadyRegistered },
    };
    expect(await hospLookUp(hospTestPersons.seededPhysician.identityNumber)).toEqual(conflict);
    expect(await register(hospTestPersons.newPhysician.identityNumber)).toMatchObject({
      status: 201,
    });
    expect(await register(hospTestPersons.newPhysician.identityNumber)).toEqual(conflict);
    // Another physician with the same organisation number: the practice exists.
    expect(await register(hospTestPersons.secondNewPhysician.identityNumber)).toEqual({
      status: 409,
      body: { code: 'CONFLICT', message: registrationRefusals.organisationTaken },
    });
    expect(await registeredUsers()).toHaveLength(1);
  });

  it.each([
    [
      'an organisation number without its dash',
      { organisationNumber: '5566778899' },
      registrationMessages.organisationNumberFormat,
    ],
    [
      'a wrong check digit',
      { organisationNumber: '556677-8898' },
      registrationMessages.organisationNumberCheckDigit,
    ],
    [
      'a postcode in the wrong form',
      { practice: { ...practice, postcode: '1112' } },
      registrationMessages.postcode,
    ],
    [
      'an e-mail address without @',
      { practice: { ...practice, email: 'sofia.se' } },
      registrationMessages.email,
    ],
  ])('refuses %s with its Swedish message', async (_, changes, message) => {
    const answer = await register(hospTestPersons.newPhysician.identityNumber, changes);
    expect(answer.status).toBe(400);
    expect(answer.body).toMatchObject({
      code: 'BAD_REQUEST',
      message: expect.stringContaining(message),
    });
    expect(await registeredUsers()).toEqual([]);
  });
});

describe('Mina uppgifter', () => {
  it('shows and changes the registered physician’s own practice, audited and validated', async () => {
    const token = await registerAndLogIn();
    const read = await callApi('/api/registration/my-details', { token });
    expect(read.status).toBe(200);
    expect(myDetailsSchema.parse(read.body)).toMatchObject({
      organisationNumber,
      person: { name: 'Sofia Wikström', prescriberCode: '3456789' },
      practice,
    });
    const changed = { ...practice, name: 'Wikströms Husläkare', careForm: 'hemsjukvard' };
    const update = await callApi('/api/registration/my-details', {
      method: 'PUT',
      body: changed,
      token,
    });
    expect(update.status).toBe(200);
    expect(myDetailsSchema.parse(update.body).practice).toEqual(changed);
    const session = await callApi('/api/session', { token });
    expect(JSON.stringify(session.body)).toContain('Wikströms Husläkare');
    const log = auditLogResponseSchema.parse((await callApi('/api/testability/audit')).body);
    expect(log.entries.map((entry) => entry.action)).toContain('practitioner-details-update');

    const invalid = await callApi('/api/registration/my-details', {
      method: 'PUT',
      body: { ...changed, postcode: '11122x' },
      token,
    });
    expect(invalid).toMatchObject({
      status: 400,
      body: { message: expect.stringContaining(registrationMessages.postcode) },
    });
  });

  it('has nothing for a seeded physician and refuses other roles, so nobody changes another’s practice', async () => {
    const physician = await loginOverApi('physician');
    expect(await callApi('/api/registration/my-details', { token: physician })).toEqual({
      status: 404,
      body: { code: 'NOT_FOUND', message: registrationRefusals.noDetails },
    });
    const change = await callApi('/api/registration/my-details', {
      method: 'PUT',
      body: practice,
      token: physician,
    });
    expect(change.status).toBe(404);
    const admin = await loginOverApi('careAdmin');
    expect((await callApi('/api/registration/my-details', { token: admin })).status).toBe(403);
    expect((await callApi('/api/registration/my-details')).status).toBe(401);
    const units = await backend.db.read((tx) => tx.careUnits.getAll());
    expect(units.map((unit) => unit.name)).toEqual(seedCareUnits.map((unit) => unit.name));
  });
});
