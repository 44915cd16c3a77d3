import { named } from './named';
import { z } from 'zod';
import {
  apiErrorSchema,
  hsaIdSchema,
  isoDateSchema,
  isoDateTimeSchema,
  opaqueIdSchema,
  roleSchema,
} from './common';
import { identityNumberSchema } from './identity-number';
import { textTooLongMessage } from '../language/swedish';
import { fkText } from './fk-text';

/**
 * Certificates over the API: the record a physician writes, consents, signs and sends.
 * Every certificate the API returns carries the actions the current user may take on it
 * now (the server decides; the UI only draws them).
 */

export const certificateTypeCodeSchema = named(
  'CertificateType',
  z.enum(['fk7804', 'fk7800', 'fk7801', 'fk7802', 'fk3226', 'fk7809', 'fk7210', 'fk7472']),
);

export const certificateStatusSchema = named(
  'CertificateStatus',
  z.enum(['draft', 'locked-draft', 'signed', 'revoked']),
);
export type CertificateStatus = z.infer<typeof certificateStatusSchema>;

/** Whether a draft's answers were complete when it was last saved (computed by the backend). */
export const draftCompletenessSchema = named(
  'DraftCompleteness',
  z.enum(['incomplete', 'complete']),
);
export type DraftCompleteness = z.infer<typeof draftCompletenessSchema>;

/** A person acting in the care unit, as certificates name them. */
export const actorSchema = named(
  'Actor',
  z.object({
    userId: opaqueIdSchema,
    hsaId: hsaIdSchema,
    name: z.string().min(1),
    role: roleSchema,
    title: z.string().min(1),
  }),
);
export type Actor = z.infer<typeof actorSchema>;

/**
 * Who sent a signed certificate to Försäkringskassan, and when: a care user, or the patient
 * from Mina intyg (`'patient'`).
 */
export const sentSchema = named(
  'Sent',
  z.object({
    at: isoDateTimeSchema,
    by: z.union([actorSchema, z.literal('patient')]),
  }),
);
export type Sent = z.infer<typeof sentSchema>;

/** Who sent it, as a sentence goes on: "… av Anna Lindqvist" or "… av patienten". */
export function senderName(sent: Sent): string {
  return sent.by === 'patient' ? 'patienten' : sent.by.name;
}

/** Question ids as keys; values are checked against the definition by the backend. */
export const answersSchema = named(
  'Answers',
  z
    .record(z.string().regex(/^[0-9A-Za-z_]{1,40}$/, 'Ogiltigt fråge-id.'), z.unknown())
    .refine((answers) => Object.keys(answers).length <= 200, 'För många svar.'),
);

const consentFieldsSchema = z.object({
  /** Who consented: the patient, or the patient's representative (ställföreträdare). */
  givenBy: z.enum(['patient', 'representative'], {
    error: 'Ange vem som har lämnat samtycket.',
  }),
  representativeName: z.string().trim().max(100, 'Namnet får vara högst 100 tecken.').optional(),
  method: z.enum(['oral', 'written'], { error: 'Ange hur samtycket lämnades.' }),
  /** The day consent was given. */
  givenOn: isoDateSchema,
});

/** Who and the representative's name: enough to tell whether the name is missing. */
const consentGiverSchema = consentFieldsSchema.pick({ givenBy: true, representativeName: true });

export const consentInputSchema = named(
  'ConsentInput',
  consentFieldsSchema.refine(
    (consent) =>
      consent.givenBy === 'patient' ||
      (consent.representativeName !== undefined && consent.representativeName !== ''),
    {
      message: 'Ange företrädarens namn.',
      path: ['representativeName'],
      // Said together with the other fields' errors (how, when), not only once they are right.
      when: (payload) => consentGiverSchema.safeParse(payload.value).success,
    },
  ),
);
export type ConsentInput = z.infer<typeof consentInputSchema>;

export const consentSchema = named(
  'Consent',
  z.object({
    givenBy: z.enum(['patient', 'representative']),
    representativeName: z.string().optional(),
    method: z.enum(['oral', 'written']),
    givenOn: isoDateSchema,
    recordedAt: isoDateTimeSchema,
    recordedBy: actorSchema,
  }),
);
export type Consent = z.infer<typeof consentSchema>;

export const certificateActionTypeSchema = named(
  'CertificateActionType',
  z.enum([
    'edit',
    'record-consent',
    'ready-for-sign',
    'sign',
    /**
     * Signing and sending in one step, on a type whose signing alone does not send (FK 7804):
     * the physician chooses it in place of signing only.
     */
    'sign-and-send',
    'send',
    'print',
    'renew',
    'replace',
    'copy',
    'revoke',
    'delete',
  ]),
);
export type CertificateActionType = z.infer<typeof certificateActionTypeSchema>;

/** One thing the user may do now, or may not, with the server's Swedish reason. */
export const certificateActionSchema = named(
  'CertificateAction',
  z.object({
    type: certificateActionTypeSchema,
    label: z.string().min(1),
    enabled: z.boolean(),
    reason: z.string().optional(),
  }),
);
export type CertificateAction = z.infer<typeof certificateActionSchema>;

export const certificatePatientSchema = named(
  'CertificatePatient',
  z.object({
    id: opaqueIdSchema,
    identityNumber: identityNumberSchema,
    identityKind: z.enum(['personnummer', 'samordningsnummer']),
    name: z.string().min(1),
    birthDate: isoDateSchema,
    protectedIdentity: z.boolean(),
    deceased: z.boolean(),
    testIndicated: z.boolean(),
  }),
);
export type CertificatePatient = z.infer<typeof certificatePatientSchema>;

export const certificateUnitSchema = named(
  'CertificateUnit',
  z.object({
    hsaId: hsaIdSchema,
    name: z.string().min(1),
  }),
);

/** How one certificate came from another: its parent's relation to it. */
export const relationTypeSchema = named(
  'RelationType',
  z.enum(['renews', 'replaces', 'complements', 'copy-of']),
);
export type RelationType = z.infer<typeof relationTypeSchema>;

/** The other end of a relation, as the certificate's header and the lists show it. */
export const relatedCertificateSchema = named(
  'RelatedCertificate',
  z.object({
    type: relationTypeSchema,
    certificateId: opaqueIdSchema,
    status: certificateStatusSchema,
    createdAt: isoDateTimeSchema,
    signedAt: isoDateTimeSchema.optional(),
  }),
);
export type RelatedCertificate = z.infer<typeof relatedCertificateSchema>;

/** Why a certificate was revoked ("makulerat"), as Webcert offers the reasons. */
export const revokeReasonSchema = named(
  'RevokeReason',
  z.enum(['wrong-patient', 'other-serious-error'], {
    error: 'Ange varför intyget ska makuleras.',
  }),
);
export type RevokeReason = z.infer<typeof revokeReasonSchema>;
export const REVOKE_MESSAGE_MAX = 3500;

export const revocationSchema = named(
  'Revocation',
  z.object({
    at: isoDateTimeSchema,
    by: actorSchema,
    reason: revokeReasonSchema,
    message: z.string().max(REVOKE_MESSAGE_MAX).optional(),
  }),
);
export type Revocation = z.infer<typeof revocationSchema>;

/** FK's cap on a question's or an answer's text in the dialogue. */
export const THREAD_TEXT_MAX = 4999;

/** One question of the certificate a complement request names, with FK's instruction. */
export const complementItemSchema = named(
  'ComplementItem',
  z.object({
    /** The definition's question id (e.g. "1", "28"). */
    questionId: z.string().min(1).max(40),
    /** The question's text in the certificate's definition. */
    questionLabel: z.string().min(1),
    instruction: z.string().min(1).max(THREAD_TEXT_MAX),
  }),
);
export type ComplementItem = z.infer<typeof complementItemSchema>;

/**
 * What a complementing draft answers: the questions FK's open complement requests named when
 * it was made, each with FK's instruction, FK's message of each request, and the last day to
 * answer. (Drafts made before the messages were kept have none.)
 */
export const complementRequestedSchema = z.object({
  threadIds: z.array(z.string().min(1)).min(1),
  items: z.array(complementItemSchema).min(1),
  messages: z
    .array(z.object({ text: z.string().min(1).max(THREAD_TEXT_MAX), sentAt: isoDateTimeSchema }))
    .optional(),
  lastDateToReply: isoDateSchema.optional(),
});
export type ComplementRequested = z.infer<typeof complementRequestedSchema>;

/**
 * On a renewal: the renewed certificate's periods, per period question the renewal leaves
 * empty (FK 7804's 32, FK 7472's 56), so the new period continues after them.
 */
export const previousPeriodsSchema = named(
  'PreviousPeriods',
  z.record(
    z.string().regex(/^[0-9A-Za-z_]{1,40}$/),
    z
      .array(z.object({ code: z.string().min(1).max(40), from: isoDateSchema, to: isoDateSchema }))
      .min(1)
      .max(10),
  ),
);
export type PreviousPeriods = z.infer<typeof previousPeriodsSchema>;

export const certificateEventSchema = named(
  'CertificateEvent',
  z.object({
    at: isoDateTimeSchema,
    type: z.enum([
      'created',
      'consent-recorded',
      'ready-for-sign',
      'signed',
      'sent',
      'revoked',
      'locked',
      /** Autosaves of one user in one session: one event, from `at` until `until`. */
      'saved',
      /** The patient printed it in Mina intyg. */
      'printed-by-patient',
    ]),
    by: z.string().min(1),
    /** The care user who acted (saves are grouped by it). */
    byId: opaqueIdSchema.optional(),
    /** The last save of a grouped "saved" event. */
    until: isoDateTimeSchema.optional(),
  }),
);
export type CertificateEvent = z.infer<typeof certificateEventSchema>;

export const certificateSchema = named(
  'Certificate',
  z.object({
    id: opaqueIdSchema,
    type: certificateTypeCodeSchema,
    /** The definition version it was written against: always shown and validated with it. */
    definitionVersion: z.string().regex(/^\d+\.\d+$/),
    status: certificateStatusSchema,
    /** Optimistic locking: every write names the version it was based on. */
    version: z.number().int().min(1),
    patient: certificatePatientSchema,
    unit: certificateUnitSchema,
    answers: answersSchema,
    completeness: draftCompletenessSchema,
    createdAt: isoDateTimeSchema,
    createdBy: actorSchema,
    savedAt: isoDateTimeSchema,
    savedBy: actorSchema,
    readyForSign: z.object({ at: isoDateTimeSchema, by: actorSchema }).optional(),
    consent: consentSchema.optional(),
    signed: z.object({ at: isoDateTimeSchema, by: actorSchema }).optional(),
    sent: sentSchema.optional(),
    revoked: revocationSchema.optional(),
    /** On a complementing certificate: what FK asked for. */
    complementRequested: complementRequestedSchema.optional(),
    /** On a renewal: the renewed certificate's periods. */
    previousPeriods: previousPeriodsSchema.optional(),
    /** What it came from (renews, replaces, copy of, complements), and what came from it. */
    relations: z.object({
      parent: relatedCertificateSchema.optional(),
      children: z.array(relatedCertificateSchema),
    }),
    events: z.array(certificateEventSchema),
    actions: z.array(certificateActionSchema),
  }),
);
export type Certificate = z.infer<typeof certificateSchema>;

export const certificateResponseSchema = named(
  'CertificateResponse',
  z.object({ certificate: certificateSchema }),
);
export type CertificateResponse = z.infer<typeof certificateResponseSchema>;

export const createCertificateRequestSchema = named(
  'CreateCertificateRequest',
  z.object({
    type: certificateTypeCodeSchema,
    patientId: opaqueIdSchema,
    /** Ids of the definition's create confirmations the user has ticked. */
    confirmations: z.array(z.string().max(60)).max(10).optional(),
  }),
);
export type CreateCertificateRequest = z.infer<typeof createCertificateRequestSchema>;

export const versionedRequestSchema = named(
  'VersionedRequest',
  z.object({
    version: z.number({ error: 'Ange utkastets version.' }).int().min(1),
  }),
);

export const saveDraftRequestSchema = named(
  'SaveDraftRequest',
  versionedRequestSchema.extend({
    answers: answersSchema,
    /**
     * The open editor that saves (a random id per opened draft, kept in memory only). When a
     * save was stored but its answer never arrived (the server or its database stopped in
     * between), the editor sends its answers again on the version it still has; the draft's
     * newer version is then its own, and the save is no conflict.
     */
    editorId: opaqueIdSchema.optional(),
  }),
);
export type SaveDraftRequest = z.infer<typeof saveDraftRequestSchema>;

export const recordConsentRequestSchema = named(
  'RecordConsentRequest',
  versionedRequestSchema.extend({
    consent: consentInputSchema,
  }),
);
export type RecordConsentRequest = z.infer<typeof recordConsentRequestSchema>;

export const signingMethodSchema = named('SigningMethod', z.enum(['siths', 'bankid']));
export type SigningMethod = z.infer<typeof signingMethodSchema>;

export const signRequestSchema = named(
  'SignRequest',
  versionedRequestSchema.extend({
    method: signingMethodSchema,
    /** Ids of the definition's signing confirmations the user has ticked. */
    confirmations: z.array(z.string().max(60)).max(10).optional(),
    /**
     * The patient's consent, captured in the signing step when none is recorded: recorded
     * with the certificate (as `POST …/consent` records it) before its readiness is checked.
     */
    consent: consentInputSchema.optional(),
    /**
     * Send it to Försäkringskassan as soon as it is signed, in the same transaction (the
     * `sign-and-send` action), on a type whose signing alone does not send.
     */
    send: z.literal(true).optional(),
  }),
);
export type SignRequest = z.infer<typeof signRequestSchema>;

export const revokeRequestSchema = named(
  'RevokeRequest',
  versionedRequestSchema
    .extend({
      reason: revokeReasonSchema,
      message: fkText(
        z.string().trim().max(REVOKE_MESSAGE_MAX, textTooLongMessage(REVOKE_MESSAGE_MAX)),
      ).optional(),
    })
    .refine(
      (request) =>
        request.reason !== 'other-serious-error' ||
        (request.message !== undefined && request.message !== ''),
      { message: 'Ange orsaken till felet.', path: ['message'] },
    ),
);
export type RevokeRequest = z.infer<typeof revokeRequestSchema>;

/**
 * The 409 body of a stale write: who saved the version this one was not based on (by name, and
 * by user id, so that a user who saved it in another tab is told so).
 */
export const conflictDetailsSchema = named(
  'ConflictDetails',
  z.object({
    code: z.literal('CONFLICT'),
    message: z.string().min(1),
    savedBy: z.string().min(1),
    savedByUserId: opaqueIdSchema,
    savedAt: isoDateTimeSchema,
  }),
);
export type ConflictDetails = z.infer<typeof conflictDetailsSchema>;

/**
 * Any 409 of a write on a certificate: a stale version (the conflict details), or a state
 * that does not allow the action (a plain error, code INVALID_STATE).
 */
export const certificateWriteConflictSchema = named(
  'CertificateWriteConflict',
  z.union([conflictDetailsSchema, apiErrorSchema]),
);

// ---------------------------------------------------------------------------
// Lists

export const certificateSummarySchema = named(
  'CertificateSummary',
  z.object({
    id: opaqueIdSchema,
    type: certificateTypeCodeSchema,
    /** e.g. "FK 7804" and "Läkarintyg för sjukpenning", from the certificate's definition. */
    formNumber: z.string().min(1),
    typeName: z.string().min(1),
    status: certificateStatusSchema,
    completeness: draftCompletenessSchema,
    /** Who marked the draft ready for signing ("Klar för signering"), and when. */
    readyForSign: z.object({ at: isoDateTimeSchema, by: z.string().min(1) }).optional(),
    patient: z.object({
      id: opaqueIdSchema,
      name: z.string().min(1),
      identityNumber: identityNumberSchema,
      protectedIdentity: z.boolean(),
    }),
    createdAt: isoDateTimeSchema,
    savedAt: isoDateTimeSchema,
    savedBy: z.string().min(1),
    signedAt: isoDateTimeSchema.optional(),
    signedBy: z.string().optional(),
    sentAt: isoDateTimeSchema.optional(),
    /** The patient sent it from Mina intyg (rather than the care unit). */
    sentByPatient: z.literal(true).optional(),
    /** What it was made from (renewal, replacement, complement, copy), for the lists. */
    parent: z.object({ type: relationTypeSchema, certificateId: opaqueIdSchema }).optional(),
    /** The signed certificate that replaces it, if one does. */
    replacedBy: opaqueIdSchema.optional(),
  }),
);
export type CertificateSummary = z.infer<typeof certificateSummarySchema>;

export const draftListSortSchema = named(
  'DraftListSort',
  z.enum(['patient', 'type', 'status', 'savedBy', 'savedAt']),
);
export type DraftListSort = z.infer<typeof draftListSortSchema>;

/** The drafts list's query travels in a POST body: no patient data in a URL. */
/** A draft's state as the drafts list shows and filters it (a locked draft is one of them). */
export const draftListStatusSchema = z.enum(['incomplete', 'complete', 'ready-for-sign', 'locked']);
export type DraftListStatus = z.infer<typeof draftListStatusSchema>;

/** A draft's list state: locked beats ready for signing beats complete (the server filters by it). */
export function draftListStatus(
  summary: Pick<CertificateSummary, 'status' | 'readyForSign' | 'completeness'>,
): DraftListStatus {
  if (summary.status === 'locked-draft') return 'locked';
  if (summary.readyForSign !== undefined) return 'ready-for-sign';
  return summary.completeness === 'complete' ? 'complete' : 'incomplete';
}

export const draftListRequestSchema = named(
  'DraftListRequest',
  z.object({
    page: z.number().int().min(1).max(100_000).default(1),
    pageSize: z.union([z.literal(10), z.literal(25), z.literal(50), z.literal(100)]).default(25),
    sort: draftListSortSchema.default('savedAt'),
    order: z.enum(['asc', 'desc']).default('desc'),
    filter: z
      .object({
        type: certificateTypeCodeSchema.optional(),
        status: draftListStatusSchema.optional(),
        savedBy: opaqueIdSchema.optional(),
        /** Part of the patient's name or identity number. */
        patient: z.string().trim().max(40, 'Skriv högst 40 tecken.').optional(),
      })
      .default({}),
  }),
);
export type DraftListRequest = z.input<typeof draftListRequestSchema>;

export const draftListResponseSchema = named(
  'DraftListResponse',
  z.object({
    items: z.array(certificateSummarySchema),
    total: z.number().int().min(0),
    page: z.number().int().min(1),
    pageSize: z.number().int().min(1),
    /** Everyone who has saved a draft on the unit, for the "Sparat av" filter. */
    savers: z.array(z.object({ id: opaqueIdSchema, name: z.string().min(1) })),
    /** Every certificate type, for the "Intygstyp" filter. */
    types: z.array(
      z.object({ type: certificateTypeCodeSchema, formNumber: z.string(), name: z.string() }),
    ),
  }),
);
export type DraftListResponse = z.infer<typeof draftListResponseSchema>;

/** A signed certificate's state as the signed list shows and filters it. */
export const signedListStatusSchema = named(
  'SignedListStatus',
  z.enum(['signed', 'sent', 'replaced', 'revoked']),
);
export type SignedListStatus = z.infer<typeof signedListStatusSchema>;

/** Revoked beats replaced beats sent (the server filters by it). */
export function signedListStatus(summary: {
  status: CertificateStatus;
  sentAt?: string | undefined;
  replacedBy?: string | undefined;
}): SignedListStatus {
  if (summary.status === 'revoked') return 'revoked';
  if (summary.replacedBy !== undefined) return 'replaced';
  return summary.sentAt === undefined ? 'signed' : 'sent';
}

export const signedListSortSchema = named(
  'SignedListSort',
  z.enum(['patient', 'type', 'status', 'signedBy', 'signedAt', 'sentAt']),
);
export type SignedListSort = z.infer<typeof signedListSortSchema>;

/** The signed list's query travels in a POST body too: no patient data in a URL. */
export const signedListRequestSchema = named(
  'SignedListRequest',
  z.object({
    page: z.number().int().min(1).max(100_000).default(1),
    pageSize: z.union([z.literal(10), z.literal(25), z.literal(50), z.literal(100)]).default(25),
    sort: signedListSortSchema.default('signedAt'),
    order: z.enum(['asc', 'desc']).default('desc'),
    filter: z
      .object({
        type: certificateTypeCodeSchema.optional(),
        status: signedListStatusSchema.optional(),
        signedBy: opaqueIdSchema.optional(),
        /** Part of the patient's name or identity number. */
        patient: z.string().trim().max(40, 'Skriv högst 40 tecken.').optional(),
        /** Signed on or after this day, and on or before that one (Swedish days). */
        signedFrom: isoDateSchema.optional(),
        signedTo: isoDateSchema.optional(),
      })
      .refine(
        (filter) =>
          filter.signedFrom === undefined ||
          filter.signedTo === undefined ||
          filter.signedFrom <= filter.signedTo,
        { message: 'Från-datumet får inte vara senare än till-datumet.', path: ['signedTo'] },
      )
      .default({}),
  }),
);
export type SignedListRequest = z.input<typeof signedListRequestSchema>;

export const signedListResponseSchema = named(
  'SignedListResponse',
  z.object({
    items: z.array(certificateSummarySchema),
    total: z.number().int().min(0),
    page: z.number().int().min(1),
    pageSize: z.number().int().min(1),
    /** Everyone who has signed a certificate on the unit, for the "Signerat av" filter. */
    signers: z.array(z.object({ id: opaqueIdSchema, name: z.string().min(1) })),
    /** Every certificate type, for the "Intygstyp" filter. */
    types: z.array(
      z.object({ type: certificateTypeCodeSchema, formNumber: z.string(), name: z.string() }),
    ),
  }),
);
export type SignedListResponse = z.infer<typeof signedListResponseSchema>;

/**
 * One of the patient's certificates on the patient's page (Webcert's "Tidigare intyg"): the
 * list row, with its version and the actions the user may take on it from there ("Förnya").
 */
export const patientCertificateSchema = named(
  'PatientCertificate',
  certificateSummarySchema.extend({
    /** The definition's kind: the page names an utlåtande as one. */
    kind: z.enum(['intyg', 'utlåtande']),
    version: z.number().int().min(1),
    actions: z.array(certificateActionSchema),
  }),
);
export type PatientCertificate = z.infer<typeof patientCertificateSchema>;

export const patientCertificatesResponseSchema = named(
  'PatientCertificatesResponse',
  z.object({
    certificates: z.array(patientCertificateSchema),
  }),
);

/** One entry of the catalogue of types the user may write for a patient. */
export const certificateTypeEntrySchema = named(
  'CertificateTypeEntry',
  z.object({
    type: certificateTypeCodeSchema,
    formNumber: z.string().min(1),
    name: z.string().min(1),
    kind: z.enum(['intyg', 'utlåtande']),
    summary: z.string().min(1),
    /** The patient's newest draft and newest signed certificate of this type, if any. */
    existingDraft: z.object({ id: opaqueIdSchema, savedAt: isoDateTimeSchema }).optional(),
    existingSigned: z.object({ id: opaqueIdSchema, signedAt: isoDateTimeSchema }).optional(),
    /** One of the user's favourites (they come first); absent or false: not. */
    favourite: z.boolean().optional(),
    /** A confirmation the user must give before the draft is created. */
    confirmation: z
      .object({
        id: z.string().min(1),
        title: z.string().min(1),
        info: z.string().optional(),
        text: z.string().min(1),
        checkboxLabel: z.string().min(1),
      })
      .optional(),
  }),
);
export type CertificateTypeEntry = z.infer<typeof certificateTypeEntrySchema>;

export const certificateCatalogueResponseSchema = named(
  'CertificateCatalogueResponse',
  z.object({
    types: z.array(certificateTypeEntrySchema),
    /** Why nothing can be created for this patient (a deceased patient), if so. */
    blockedReason: z.string().optional(),
  }),
);
export type CertificateCatalogueResponse = z.infer<typeof certificateCatalogueResponseSchema>;
