import { describe, expect, it } from 'vitest';
import { callApi, loginOverApi, startTestBackend } from '../../src/testing/test-backend';
import { certificateCatalogueResponseSchema } from '../../src/contracts/certificates';
import { seedPatients } from '../seed/seed-data';

/** Favourite certificate types: per user, validated, kept across sessions. */

startTestBackend();

const catalogueOf = async (token: string) => {
  const { status, body } = await callApi(
    `/api/patients/${seedPatients.adult.id}/certificate-types`,
    { token },
  );
  expect(status).toBe(200);
  return certificateCatalogueResponseSchema.parse(body).types;
};

const star = (token: string, type: string, favourite: boolean) =>
  callApi(`/api/favourite-certificate-types/${type}`, {
    method: 'PUT',
    body: { favourite },
    token,
  });

describe('favourite certificate types', () => {
  it('come first in the catalogue, in its order, and are marked', async () => {
    const token = await loginOverApi('physician');
    const before = (await catalogueOf(token)).map((entry) => entry.type);
    const [first, second, third] = before.slice(-3);
    if (first === undefined || second === undefined || third === undefined) {
      throw new Error('the catalogue has fewer than three types');
    }
    expect(await star(token, third, true)).toEqual({ status: 200, body: { favourites: [third] } });
    expect((await star(token, first, true)).body).toEqual({ favourites: [first, third] });
    const after = await catalogueOf(token);
    expect(after.map((entry) => entry.type)).toEqual([
      first,
      third,
      ...before.filter((type) => type !== first && type !== third),
    ]);
    expect(after.filter((entry) => entry.favourite).map((entry) => entry.type)).toEqual([
      first,
      third,
    ]);
    expect((await star(token, first, false)).body).toEqual({ favourites: [third] });
    expect(await star(token, third, true)).toMatchObject({ body: { favourites: [third] } });
  });

  it('are kept across a new log-in, and are the user’s own', async () => {
    const token = await loginOverApi('physician');
    await star(token, 'fk7472', true);
    await callApi('/api/auth/logout', { method: 'POST', token });
    const again = await loginOverApi('physician');
    expect((await catalogueOf(again)).find((entry) => entry.favourite)?.type).toBe('fk7472');
    const colleague = await loginOverApi('secondPhysician');
    expect((await catalogueOf(colleague)).some((entry) => entry.favourite)).toBe(false);
  });

  it('refuse an unknown type (400, Swedish), a malformed body and no session', async () => {
    const token = await loginOverApi('physician');
    expect(await star(token, 'fk9999', true)).toEqual({
      status: 400,
      body: { code: 'BAD_REQUEST', message: 'Det finns ingen sådan intygstyp.' },
    });
    const malformed = await callApi('/api/favourite-certificate-types/fk7804', {
      method: 'PUT',
      body: { favourite: 'ja' },
      token,
    });
    expect(malformed.status).toBe(400);
    expect((await star('', 'fk7804', true)).status).toBe(401);
  });
});
