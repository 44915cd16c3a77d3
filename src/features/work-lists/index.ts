// The work lists' pages, loaded with their lazy routes. The navigation's counts have their
// own entry point (./counts) so the app shell does not pull the lists into the first visit.
export { InboxPage, SignedPage } from './components/work-list-page';
export { DraftsList } from './components/drafts-list';
