export { InboxPage, DraftsPage, SignedPage } from './components/work-list-page';
export { useWorkCounts } from './api/get-work-counts';
