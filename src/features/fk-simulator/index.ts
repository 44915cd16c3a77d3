// Försäkringskassan's side, simulated for testers (only with the embedded backend).
export { FkLayout } from './components/fk-layout';
export { FkCaseList } from './components/fk-case-list';
export { FkCasePage } from './components/fk-case-page';
