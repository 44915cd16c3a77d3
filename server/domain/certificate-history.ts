import type {
  CertificateHistoryEvent,
  CertificateHistoryEventType,
} from '../../src/contracts/certificate-history';
import type { CertificateEvent } from '../../src/contracts/certificates';
import type { CertificateRecord, ThreadRecord } from '../store/schema';

/**
 * A certificate's history ("Historik"), newest first, from three sources, each the record of
 * its own facts:
 * - the certificate's own events, appended by the commands where each transition happens
 *   (created, saved, consent, ready, signed, sent, revoked, locked, printed by the patient);
 * - its threads with Försäkringskassan: a question, a reminder or an answer is a message in a
 *   thread record, so the history reads it there rather than copying it into the certificate
 *   (which would make every message from FK a new version of a signed certificate and turn a
 *   care user's open copy stale);
 * - the certificates made from it (renewed, replaced, complemented), read by their link to it,
 *   for the same reason: making a renewal does not change the renewed certificate.
 * Never the PDL audit log, which answers another question (who read what) and stays separate.
 */

export const FK_NAME = 'Försäkringskassan';

function fromCertificateEvent(
  record: Pick<CertificateRecord, 'sent'>,
  event: CertificateEvent,
): CertificateHistoryEvent {
  const type: CertificateHistoryEventType =
    event.type === 'sent' && record.sent?.by === 'patient' ? 'sent-by-patient' : event.type;
  return {
    type,
    at: event.at,
    by: event.by,
    ...(event.until === undefined ? {} : { until: event.until }),
  };
}

function fromThread(thread: ThreadRecord): CertificateHistoryEvent[] {
  const { topic } = thread;
  const fromFk = thread.from === 'FK';
  const asked: CertificateHistoryEvent = fromFk
    ? {
        type: topic === 'KOMPLT' ? 'complement-requested' : 'question-received',
        at: thread.sentAt,
        by: FK_NAME,
        topic,
      }
    : { type: 'question-sent', at: thread.sentAt, by: thread.author?.name ?? 'Vårdenheten', topic };
  const reminders = thread.reminders.map((reminder): CertificateHistoryEvent => ({
    type: 'reminder-received',
    at: reminder.sentAt,
    by: FK_NAME,
    topic,
  }));
  const { answer } = thread;
  const answered: CertificateHistoryEvent[] =
    answer === undefined
      ? []
      : [
          answer.from === 'FK'
            ? { type: 'answer-received', at: answer.sentAt, by: FK_NAME, topic }
            : {
                type: 'answered',
                at: answer.sentAt,
                by: answer.author?.name ?? 'Vårdenheten',
                topic,
              },
        ];
  return [asked, ...reminders, ...answered];
}

function fromChild(child: CertificateRecord): CertificateHistoryEvent[] {
  const relation = child.parent?.type;
  if (relation === undefined) return [];
  const related = { id: child.id, type: child.type, relation };
  switch (relation) {
    case 'renews':
      return [{ type: 'renewed', at: child.createdAt, by: child.createdBy.name, related }];
    case 'replaces':
      // A certificate is replaced when its replacement is signed, not when that is begun.
      return child.signed === undefined
        ? []
        : [{ type: 'replaced', at: child.signed.at, by: child.signed.by.name, related }];
    case 'complements':
      return child.signed === undefined
        ? []
        : [
            {
              type: 'complemented',
              at: child.sent?.at ?? child.signed.at,
              by: child.signed.by.name,
              related,
            },
          ];
    case 'copy-of':
      return [];
  }
}

/** The instant an event is ordered by: a grouped event by its latest. */
const latest = (event: CertificateHistoryEvent) => event.until ?? event.at;

export function certificateHistory(
  record: CertificateRecord,
  facts: { threads: readonly ThreadRecord[]; children: readonly CertificateRecord[] },
): CertificateHistoryEvent[] {
  const chronological = [
    ...record.events.map((event) => fromCertificateEvent(record, event)),
    ...facts.threads.flatMap(fromThread),
    ...facts.children.flatMap(fromChild),
  ].sort((a, b) => Date.parse(latest(a)) - Date.parse(latest(b)));
  // Sorting is stable: events of one instant keep the order they happened in (signed, sent).
  return chronological.reverse();
}
