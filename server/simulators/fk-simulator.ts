import { z } from 'zod';
import { apiErrorCodes } from '../../src/contracts/common';
import { endpoints } from '../../src/contracts/endpoints';
import {
  fkCaseListResponseSchema,
  fkCaseResponseSchema,
  fkLoginOptionsResponseSchema,
  fkLoginResponseSchema,
  fkSessionSchema,
  fkThreadResponseSchema,
  type FkCaseRow,
} from '../../src/contracts/fk';
import type { Database, Transaction } from '../store/store';
import type { FkReceivedRecord, ThreadRecord } from '../store/schema';
import { fkOffice, fkOfficers, type FkOfficer } from '../seed/seed-data';
import { patientName } from '../domain/certificates';
import { isoInstant, swedishDay } from '../domain/clock';
import { isRejection } from '../domain/outcome';
import {
  fkMessageIdOf,
  receiveFkMessage as receiveMessage,
  threadFactsOf,
  type FkMessage,
} from '../domain/thread-commands';
import { complementableQuestions, fkStateOf } from '../domain/threads';
import { rejectionResponse } from '../http/certificate-action';
import { serve, servePublic, type AccessInput } from '../http/guard';
import { errorResponse, jsonResponse, loadSettings, nowFor, type FkAuth } from '../http/support';
import { closeSession, openSession } from '../http/principals';
import {
  definitionOf,
  loadComplements,
  loadDefinitions,
  presentFkThread,
  threadHandlerMessages,
  type Definitions,
} from '../http/thread-support';

/**
 * Försäkringskassan's side, simulated: FK's case officers log in to the simulator, read the
 * certificates FK has received and send the care unit questions, complement requests,
 * reminders and answers. Testers send the same messages without a session through the
 * testability API. Both go through `receiveFkMessage`, which refuses what the reference
 * refuses (the thread rules' `decideIncoming`).
 */

export type { FkMessage };

const fkMessages = {
  noSuchOfficer: 'Handläggaren finns inte.',
  caseNotFound: 'Försäkringskassan har inte tagit emot något intyg med det id:t.',
} as const;

function noSuchCase(): Response {
  return errorResponse(404, apiErrorCodes.notFound, fkMessages.caseNotFound);
}

/** Whether a certificate was sent to FK: the one field the access check reads. */
const sentToFkSchema = z.object({ sent: z.unknown().optional() });

/**
 * The guard's resource check for a path that names a case (`{id}`): FK must have received the
 * certificate. One it never received and one that does not exist are refused alike (404),
 * before any body is read.
 */
async function receivedCase({
  db,
  params,
}: AccessInput<FkAuth, { readonly id: string }>): Promise<Response | undefined> {
  const found = await db.read((tx) => tx.certificates.getAs(params.id, sentToFkSchema));
  return found?.sent === undefined ? noSuchCase() : undefined;
}

/**
 * Receives one message from FK about a certificate, inside the caller's transaction: reads
 * what the domain's `receiveFkMessage` decides on, and stores the thread it makes or changes.
 */
export async function receiveFkMessage(
  tx: Transaction,
  definitions: Definitions,
  certificateId: string,
  message: FkMessage,
  officer: FkOfficer,
  now: number,
): Promise<Response> {
  const certificate = await tx.certificates.get(certificateId);
  if (certificate === undefined) {
    return errorResponse(404, apiErrorCodes.notFound, threadHandlerMessages.certificateNotFound);
  }
  const complements = await loadComplements(tx, certificate.id);
  const messageId = fkMessageIdOf(message);
  const messageIdExists =
    (await tx.threads.countByIndex('by-message-id', { equals: messageId })) > 0;
  const target = message.kind === 'question' ? undefined : await tx.threads.get(message.threadId);
  const received = receiveMessage(
    message,
    {
      certificate,
      definition: definitionOf(definitions, certificate),
      complements,
      messageId,
      messageIdExists,
      target,
      contactInfo: officer.contactInfo,
    },
    isoInstant(now),
  );
  if (isRejection(received)) return rejectionResponse(received);
  await tx.threads.put(received.thread);
  return jsonResponse(fkThreadResponseSchema, { thread: presentFkThread(received.thread) }, 201);
}

function caseRow(
  received: FkReceivedRecord,
  names: { patient: string; identityNumber: string; unit: string },
  definitions: Definitions,
  openThreads: number,
): FkCaseRow {
  const definition = definitionOf(definitions, received);
  return {
    certificateId: received.certificateId,
    type: received.type,
    formNumber: definition.formNumber,
    name: definition.name,
    patient: { name: names.patient, identityNumber: names.identityNumber },
    unitName: names.unit,
    receivedAt: received.receivedAt,
    sentBy: received.sentBy,
    revoked: received.revoked !== undefined,
    openThreads,
  };
}

/**
 * The newest receipt of each certificate FK has received, the newest first (or the oldest
 * first); receipts of the same instant in the order of their certificate ids, so a page is stable.
 */
function latestReceipts(
  received: readonly FkReceivedRecord[],
  order: 'desc' | 'asc' = 'desc',
): FkReceivedRecord[] {
  const latest = new Map<string, FkReceivedRecord>();
  for (const entry of received) {
    const known = latest.get(entry.certificateId);
    if (known === undefined || known.receivedAt < entry.receivedAt) {
      latest.set(entry.certificateId, entry);
    }
  }
  const direction = order === 'desc' ? -1 : 1;
  return [...latest.values()].sort(
    (a, b) =>
      direction * a.receivedAt.localeCompare(b.receivedAt) ||
      a.certificateId.localeCompare(b.certificateId),
  );
}

/** FK's questions on the certificate that still wait for the care unit (the list's count). */
function waitingForCare(threads: readonly ThreadRecord[]): number {
  return threads.filter((thread) => fkStateOf(threadFactsOf(thread)) === 'awaiting-care').length;
}

export function fkSimulatorHandlers(db: Database) {
  return [
    servePublic(endpoints.listFkLoginOptions, () =>
      Promise.resolve(
        jsonResponse(fkLoginOptionsResponseSchema, {
          officers: fkOfficers.map(({ id, name }) => ({ id, name })),
        }),
      ),
    ),

    servePublic(endpoints.fkLogin, async ({ body }) => {
      const officer = fkOfficers.find((candidate) => candidate.id === body.officerId);
      if (officer === undefined) {
        return errorResponse(403, apiErrorCodes.forbidden, fkMessages.noSuchOfficer);
      }
      return db.write(async (tx) => {
        const settings = await loadSettings(tx);
        const now = nowFor(settings);
        const token = await openSession(
          tx,
          { principal: 'fk', userId: officer.id, unitHsaId: fkOffice.hsaId },
          settings,
          now,
        );
        return jsonResponse(fkLoginResponseSchema, {
          token,
          session: { officer: { id: officer.id, name: officer.name }, today: swedishDay(now) },
        });
      });
    }),

    serve(db, endpoints.fkLogout, { touch: false }, async ({ auth }) => {
      await db.write((tx) => closeSession(tx, auth.session, auth.now));
      return new Response(null, { status: 204 });
    }),

    serve(db, endpoints.getFkSession, ({ auth }) =>
      Promise.resolve(
        jsonResponse(fkSessionSchema, {
          officer: { id: auth.officer.id, name: auth.officer.name },
          today: swedishDay(auth.now),
        }),
      ),
    ),

    serve(db, endpoints.queryFkCases, async ({ body }) => {
      const definitions = await loadDefinitions();
      return db.read(async (tx) => {
        const [received, patients, units] = await Promise.all([
          tx.fkReceived.getAll(),
          tx.patients.getAll(),
          tx.careUnits.getAll(),
        ]);
        const patientById = new Map(patients.map((patient) => [patient.id, patient]));
        const unitName = new Map(units.map((unit) => [unit.hsaId, unit.name]));
        const needle = body.patient?.toLocaleLowerCase('sv-SE').replaceAll('-', '') ?? '';
        const rows = [];
        for (const entry of latestReceipts(received, body.order)) {
          const patient = patientById.get(entry.patientId);
          if (patient === undefined) continue;
          const name = patientName(patient);
          if (
            needle !== '' &&
            !name.toLocaleLowerCase('sv-SE').includes(needle) &&
            !patient.identityNumber.includes(needle)
          ) {
            continue;
          }
          rows.push({ entry, patient, name });
        }
        const start = (body.page - 1) * body.pageSize;
        const items = [];
        for (const { entry, patient, name } of rows.slice(start, start + body.pageSize)) {
          const threads = await tx.threads.getAllByIndex('by-certificate', {
            equals: entry.certificateId,
          });
          items.push(
            caseRow(
              entry,
              {
                patient: name,
                identityNumber: patient.identityNumber,
                unit: unitName.get(entry.unitHsaId) ?? entry.unitHsaId,
              },
              definitions,
              waitingForCare(threads),
            ),
          );
        }
        return jsonResponse(fkCaseListResponseSchema, {
          items,
          total: rows.length,
          page: body.page,
          pageSize: body.pageSize,
        });
      });
    }),

    serve(db, endpoints.getFkCase, { access: receivedCase }, async ({ params: { id } }) => {
      const definitions = await loadDefinitions();
      return db.read(async (tx) => {
        const received = latestReceipts(
          (await tx.fkReceived.getAll()).filter((entry) => entry.certificateId === id),
        )[0];
        const certificate = await tx.certificates.get(id);
        const patient =
          received === undefined ? undefined : await tx.patients.get(received.patientId);
        const unit =
          received === undefined ? undefined : await tx.careUnits.get(received.unitHsaId);
        if (received === undefined || patient === undefined) return noSuchCase();
        const threads = await tx.threads.getAllByIndex('by-certificate', { equals: id });
        threads.sort((a, b) => b.sentAt.localeCompare(a.sentAt));
        const definition = definitionOf(definitions, received);
        const open = received.revoked === undefined && certificate?.status === 'signed';
        return jsonResponse(fkCaseResponseSchema, {
          case: caseRow(
            received,
            {
              patient: patientName(patient),
              identityNumber: patient.identityNumber,
              unit: unit?.name ?? received.unitHsaId,
            },
            definitions,
            waitingForCare(threads),
          ),
          certificate: received,
          questions: complementableQuestions(definition).map((question) => ({
            ...question,
            answered: question.questionId in received.answers,
          })),
          mayRequestComplement: open && definition.policy.fkMayRequestComplement === true,
          mayAskQuestions: open && definition.policy.fkMayAskQuestions,
          threads: threads.map(presentFkThread),
        });
      });
    }),

    serve(
      db,
      endpoints.sendFkMessage,
      { access: receivedCase },
      async ({ params: { id }, auth, body }) => {
        const definitions = await loadDefinitions();
        return db.write((tx) =>
          receiveFkMessage(tx, definitions, id, body, auth.officer, auth.now),
        );
      },
    ),
  ];
}
