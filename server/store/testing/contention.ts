import { z } from 'zod';
import { loadDefinition } from '../../../src/definitions';
import { fkReceivedRecord, newDraftRecord, toActor } from '../../domain/certificates';
import { careUnit, seedPatients, seedUsers } from '../../seed/seed-data';
import type { CertificateRecord, UserRecord } from '../schema';
import type { Database } from '../store';

/**
 * What the concurrency tests do to one store from many transactions at once, as handlers
 * do it: read, check, write, in one write transaction. Used by the conformance suite and by
 * the second process of the PostgreSQL test (`second-process.ts`), so both run the same code.
 */

export async function storeDraft(db: Database): Promise<CertificateRecord> {
  const definition = await loadDefinition('fk7804');
  const draft = newDraftRecord({
    definition,
    type: 'fk7804',
    patient: seedPatients.adult,
    unitHsaId: careUnit.hsaId,
    actor: toActor(seedUsers.physician),
    at: '2026-12-01T09:00:00.000Z',
    answers: {},
    completeness: 'incomplete',
  });
  await db.write((tx) => tx.certificates.put(draft));
  return draft;
}

/**
 * Signs and sends the draft if it still is one (a state transition: draft → signed, and one
 * entry in what FK has received); refuses otherwise.
 */
export function signAndSend(
  db: Database,
  certificateId: string,
  signer: UserRecord,
): Promise<'signed' | 'refused'> {
  return db.write(async (tx) => {
    const record = await tx.certificates.get(certificateId);
    if (record?.status !== 'draft') return 'refused';
    const at = new Date().toISOString();
    const by = toActor(signer);
    const signed: CertificateRecord = {
      ...record,
      status: 'signed',
      version: record.version + 1,
      signed: { at, by },
      sent: { at, by },
      events: [
        ...record.events,
        { at, type: 'signed', by: signer.name },
        { at, type: 'sent', by: signer.name },
      ],
    };
    await tx.certificates.put(signed);
    await tx.fkReceived.put(fkReceivedRecord(signed, at, 'care'));
    return 'signed';
  });
}

export type SaveResult =
  { saved: true; version: number } | { saved: false; version: number; savedBy: string };

/**
 * An autosave: the client's answer on top of the version it last saw, refused (as the API's
 * 409 is) when the stored version is another, naming who saved that one.
 */
export function saveAnswer(
  db: Database,
  certificateId: string,
  saver: UserRecord,
  knownVersion: number,
  answer: { questionId: string; text: string },
): Promise<SaveResult> {
  return db.write(async (tx): Promise<SaveResult> => {
    const record = await tx.certificates.get(certificateId);
    if (record === undefined) throw new Error(`${certificateId} is gone`);
    if (record.version !== knownVersion) {
      return { saved: false, version: record.version, savedBy: record.savedBy.name };
    }
    const version = record.version + 1;
    await tx.certificates.put({
      ...record,
      answers: { ...record.answers, [answer.questionId]: answer.text },
      version,
      savedAt: new Date().toISOString(),
      savedBy: toActor(saver),
    });
    return { saved: true, version };
  });
}

export interface ClientRun {
  /** The names the refusals gave as the saver of the newer version. */
  refusedBy: string[];
  saved: number;
}

/**
 * One client saving `count` answers one after the other, each on the version it last saw:
 * after a refusal it takes the stored version (as the editor reloads) and saves again.
 */
export async function saveMany(
  db: Database,
  certificateId: string,
  saver: UserRecord,
  prefix: string,
  count: number,
  startVersion: number,
): Promise<ClientRun> {
  const run: ClientRun = { refusedBy: [], saved: 0 };
  let known = startVersion;
  for (let i = 0; i < count; i += 1) {
    const answer = { questionId: `${prefix}_${String(i)}`, text: `${prefix} ${String(i)}` };
    for (;;) {
      const result = await saveAnswer(db, certificateId, saver, known, answer);
      known = result.version;
      if (result.saved) {
        run.saved += 1;
        break;
      }
      run.refusedBy.push(result.savedBy);
    }
  }
  return run;
}

export const clientRunSchema = z.object({
  refusedBy: z.array(z.string()),
  saved: z.number().int(),
});
export const signResultsSchema = z.array(z.enum(['signed', 'refused']));
