import { apiErrorCodes } from '../../src/contracts/common';
import { endpoints } from '../../src/contracts/endpoints';
import {
  fmbGuidanceResponseSchema,
  fmbSickLeaveCheckResponseSchema,
  type FmbGuidance,
  type FmbPeriod,
} from '../../src/contracts/fmb';
import { diagnosisCodeSchema } from '../../src/contracts/diagnoses';
import { loadDefinitionVersion } from '../../src/definitions';
import { periodListValueSchema, type CertificateDefinition } from '../../src/form-engine';
import type { Database } from '../store/store';
import type { CertificateRecord } from '../store/schema';
import {
  headingOf,
  largestRecommendation,
  matchFmbCode,
  ongoingSickLeave,
  sickLeaveWarning,
  sortTypfall,
  type FmbIndex,
} from '../domain/fmb/fmb';
import { loadFmbIndex } from '../domain/fmb/fmb-index';
import { certificateMessages, loadReadable } from './certificate-action';
import { serve } from './guard';
import { errorResponse, jsonResponse } from './support';
import { loadDefinitions, definitionOf } from './thread-support';

/**
 * FMB over the API, as a real backend serves Socialstyrelsen's current FMB: the guidance for
 * diagnosis codes, and the check of a draft's proposed sick leave, with the patient's ongoing
 * sick leave on the unit, against it (the rules are `server/domain/fmb/fmb.ts`).
 */

export const fmbMessages = {
  noGuidance: 'FMB har inget stöd för diagnoskoden.',
  notACode: 'Det är inte en giltig diagnoskod.',
} as const;

const SOURCE_NAME = 'Socialstyrelsen, försäkringsmedicinskt beslutsstöd';

function sourceOf(index: FmbIndex) {
  return { name: SOURCE_NAME, snapshot: index.snapshot };
}

function guidanceFor(code: string, index: FmbIndex): FmbGuidance {
  const shaped = diagnosisCodeSchema.safeParse(code.trim().toUpperCase().replace('.', ''));
  if (!shaped.success) return { status: 'none', code, reason: fmbMessages.notACode };
  const matched = matchFmbCode(shaped.data, index);
  const heading = matched === undefined ? undefined : headingOf(matched, index);
  if (matched === undefined || heading === undefined) {
    return { status: 'none', code, reason: fmbMessages.noGuidance };
  }
  return {
    status: 'found',
    code,
    matchedCode: matched,
    heading,
    typfall: sortTypfall(index.typfall.get(matched) ?? []),
  };
}

/** The ids of the definition's sick-leave period questions. */
function sickLeaveQuestionIds(definition: CertificateDefinition): string[] {
  return definition.categories.flatMap((category) =>
    category.questions.flatMap((question) =>
      question.kind === 'sickLeavePeriods' ? [question.id] : [],
    ),
  );
}

/** The periods a signed certificate gives sick leave for. */
function periodsOf(record: CertificateRecord, definition: CertificateDefinition): FmbPeriod[] {
  return sickLeaveQuestionIds(definition).flatMap((id) => {
    const rows = periodListValueSchema.safeParse(record.answers[id]);
    return rows.success ? rows.data.map(({ from, to }) => ({ from, to })) : [];
  });
}

/**
 * The patient's other certificates of the type on the unit that count as sick leave: signed,
 * not revoked, not replaced by a signed certificate, and not the one this draft replaces.
 */
function countingCertificates(
  record: CertificateRecord,
  patientsCertificates: readonly CertificateRecord[],
): CertificateRecord[] {
  const replaced = new Set(
    patientsCertificates.flatMap((other) =>
      other.status === 'signed' && other.parent?.type === 'replaces'
        ? [other.parent.certificateId]
        : [],
    ),
  );
  if (record.parent?.type === 'replaces') replaced.add(record.parent.certificateId);
  return patientsCertificates.filter(
    (other) =>
      other.id !== record.id &&
      other.type === record.type &&
      other.unitHsaId === record.unitHsaId &&
      other.status === 'signed' &&
      !replaced.has(other.id),
  );
}

export function fmbHandlers(db: Database) {
  return [
    serve(db, endpoints.getFmbGuidance, async ({ body }) => {
      const index = await loadFmbIndex();
      return jsonResponse(fmbGuidanceResponseSchema, {
        guidance: body.codes.map((code) => guidanceFor(code, index)),
        source: sourceOf(index),
      });
    }),

    serve(db, endpoints.checkFmbSickLeave, async ({ auth, body }) => {
      const index = await loadFmbIndex();
      const peeked = await db.read((tx) => tx.certificates.get(body.certificateId));
      if (peeked === undefined) {
        return errorResponse(404, apiErrorCodes.notFound, certificateMessages.notFound);
      }
      const definition = await loadDefinitionVersion(peeked.type, peeked.definitionVersion);
      const definitions = await loadDefinitions();
      return db.read(async (tx) => {
        const readable = await loadReadable(tx, body.certificateId, definition, auth);
        if (!readable.ok) return readable.response;
        const { record } = readable.loaded;
        const patientsCertificates = await tx.certificates.getAllByIndex('by-patient', {
          equals: record.patientId,
        });
        const others = countingCertificates(record, patientsCertificates).map((other) =>
          periodsOf(other, definitionOf(definitions, other)),
        );
        const days = ongoingSickLeave(body.periods, others);
        const recommendation = largestRecommendation(body.codes, index);
        const warning = sickLeaveWarning(recommendation, days.totalDays);
        return jsonResponse(fmbSickLeaveCheckResponseSchema, {
          ...(recommendation === undefined ? {} : { recommendation }),
          ...days,
          ...(warning === undefined ? {} : { warning }),
          source: sourceOf(index),
        });
      });
    }),
  ];
}
