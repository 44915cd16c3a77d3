import { z } from 'zod';
import { endpoints } from '../../src/contracts/endpoints';
import { servePublic } from '../http/guard';
import { apiErrorCodes } from '../../src/contracts/common';
import { fkReceivedResponseSchema } from '../../src/contracts/fk';
import {
  auditLogResponseSchema,
  bulkDraftsResponseSchema,
  createTestCertificateResponseSchema,
  resetResponseSchema,
  setClockResponseSchema,
  setFaultResponseSchema,
  editStoredRecordResponseSchema,
  storedCertificateResponseSchema,
} from '../../src/contracts/testability';
import { certificateTypeCodeSchema } from '../../src/contracts/certificates';
import { loadDefinition } from '../../src/definitions';
import type { Database } from '../store/store';
import { resetStore } from '../seed/seed';
import { runDueJobs } from '../jobs/run-jobs';
import { seedDialogueScenario } from './testability-scenarios';
import { seedSecondUnitWork } from './second-unit-scenario';
import { loadDefinitions } from '../http/thread-support';
import {
  certificateEvent,
  newDraftRecord,
  sentToFk,
  toActor,
  unitContactAnswers,
} from '../domain/certificates';
import type { CertificateRecord } from '../store/schema';
import { daysBetween, isoInstant, swedishDay } from '../domain/clock';
import { storeTestCertificate } from './test-certificates';
import type { Icd10Loader } from '../http/diagnoses';
import { errorResponse, jsonResponse, loadSettings, nowFor } from '../http/support';

const DAY_MS = 24 * 60 * 60 * 1000;

/** A record as it is stored, before its schema: an object of fields. */
const rawRecordSchema = z.record(z.string(), z.unknown());

/** Testers' controls: only where the testability API is switched on (`createRoutes`), never in a real deployment. */
export function testabilityHandlers(db: Database, loadIcd10: Icd10Loader) {
  return [
    servePublic(endpoints.resetBackend, async ({ body }) => {
      const { scenario, settings } = body;
      // What the scenario's seed needs is loaded first: nothing but the store inside the write.
      const seed =
        scenario === 'dialogue'
          ? { definitions: await loadDefinitions(), index: await loadIcd10() }
          : undefined;
      await db.write(async (tx) => {
        await resetStore(tx, scenario, settings);
        if (seed !== undefined) {
          const now = nowFor(await loadSettings(tx));
          await seedDialogueScenario(tx, seed.definitions, seed.index, now);
          await seedSecondUnitWork(tx, seed.definitions, seed.index, now);
        }
      });
      return jsonResponse(resetResponseSchema, { scenario });
    }),

    /** Switches a fault on or off mid-journey; the stored drafts stay as they are. */
    servePublic(endpoints.setFault, async ({ body }) => {
      const { fault } = body;
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
    servePublic(endpoints.createBulkDrafts, async ({ body }) => {
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
        for (let index = 0; index < body.count; index += 1) {
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
            completeness: body.status === 'draft' ? 'incomplete' : 'complete',
          });
          count += 1;
          if (body.status === 'draft') {
            await tx.certificates.put(draft);
            continue;
          }
          // Signed certificates fill the signed list (their answers are the unit's address);
          // every other one is sent, and Försäkringskassan's side receives it as it would any
          // sent certificate, so the FK simulator sees it and its questions.
          const signed: CertificateRecord = {
            ...draft,
            status: 'signed',
            signed: { at, by: actor },
            events: [...draft.events, certificateEvent('signed', at, actor.name)],
          };
          if (index % 2 !== 0) {
            await tx.certificates.put(signed);
            continue;
          }
          const sent = sentToFk(signed, at, { kind: 'care', actor });
          await tx.certificates.put(sent.certificate);
          await tx.fkReceived.put(sent.received);
        }
        return count;
      });
      return jsonResponse(bulkDraftsResponseSchema, { created }, 201);
    }),

    /** Moves the backend's clock; every date rule, deadline and lock follows it (the jobs run). */
    servePublic(endpoints.setClock, async ({ body }) => {
      const today = await db.write(async (tx) => {
        const settings = await loadSettings(tx);
        const real = Date.now();
        let offset: number;
        if ('date' in body) {
          // The same time of day on the given Swedish calendar day.
          const days = daysBetween(swedishDay(real), body.date);
          offset = days * DAY_MS;
        } else {
          offset = body.offsetDays * DAY_MS;
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
    servePublic(endpoints.createTestCertificate, async ({ body }) => {
      const spec = body;
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
    servePublic(endpoints.getStoredCertificate, async ({ params }) => {
      const record = await db.read((tx) => tx.certificates.get(params.id));
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
    servePublic(endpoints.editStoredRecord, async ({ body, params: { collection: name, id } }) => {
      const found = await db.write(async (tx) => {
        const stored = rawRecordSchema.safeParse(await tx[name].getUnchecked(id));
        if (!stored.success) return false;
        const removed = new Set(body.remove);
        const kept = Object.entries(stored.data).filter(([field]) => !removed.has(field));
        await tx[name].putUnchecked({ ...Object.fromEntries(kept), ...body.set, id });
        return true;
      });
      if (!found) return errorResponse(404, apiErrorCodes.notFound, 'Posten finns inte.');
      return jsonResponse(editStoredRecordResponseSchema, { collection: name, id });
    }),

    /** What Försäkringskassan has received, newest first. */
    servePublic(endpoints.listFkReceived, async () => {
      const received = await db.read((tx) => tx.fkReceived.getAll());
      received.sort((a, b) => b.receivedAt.localeCompare(a.receivedAt));
      return jsonResponse(fkReceivedResponseSchema, { received });
    }),

    /** The audit log (PDL), oldest first. */
    servePublic(endpoints.getAuditLog, async () => {
      const entries = await db.read((tx) => tx.audit.getAll());
      entries.sort((a, b) => a.at - b.at || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
      return jsonResponse(auditLogResponseSchema, { entries });
    }),
  ];
}
