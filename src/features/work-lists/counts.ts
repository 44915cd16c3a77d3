// The navigation's work counts: a small entry point of its own, imported by the app shell.
export { useWorkCounts } from './api/get-work-counts';
