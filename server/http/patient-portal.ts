import { z } from 'zod';
import type { Sent } from '../../src/contracts/certificates';
import { apiErrorCodes } from '../../src/contracts/common';
import { endpoints } from '../../src/contracts/endpoints';
import {
  portalCertificateListResponseSchema,
  portalCertificateResponseSchema,
  portalLoginOptionsResponseSchema,
  portalLoginResponseSchema,
  portalSessionSchema,
  type PortalCertificate,
  type PortalCertificateRow,
} from '../../src/contracts/patient-portal';
import { loadDefinitionVersion } from '../../src/definitions';
import type { CertificateDefinition } from '../../src/form-engine';
import type { Database, Transaction } from '../store/store';
import type { CertificateRecord, PatientRecord } from '../store/schema';
import { patientName } from '../domain/certificates';
import { printedByPatient } from '../domain/certificate-commands';
import { isoInstant, swedishDay } from '../domain/clock';
import {
  decidePortalPrint,
  decidePortalRead,
  decidePortalSend,
  portalActionsFor,
  portalMessages,
  sendByPatient,
  type PortalFacts,
} from '../domain/patient-portal';
import type { Decision } from '../domain/lifecycle';
import { refuse } from './certificate-action';
import { serve, servePublic, type AccessInput } from './guard';
import {
  audit,
  errorResponse,
  jsonResponse,
  loadSettings,
  nowFor,
  type PatientAuth,
} from './support';
import { closeSession, openSession } from './principals';
import { loadDefinitions, type Definitions } from './thread-support';

/**
 * Mina intyg: a patient, identified by a simulated e-identification, reads, prints and sends
 * their own certificates. The patient's principal reaches nothing else (the care unit's and
 * FK's guards refuse it), and here every certificate is checked against `decidePortalRead`
 * before anything of it is used, so a guessed id learns nothing.
 */

/** The people the simulated e-identification lists: living patients, by name. */
const MAX_PEOPLE = 50;

function person(patient: PatientRecord) {
  return { id: patient.id, name: patientName(patient), identityNumber: patient.identityNumber };
}

/** The certificate's children that are signed replacements of it, oldest first. */
function signedReplacement(
  children: readonly CertificateRecord[],
): { id: string; signedAt: string } | undefined {
  for (const child of children) {
    if (child.parent?.type === 'replaces' && child.status === 'signed' && child.signed) {
      return { id: child.id, signedAt: child.signed.at };
    }
  }
  return undefined;
}

function factsOf(
  record: CertificateRecord,
  definition: Pick<CertificateDefinition, 'policy'>,
  patient: PatientRecord,
  replaced: boolean,
): PortalFacts {
  return {
    policy: definition.policy,
    ownerId: record.patientId,
    status: record.status,
    signed: record.signed !== undefined,
    sent: record.sent !== undefined,
    replaced,
    testPerson: patient.testIndicated,
  };
}

/** Logs the patient's own access; test persons are not logged, as for care users. */
async function auditPatient(
  tx: Transaction,
  auth: PatientAuth,
  action: 'certificate-read' | 'certificate-print' | 'certificate-send',
  certificateId: string,
): Promise<void> {
  if (auth.patient.testIndicated) return;
  await audit(tx, auth.now, action, {
    principal: 'patient',
    userId: auth.patient.id,
    patientId: auth.patient.id,
    certificateId,
  });
}

async function unitName(tx: Transaction, hsaId: string): Promise<string> {
  return (await tx.careUnits.get(hsaId))?.name ?? hsaId;
}

function sentOf(sent: Sent): NonNullable<PortalCertificateRow['sent']> {
  return sent.by === 'patient'
    ? { at: sent.at, byPatient: true }
    : { at: sent.at, byPatient: false, senderName: sent.by.name };
}

async function rowOf(
  tx: Transaction,
  record: CertificateRecord,
  definition: Pick<CertificateDefinition, 'formNumber' | 'name' | 'kind'>,
  replacedBy: { id: string; signedAt: string } | undefined,
): Promise<PortalCertificateRow> {
  const { signed } = record;
  if (signed === undefined) throw new Error('The patient sees only signed certificates');
  return {
    id: record.id,
    type: record.type,
    formNumber: definition.formNumber,
    name: definition.name,
    kind: definition.kind,
    status: record.status === 'revoked' ? 'revoked' : 'signed',
    signedAt: signed.at,
    signedBy: { name: signed.by.name, title: signed.by.title },
    unitName: await unitName(tx, record.unitHsaId),
    ...(record.sent === undefined ? {} : { sent: sentOf(record.sent) }),
    ...(record.revoked === undefined ? {} : { revokedAt: record.revoked.at }),
    ...(replacedBy === undefined || record.status === 'revoked' ? {} : { replacedBy }),
  };
}

interface Located {
  id: string;
  definition: CertificateDefinition;
}

function noAccess(): Response {
  return errorResponse(403, apiErrorCodes.forbidden, portalMessages.noAccess);
}

/** Whose a certificate is: the one field the access check reads. */
const certificateOwnerSchema = z.object({ patientId: z.string() });

/**
 * The guard's resource check for a path that names a certificate (`{id}`): it must be the
 * patient's own. Another patient's certificate and one that does not exist are refused alike
 * (403). What the patient may do with their own (its state) the portal's rules decide later.
 */
async function ownCertificate({
  db,
  params,
  auth,
}: AccessInput<PatientAuth, { readonly id: string }>): Promise<Response | undefined> {
  const found = await db.read((tx) => tx.certificates.getAs(params.id, certificateOwnerSchema));
  return found?.patientId === auth.patient.id ? undefined : noAccess();
}

/** The certificate the path names, with its definition at the version it was written with. */
async function locate(db: Database, id: string): Promise<Located | Response> {
  const record = await db.read((tx) => tx.certificates.get(id));
  // Gone since the guard's access check (deleted meanwhile): refused as the guard refuses.
  if (record === undefined) return noAccess();
  return { id, definition: await loadDefinitionVersion(record.type, record.definitionVersion) };
}

interface Loaded {
  record: CertificateRecord;
  replacedBy: { id: string; signedAt: string } | undefined;
  facts: PortalFacts;
}

/** Reads the certificate in the transaction and applies `rule`, refusing as it says. */
async function loadOwn(
  tx: Transaction,
  auth: PatientAuth,
  located: Located,
  rule: (patientId: string, facts: PortalFacts) => Decision,
): Promise<Loaded | Response> {
  const record = await tx.certificates.get(located.id);
  if (record === undefined) return noAccess();
  const replacedBy = signedReplacement(
    await tx.certificates.getAllByIndex('by-parent', { equals: record.id }),
  );
  const facts = factsOf(record, located.definition, auth.patient, replacedBy !== undefined);
  // Whose it is comes first: a refusal for someone else's says nothing about its state.
  const read = decidePortalRead(auth.patient.id, facts);
  if (!read.allowed) return refuse(read);
  const decision = rule(auth.patient.id, facts);
  if (!decision.allowed) return refuse(decision);
  return { record, replacedBy, facts };
}

async function present(
  tx: Transaction,
  auth: PatientAuth,
  definition: CertificateDefinition,
  loaded: Loaded,
): Promise<PortalCertificate> {
  const { record, replacedBy, facts } = loaded;
  const unit = await tx.careUnits.get(record.unitHsaId);
  if (unit === undefined) throw new Error(`No care unit ${record.unitHsaId}`);
  const row = await rowOf(tx, record, definition, replacedBy);
  const revoked = record.status === 'revoked';
  return {
    ...row,
    definitionVersion: record.definitionVersion,
    patient: {
      name: patientName(auth.patient),
      identityNumber: auth.patient.identityNumber,
      birthDate: auth.patient.birthDate,
    },
    unit: {
      name: unit.name,
      postalAddress: unit.postalAddress,
      postcode: unit.postcode,
      city: unit.city,
      phone: unit.phone,
    },
    ...(revoked ? {} : { answers: record.answers }),
    ...(record.parent?.type === 'replaces' && !revoked
      ? { replaces: record.parent.certificateId }
      : {}),
    actions: portalActionsFor(auth.patient.id, facts),
  };
}

export function patientPortalHandlers(db: Database) {
  return [
    servePublic(endpoints.listPortalLoginOptions, async () => {
      const patients = await db.read((tx) => tx.patients.getAll());
      const people = patients
        .filter((patient) => !patient.deceased)
        .map(person)
        .sort((a, b) => a.name.localeCompare(b.name, 'sv-SE'))
        .slice(0, MAX_PEOPLE);
      return jsonResponse(portalLoginOptionsResponseSchema, { people });
    }),

    servePublic(endpoints.portalLogin, async ({ body }) =>
      db.write(async (tx) => {
        const patient = await tx.patients.get(body.patientId);
        if (patient === undefined || patient.deceased) {
          return errorResponse(403, apiErrorCodes.forbidden, portalMessages.noSuchPerson);
        }
        const settings = await loadSettings(tx);
        const now = nowFor(settings);
        const token = await openSession(
          tx,
          { principal: 'patient', userId: patient.id },
          settings,
          now,
        );
        return jsonResponse(portalLoginResponseSchema, {
          token,
          session: { patient: person(patient), today: swedishDay(now) },
        });
      }),
    ),

    serve(db, endpoints.portalLogout, { touch: false }, async ({ auth }) => {
      await db.write((tx) => closeSession(tx, auth.session, auth.now));
      return new Response(null, { status: 204 });
    }),

    serve(db, endpoints.getPortalSession, ({ auth }) =>
      Promise.resolve(
        jsonResponse(portalSessionSchema, {
          patient: person(auth.patient),
          today: swedishDay(auth.now),
        }),
      ),
    ),

    serve(db, endpoints.listPortalCertificates, async ({ auth }) => {
      const definitions: Definitions = await loadDefinitions();
      return db.read(async (tx) => {
        const records = await tx.certificates.getAllByIndex('by-patient', {
          equals: auth.patient.id,
        });
        const certificates: PortalCertificateRow[] = [];
        for (const record of records) {
          const definition = definitions.of(record);
          const replacedBy = signedReplacement(
            records.filter((other) => other.parent?.certificateId === record.id),
          );
          const facts = factsOf(record, definition, auth.patient, replacedBy !== undefined);
          if (!decidePortalRead(auth.patient.id, facts).allowed) continue;
          certificates.push(await rowOf(tx, record, definition, replacedBy));
        }
        certificates.sort((a, b) => b.signedAt.localeCompare(a.signedAt));
        return jsonResponse(portalCertificateListResponseSchema, { certificates });
      });
    }),

    serve(
      db,
      endpoints.getPortalCertificate,
      { access: ownCertificate },
      async ({ auth, params }) => {
        const located = await locate(db, params.id);
        if (located instanceof Response) return located;
        return db.write(async (tx) => {
          const loaded = await loadOwn(tx, auth, located, decidePortalRead);
          if (loaded instanceof Response) return loaded;
          await auditPatient(tx, auth, 'certificate-read', loaded.record.id);
          return jsonResponse(portalCertificateResponseSchema, {
            certificate: await present(tx, auth, located.definition, loaded),
          });
        });
      },
    ),

    serve(
      db,
      endpoints.printPortalCertificate,
      { access: ownCertificate },
      async ({ auth, params }) => {
        const located = await locate(db, params.id);
        if (located instanceof Response) return located;
        return db.write(async (tx) => {
          const loaded = await loadOwn(tx, auth, located, decidePortalPrint);
          if (loaded instanceof Response) return loaded;
          await tx.certificates.put(printedByPatient(loaded.record, isoInstant(auth.now)));
          await auditPatient(tx, auth, 'certificate-print', loaded.record.id);
          return new Response(null, { status: 204 });
        });
      },
    ),

    serve(
      db,
      endpoints.sendPortalCertificate,
      { access: ownCertificate },
      async ({ auth, params }) => {
        const located = await locate(db, params.id);
        if (located instanceof Response) return located;
        return db.write(async (tx) => {
          const loaded = await loadOwn(tx, auth, located, decidePortalSend);
          if (loaded instanceof Response) return loaded;
          const { record } = loaded;
          const sent = sendByPatient(record, isoInstant(auth.now));
          await tx.fkReceived.put(sent.fkReceived);
          await tx.certificates.put(sent.certificate);
          await auditPatient(tx, auth, 'certificate-send', record.id);
          return jsonResponse(portalCertificateResponseSchema, {
            certificate: await present(tx, auth, located.definition, {
              ...loaded,
              record: sent.certificate,
              facts: { ...loaded.facts, sent: true },
            }),
          });
        });
      },
    ),
  ];
}
