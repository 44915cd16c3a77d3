export { InboxPage, SignedPage } from './components/work-list-page';
export { DraftsList } from './components/drafts-list';
export { useWorkCounts } from './api/get-work-counts';
