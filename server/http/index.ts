import { ReadCache, type Database } from '../store/store';
import type { ThreadListRow } from '../store/schema';
import { certificateLifecycleHandlers } from './certificate-lifecycle';
import { certificateListHandlers } from './certificate-lists';
import { certificateHandlers } from './certificates';
import { diagnosisHandlers, type Icd10Loader } from './diagnoses';
import { fallbackRoutes, faultRoutes, malformedPathRoutes } from './faults';
import type { ApiRoute } from './route';
import { fmbHandlers } from './fmb';
import { patientPortalHandlers } from './patient-portal';
import { patientHandlers } from './patients';
import { sessionHandlers } from './session';
import { fkSimulatorHandlers } from '../simulators/fk-simulator';
import { testabilityHandlers } from '../testability/testability';
import { testabilityThreadHandlers } from '../testability/testability-threads';
import { threadHandlers } from './threads';
import { workListHandlers } from './work-lists';

/** Every route of the backend, in the order the dispatcher tries them. */
export function createRoutes(db: Database, loadIcd10: Icd10Loader): ApiRoute[] {
  // This tab's copy of the unit's thread rows, shared by the inbox and the counts (both read
  // the open ones when a thread arrives), for as long as no tab writes a thread.
  const threadRows = new ReadCache<ThreadListRow>();
  return [
    ...malformedPathRoutes(),
    ...testabilityHandlers(db, loadIcd10),
    ...testabilityThreadHandlers(db),
    ...faultRoutes(db),
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
    ...fallbackRoutes(),
  ];
}
