import {
  inboxToDoFilterSchema,
  threadToDoLabels,
  type InboxToDoFilter,
  type ThreadDue,
  type ThreadParty,
} from '../contracts/threads';
import { capitalized } from '../language/swedish';

/** The words the app uses for threads with Försäkringskassan, everywhere they are shown. */

export { threadToDoLabels };

/** Who wrote a message, as a sentence names them: "Svar från vårdenheten". */
export const threadPartyNames: Readonly<Record<ThreadParty, string>> = {
  FK: 'Försäkringskassan',
  care: 'vårdenheten',
};

/** Who wrote a message, standing alone (a column, a filter's option): "Vårdenheten". */
export const threadPartyLabels: Readonly<Record<ThreadParty, string>> = {
  FK: capitalized(threadPartyNames.FK),
  care: capitalized(threadPartyNames.care),
};

/** The inbox's "Åtgärd" filter; without a choice it shows every unhandled thread. */
export const inboxToDoFilters = inboxToDoFilterSchema.options.filter(
  (option) => option !== 'unhandled',
);
export const inboxToDoFilterLabels: Readonly<Record<InboxToDoFilter, string>> = {
  unhandled: 'Alla ej hanterade',
  all: 'Alla ärenden',
  handled: 'Hanterade',
  complement: threadToDoLabels.complement,
  answer: threadToDoLabels.answer,
  'read-answer': threadToDoLabels['read-answer'],
  'await-answer': threadToDoLabels['await-answer'],
};

/** What a question's last day to answer means now, beside the date. */
export const threadDueLabels: Readonly<Record<ThreadDue, string>> = {
  overdue: 'Sista svarsdag har passerat',
  soon: 'Snart sista svarsdag',
  later: '',
  none: '',
};
