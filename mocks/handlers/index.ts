import type { RequestHandler } from 'msw';
import { ReadCache, type Database } from '../db/database';
import type { ThreadListRow } from '../db/schema';
import { certificateLifecycleHandlers } from './certificate-lifecycle';
import { certificateListHandlers } from './certificate-lists';
import { certificateHandlers } from './certificates';
import { diagnosisHandlers, type Icd10Loader } from './diagnoses';
import { fallbackHandlers, faultHandlers, malformedPathHandlers } from './faults';
import { fmbHandlers } from './fmb';
import { patientPortalHandlers } from './patient-portal';
import { patientHandlers } from './patients';
import { sessionHandlers } from './session';
import { fkSimulatorHandlers } from './fk-simulator';
import { testabilityHandlers } from './testability';
import { testabilityThreadHandlers } from './testability-threads';
import { threadHandlers } from './threads';
import { workListHandlers } from './work-lists';

export { routeByPath } from './router';

/** Every handler of the embedded backend, in the order MSW tries them. */
export function createHandlers(db: Database, loadIcd10: Icd10Loader): RequestHandler[] {
  // This tab's copy of the unit's thread rows, shared by the inbox and the counts (both read
  // the open ones when a thread arrives), for as long as no tab writes a thread.
  const threadRows = new ReadCache<ThreadListRow>();
  return [
    ...malformedPathHandlers(),
    ...testabilityHandlers(db, loadIcd10),
    ...testabilityThreadHandlers(db),
    ...faultHandlers(db),
    ...sessionHandlers(db),
    ...patientHandlers(db),
    ...workListHandlers(db, threadRows),
    ...certificateListHandlers(db),
    ...certificateHandlers(db, { loadIcd10 }),
    ...certificateLifecycleHandlers(db, { loadIcd10 }),
    ...threadHandlers(db, { loadIcd10 }, threadRows),
    ...fkSimulatorHandlers(db),
    ...patientPortalHandlers(db),
    ...diagnosisHandlers(db, loadIcd10),
    ...fmbHandlers(db),
    ...fallbackHandlers(),
  ];
}
