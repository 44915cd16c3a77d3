// The work lists' pages, loaded with their lazy routes. The navigation's counts have their
// own entry point (./counts) so the app shell does not pull the lists into the first visit.
export { InboxList } from './components/inbox-list';
export { SignedList } from './components/signed-list';
export { DraftsList } from './components/drafts-list';
