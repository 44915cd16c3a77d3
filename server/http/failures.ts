import { apiErrorCodes } from '../../src/contracts/common';
import { describeError, isIdentityNumberShaped, serverLog } from '../logging';
import { StorageUnavailableError, StoredRecordError } from '../store/errors';
import type { CollectionName } from '../store/schema';
import { errorResponse } from './support';

/**
 * What a failure inside the backend answers. Nothing escapes a route: every exception becomes
 * an answer in the contract's error shape (`{ code, message }`, Swedish), never a stack trace,
 * an exception's name or its message, and is written to the server's log instead.
 *
 * - The store is unavailable (quota, disk, database down): 503 `STORAGE_UNAVAILABLE`. Nothing
 *   was written; the client retries (autosave keeps the edit meanwhile).
 * - A stored record does not match its schema: 500 `RECORD_UNREADABLE`, for the requests that
 *   read that record only (lists skip it, see `Collection.getAll`).
 * - Anything else: 500 `SERVER_ERROR`.
 */

export const failureMessages = {
  storageUnavailable:
    'Tjänsten kan inte läsa eller spara uppgifter just nu. Ingenting har ändrats. Försök igen om en stund.',
  serverError: 'Ett tekniskt fel uppstod på servern. Försök igen om en stund.',
  unreadable: {
    certificate: 'Intyget kunde inte läsas. Kontakta support om felet kvarstår.',
    thread: 'Ärendet kunde inte läsas. Kontakta support om felet kvarstår.',
    patient: 'Patientens uppgifter kunde inte läsas. Kontakta support om felet kvarstår.',
    other: 'Uppgifterna kunde inte läsas. Kontakta support om felet kvarstår.',
  },
} as const;

function unreadableMessage(collection: CollectionName): string {
  switch (collection) {
    case 'certificates':
    case 'certificateRows':
    case 'fkReceived':
      return failureMessages.unreadable.certificate;
    case 'threads':
      return failureMessages.unreadable.thread;
    case 'patients':
      return failureMessages.unreadable.patient;
    default:
      return failureMessages.unreadable.other;
  }
}

/**
 * The request as the log names it: method and path. URLs carry opaque ids only; a path
 * segment shaped like an identity number (someone typed one into the address) is blotted out.
 */
function requestLine(request: Request): string {
  const segments = new URL(request.url).pathname.split('/').map((segment) => {
    let decoded = segment;
    try {
      decoded = decodeURIComponent(segment);
    } catch {
      // A malformed escape is logged as it came.
    }
    return isIdentityNumberShaped(decoded) ? '[identitetsnummer]' : segment;
  });
  return `${request.method} ${segments.join('/')}`.slice(0, 300);
}

/** The answer to a failure thrown while handling `request`, logged on the server. */
export function failureResponse(request: Request, error: unknown): Response {
  const at = requestLine(request);
  if (error instanceof StorageUnavailableError) {
    serverLog.error('storage-unavailable', { request: at, kind: error.kind });
    return errorResponse(503, apiErrorCodes.storageUnavailable, failureMessages.storageUnavailable);
  }
  if (error instanceof StoredRecordError && error.operation === 'read') {
    serverLog.error('stored-record-unreadable', {
      request: at,
      collection: error.collection,
      recordId: error.recordId,
      issues: error.issues,
    });
    return errorResponse(500, apiErrorCodes.recordUnreadable, unreadableMessage(error.collection));
  }
  const { kind, detail } = describeError(error);
  serverLog.error('request-failed', { request: at, kind, detail });
  return errorResponse(500, apiErrorCodes.serverError, failureMessages.serverError);
}

/** Runs a route's work; whatever it throws is answered by `failureResponse`. */
export async function contain<R extends Response | undefined>(
  request: Request,
  work: () => Promise<R> | R,
): Promise<R | Response> {
  try {
    return await work();
  } catch (error) {
    return failureResponse(request, error);
  }
}
