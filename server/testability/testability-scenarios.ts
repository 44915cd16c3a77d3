import { addDays } from '../../src/form-engine';
import type { CertificateTypeCode } from '../../src/definitions';
import { careUnit, fkOfficers, seedPatients, seedUsers } from '../seed/seed-data';
import type { Transaction } from '../store/store';
import type { PatientRecord, ThreadRecord } from '../store/schema';
import type { CommandContext } from '../domain/certificate-commands';
import { isoInstant, swedishDay } from '../domain/clock';
import { isRejection } from '../domain/outcome';
import {
  answerThread,
  forwardThread,
  setThreadHandled,
  startThread,
} from '../domain/thread-commands';
import type { Icd10Index } from '../domain/diagnoses/icd10-index';
import { fkMessageRequestSchema, type FkMessageRequest } from '../../src/contracts/fk';
import { receiveFkMessage } from '../simulators/fk-simulator';
import { storeTestCertificate } from './test-certificates';
import { loadComplements, type Definitions } from '../http/thread-support';

const HOUR_MS = 60 * 60 * 1000;

/**
 * The "dialogue" scenario: the standard practice with sent certificates and threads with FK
 * in every state the inbox and the panels show — a reminded complement request due soon, a
 * complement request, FK's questions to answer (one forwarded), the unit's question waiting
 * for FK, FK's answer to read, and handled ones (answered, marked, "Kan ej komplettera").
 * Everything goes through the same rules as FK's and the unit's own messages.
 */
export async function seedDialogueScenario(
  tx: Transaction,
  definitions: Definitions,
  index: Icd10Index,
  now: number,
): Promise<void> {
  const [officer] = fkOfficers;
  if (officer === undefined) throw new Error('The seed has no FK case officer');
  const today = swedishDay(now);
  const physician = seedUsers.physician;
  // Messages a few hours apart, oldest first, so the inbox's order reads naturally.
  let clock = now - 48 * HOUR_MS;
  const tick = () => (clock += HOUR_MS);
  /** The unit's physician, acting at the next tick. */
  const care = (): CommandContext => ({
    user: physician,
    unit: careUnit,
    at: isoInstant(tick()),
  });

  const sent = async (type: CertificateTypeCode, patientId: string, createdDaysAgo: number) => {
    const definition = definitions.current(type);
    const stored = await storeTestCertificate(
      tx,
      {
        type,
        patientId,
        answers: 'complete',
        status: 'sent',
        createdDaysAgo,
        userId: physician.id,
      },
      definition,
      index,
    );
    if (!stored.ok) throw new Error(`The dialogue scenario could not store a ${type}`);
    return stored.id;
  };
  const fkSends = async (certificateId: string, message: FkMessageRequest): Promise<string> => {
    // Named by its message id: reading the response's body would end the transaction.
    const messageId = message.messageId ?? `fk-scenario-${crypto.randomUUID()}`;
    const response = await receiveFkMessage(
      tx,
      definitions,
      certificateId,
      fkMessageRequestSchema.parse({ ...message, messageId }),
      officer,
      tick(),
    );
    const [stored] = await tx.threads.getAllByIndex('by-message-id', { equals: messageId });
    if (!response.ok || stored === undefined) {
      throw new Error(
        `The dialogue scenario's FK message was refused (${String(response.status)})`,
      );
    }
    return stored.id;
  };
  const thread = async (id: string): Promise<{ record: ThreadRecord; patient: PatientRecord }> => {
    const record = await tx.threads.get(id);
    const patient = record === undefined ? undefined : await tx.patients.get(record.patientId);
    if (record === undefined || patient === undefined) throw new Error(`No thread ${id}`);
    return { record, patient };
  };
  const careAnswers = async (id: string, text: string) => {
    const { record, patient } = await thread(id);
    await tx.threads.put(answerThread(record, text, patient, care()).thread);
  };
  const careAsks = async (
    certificateId: string,
    topic: 'AVSTMN' | 'KONTKT' | 'OVRIGT',
    text: string,
  ) => {
    const certificate = await tx.certificates.get(certificateId);
    const patient =
      certificate === undefined ? undefined : await tx.patients.get(certificate.patientId);
    if (certificate === undefined || patient === undefined) {
      throw new Error(`No certificate ${certificateId}`);
    }
    const started = startThread(
      certificate,
      { topic, text },
      {
        patient,
        definition: definitions.of(certificate),
        complements: await loadComplements(tx, certificateId),
      },
      care(),
    );
    if (isRejection(started))
      throw new Error(`The unit's question was refused: ${started.message}`);
    await tx.threads.put(started.thread);
    return started.thread.id;
  };

  const sickLeave = await sent('fk7804', seedPatients.adult.id, 6);
  const statement = await sent('fk7800', seedPatients.adultMan.id, 12);
  const youngSickLeave = await sent('fk7804', seedPatients.youngWoman.id, 3);
  const functionStatement = await sent('fk7809', seedPatients.adult.id, 20);

  // A complement request due in two days, reminded.
  const soon = await fkSends(sickLeave, {
    kind: 'question',
    topic: 'KOMPLT',
    subject: 'Komplettering av aktivitetsbegränsningar',
    text: 'Vi behöver mer underlag för att kunna bedöma rätten till sjukpenning.',
    lastDateToReply: addDays(today, 2),
    fkReference: 'FK-2026-10431',
    complements: [
      { questionId: '17', instruction: 'Beskriv hur begränsningarna märks i patientens arbete.' },
    ],
  });
  await fkSends(sickLeave, {
    kind: 'reminder',
    threadId: soon,
    text: 'Vi påminner om kompletteringen. Beslutet väntar på den.',
  });

  // A complement request with two questions, due in two weeks.
  await fkSends(functionStatement, {
    kind: 'question',
    topic: 'KOMPLT',
    text: 'Vi behöver veta mer om funktionsnedsättningarna.',
    lastDateToReply: addDays(today, 14),
    complements: [
      {
        questionId: '8',
        instruction: 'Beskriv den intellektuella funktionen, gärna med testresultat.',
      },
      { questionId: '17', instruction: 'Förtydliga hur aktivitetsbegränsningarna visar sig.' },
    ],
  });

  // FK asks for contact; forwarded to a colleague, still to answer.
  const contact = await fkSends(statement, {
    kind: 'question',
    topic: 'KONTKT',
    subject: 'Kontakt önskas',
    text: 'Vi vill tala med läkaren om arbetsförmågan. Ring gärna på förmiddagen.',
    lastDateToReply: addDays(today, 10),
  });
  const forwarded = await thread(contact);
  await tx.threads.put(forwardThread(forwarded.record, forwarded.patient).thread);

  // FK proposes a reconciliation meeting; still to answer, no deadline.
  await fkSends(youngSickLeave, {
    kind: 'question',
    topic: 'AVSTMN',
    subject: 'Avstämningsmöte',
    text: 'Vi föreslår ett avstämningsmöte med patienten och arbetsgivaren vecka 2.',
  });

  // The unit asked FK and waits; another question FK has answered, to read.
  await careAsks(
    youngSickLeave,
    'OVRIGT',
    'Har ni fått det kompletterande underlaget från arbetsterapeuten?',
  );
  const asked = await careAsks(
    statement,
    'KONTKT',
    'Vi vill gärna bli kontaktade av handläggaren.',
  );
  await fkSends(statement, {
    kind: 'answer',
    threadId: asked,
    text: 'Handläggaren ringer er på torsdag förmiddag.',
  });

  // Handled: an FK question the unit answered, and one it marked handled.
  const answered = await fkSends(sickLeave, {
    kind: 'question',
    topic: 'OVRIGT',
    text: 'Stämmer det att patienten har en planerad operation i januari?',
  });
  await careAnswers(answered, 'Ja, operationen är planerad till mitten av januari.');
  const marked = await fkSends(functionStatement, {
    kind: 'question',
    topic: 'KONTKT',
    text: 'Vi har försökt nå er på telefon.',
  });
  const handled = await thread(marked);
  await tx.threads.put(setThreadHandled(handled.record, true, handled.patient, care()).thread);
}
