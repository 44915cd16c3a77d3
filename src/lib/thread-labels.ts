import {
  inboxToDoFilterSchema,
  threadToDoLabels,
  type InboxToDoFilter,
  type ThreadDue,
  type ThreadParty,
} from '../contracts/threads';

/** The words the app uses for threads with Försäkringskassan, everywhere they are shown. */

export { threadToDoLabels };

export const threadPartyLabels: Readonly<Record<ThreadParty, string>> = {
  FK: 'Försäkringskassan',
  care: 'Vårdenheten',
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
