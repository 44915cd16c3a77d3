import type { CertificateTypeCode } from '../../src/definitions';
import { fkMessageRequestSchema } from '../../src/contracts/fk';
import { fkOfficers, secondCareUnit, seedPatients, seedUsers } from '../seed/seed-data';
import type { Transaction } from '../store/store';
import type { Icd10Index } from '../domain/diagnoses/icd10-index';
import { receiveFkMessage } from '../simulators/fk-simulator';
import { storeTestCertificate } from './test-certificates';
import type { Definitions } from '../http/thread-support';

/**
 * The second practice's own work, seeded with the "dialogue" scenario: two unsigned drafts and
 * one FK question waiting, so that its counts differ from the first unit's in the choice of
 * care unit, and its records are there to be kept out of the first unit's lists.
 */
export async function seedSecondUnitWork(
  tx: Transaction,
  definitions: Definitions,
  index: Icd10Index,
  now: number,
): Promise<void> {
  const [officer] = fkOfficers;
  if (officer === undefined) throw new Error('The seed has no FK case officer');
  const store = async (
    type: CertificateTypeCode,
    patientId: string,
    status: 'draft' | 'sent',
    createdDaysAgo: number,
  ) => {
    const stored = await storeTestCertificate(
      tx,
      {
        type,
        patientId,
        answers: status === 'sent' ? 'complete' : 'minimal',
        status,
        createdDaysAgo,
        userId: seedUsers.physician.id,
        unitHsaId: secondCareUnit.hsaId,
      },
      definitions.current(type),
      index,
    );
    if (!stored.ok) throw new Error(`The second unit's ${type} could not be stored`);
    return stored.id;
  };
  await store('fk7804', seedPatients.adultMan.id, 'draft', 1);
  await store('fk7800', seedPatients.coordinationNumber.id, 'draft', 2);
  const sent = await store('fk7804', seedPatients.youngWoman.id, 'sent', 5);
  const response = await receiveFkMessage(
    tx,
    definitions,
    sent,
    fkMessageRequestSchema.parse({
      kind: 'question',
      topic: 'KONTKT',
      subject: 'Kontakt önskas',
      text: 'Vi vill tala med läkaren om sjukskrivningens längd.',
      messageId: `fk-scenario-${crypto.randomUUID()}`,
    }),
    officer,
    now,
  );
  if (!response.ok) throw new Error("The second unit's FK question was refused");
}
