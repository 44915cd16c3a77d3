import { z } from 'zod';
import { endpoints } from '../../src/contracts/endpoints';
import { handle } from '../http/endpoint';
import { apiErrorCodes } from '../../src/contracts/common';
import { fkReceivedResponseSchema } from '../../src/contracts/fk';
import {
  auditLogResponseSchema,
  bulkDraftsRequestSchema,
  bulkDraftsResponseSchema,
  createTestCertificateRequestSchema,
  createTestCertificateResponseSchema,
  resetRequestSchema,
  resetResponseSchema,
  setClockRequestSchema,
  setClockResponseSchema,
  setFaultRequestSchema,
  setFaultResponseSchema,
  editStoredRecordRequestSchema,
  editStoredRecordResponseSchema,
  storedCertificateResponseSchema,
  storedRecordCollectionSchema,
} from '../../src/contracts/testability';
import { certificateTypeCodeSchema } from '../../src/contracts/certificates';
import { loadDefinition } from '../../src/definitions';
import type { Database } from '../store/store';
import { resetStore } from '../seed/seed';
import { runDueJobs } from '../jobs/run-jobs';
import { seedDialogueScenario } from './testability-scenarios';
import { loadDefinitions } from '../http/thread-support';
import { newDraftRecord, toActor, unitContactAnswers } from '../domain/certificates';
import { daysBetween, isoInstant, swedishDay } from '../domain/clock';
import { storeTestCertificate } from './test-certificates';
import type { Icd10Loader } from '../http/diagnoses';
import { errorResponse, jsonResponse, loadSettings, nowFor, parseJsonBody } from '../http/support';

const DAY_MS = 24 * 60 * 60 * 1000;

/** A record as it is stored, before its schema: an object of fields. */
const rawRecordSchema = z.record(z.string(), z.unknown());

/** Testers' controls: only where the testability API is switched on (`createRoutes`), never in a real deployment. */
export function testabilityHandlers(db: Database, loadIcd10: Icd10Loader) {
  return [
    handle(endpoints.resetBackend, async ({ request }) => {
      const body = await parseJsonBody(request, resetRequestSchema);
      if (!body.ok) return body.response;
      const { scenario, settings } = body.data;
      // What the scenario's seed needs is loaded first: nothing but the store inside the write.
      const seed =
        scenario === 'dialogue'
          ? { definitions: await loadDefinitions(), index: await loadIcd10() }
          : undefined;
      await db.write(async (tx) => {
        await resetStore(tx, scenario, settings);
        if (seed !== undefined) {
          await seedDialogueScenario(
            tx,
            seed.definitions,
            seed.index,
            nowFor(await loadSettings(tx)),
          );
        }
      });
      return jsonResponse(resetResponseSchema, { scenario });
    }),

    /** Switches a fault on or off mid-journey; the stored drafts stay as they are. */
    handle(endpoints.setFault, async ({ request }) => {
      const body = await parseJsonBody(request, setFaultRequestSchema);
      if (!body.ok) return body.response;
      const { fault } = body.data;
      await db.write(async (tx) => {
        const settings = await loadSettings(tx);
        await tx.settings.put({ ...settings, fault });
      });
      return jsonResponse(setFaultResponseSchema, { fault });
    }),

    /**
     * Fills the unit's work lists for benchmarks: `count` drafts (or signed certificates, every
     * other one sent) spread over every type and the seeded living patients, a minute apart,
     * by the unit's signing users.
     */
    handle(endpoints.createBulkDrafts, async ({ request }) => {
      const body = await parseJsonBody(request, bulkDraftsRequestSchema);
      if (!body.ok) return body.response;
      const definitions = await Promise.all(
        certificateTypeCodeSchema.options.map(async (type) => ({
          type,
          definition: await loadDefinition(type),
        })),
      );
      const created = await db.write(async (tx) => {
        const settings = await loadSettings(tx);
        const now = nowFor(settings);
        const patients = (await tx.patients.getAll()).filter(
          (patient) => !patient.deceased && !patient.protectedIdentity,
        );
        const unit = (await tx.careUnits.getAll())[0];
        const users = await tx.users.getAll();
        if (unit === undefined) return 0;
        let count = 0;
        for (let index = 0; index < body.data.count; index += 1) {
          const entry = definitions[index % definitions.length];
          const patient = patients[index % patients.length];
          if (entry === undefined || patient === undefined) break;
          const { type, definition } = entry;
          const signers = users.filter((user) => definition.policy.signRoles.includes(user.role));
          const user = signers[index % signers.length];
          if (user === undefined) continue;
          const at = isoInstant(now - index * 60_000);
          const actor = toActor(user);
          const draft = newDraftRecord({
            definition,
            type,
            patient,
            unitHsaId: unit.hsaId,
            actor,
            at,
            answers: unitContactAnswers(definition, unit),
            completeness: body.data.status === 'draft' ? 'incomplete' : 'complete',
          });
          // Signed rows fill the signed list only: their answers are the unit's address.
          await tx.certificates.put(
            body.data.status === 'draft'
              ? draft
              : {
                  ...draft,
                  status: 'signed',
                  signed: { at, by: actor },
                  ...(index % 2 === 0 ? { sent: { at, by: actor } } : {}),
                },
          );
          count += 1;
        }
        return count;
      });
      return jsonResponse(bulkDraftsResponseSchema, { created }, 201);
    }),

    /** Moves the backend's clock; every date rule, deadline and lock follows it (the jobs run). */
    handle(endpoints.setClock, async ({ request }) => {
      const body = await parseJsonBody(request, setClockRequestSchema);
      if (!body.ok) return body.response;
      const today = await db.write(async (tx) => {
        const settings = await loadSettings(tx);
        const real = Date.now();
        let offset: number;
        if ('date' in body.data) {
          // The same time of day on the given Swedish calendar day.
          const days = daysBetween(swedishDay(real), body.data.date);
          offset = days * DAY_MS;
        } else {
          offset = body.data.offsetDays * DAY_MS;
        }
        await tx.settings.put({ ...settings, clockOffsetMs: offset });
        return swedishDay(real + offset);
      });
      // A new day for the backend: its jobs (the draft lock) run at once, as at night.
      await runDueJobs(db);
      return jsonResponse(setClockResponseSchema, { today });
    }),

    /**
     * Makes a certificate of any type for a seeded patient in one call: a draft (empty,
     * minimal or complete answers from the builders), one marked ready for signing, or a
     * signed and possibly sent one.
     */
    handle(endpoints.createTestCertificate, async ({ request }) => {
      const body = await parseJsonBody(request, createTestCertificateRequestSchema);
      if (!body.ok) return body.response;
      const spec = body.data;
      const definition = await loadDefinition(spec.type);
      const index = await loadIcd10();
      return db.write(async (tx) => {
        const stored = await storeTestCertificate(tx, spec, definition, index);
        return stored.ok
          ? jsonResponse(createTestCertificateResponseSchema, { certificateId: stored.id }, 201)
          : stored.response;
      });
    }),

    /** A certificate as stored (for tests that check that nothing typed was lost). */
    handle(endpoints.getStoredCertificate, async ({ params }) => {
      const record = await db.read((tx) => tx.certificates.get(String(params.id)));
      if (record === undefined) {
        return errorResponse(404, apiErrorCodes.notFound, 'Intyget finns inte.');
      }
      return jsonResponse(storedCertificateResponseSchema, {
        id: record.id,
        status: record.status,
        version: record.version,
        answers: record.answers,
        savedBy: record.savedBy.name,
      });
    }),

    /**
     * Damages a stored record on purpose: removes and sets top-level fields of it as it is
     * stored, without its schema (its id stays; its list row is left as it was).
     */
    handle(endpoints.editStoredRecord, async ({ request, params }) => {
      const collection = storedRecordCollectionSchema.safeParse(params.collection);
      if (!collection.success) {
        return errorResponse(400, apiErrorCodes.badRequest, 'Samlingen finns inte.');
      }
      const body = await parseJsonBody(request, editStoredRecordRequestSchema);
      if (!body.ok) return body.response;
      const id = String(params.id);
      const name = collection.data;
      const found = await db.write(async (tx) => {
        const stored = rawRecordSchema.safeParse(await tx[name].getUnchecked(id));
        if (!stored.success) return false;
        const removed = new Set(body.data.remove);
        const kept = Object.entries(stored.data).filter(([field]) => !removed.has(field));
        await tx[name].putUnchecked({ ...Object.fromEntries(kept), ...body.data.set, id });
        return true;
      });
      if (!found) return errorResponse(404, apiErrorCodes.notFound, 'Posten finns inte.');
      return jsonResponse(editStoredRecordResponseSchema, { collection: name, id });
    }),

    /** What Försäkringskassan has received, newest first. */
    handle(endpoints.listFkReceived, async () => {
      const received = await db.read((tx) => tx.fkReceived.getAll());
      received.sort((a, b) => b.receivedAt.localeCompare(a.receivedAt));
      return jsonResponse(fkReceivedResponseSchema, { received });
    }),

    /** The audit log (PDL), oldest first. */
    handle(endpoints.getAuditLog, async () => {
      const entries = await db.read((tx) => tx.audit.getAll());
      entries.sort((a, b) => a.at - b.at || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
      return jsonResponse(auditLogResponseSchema, { entries });
    }),
  ];
}
