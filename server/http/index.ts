import { ReadCache, type Database } from '../store/store';
import type { CertificateListRow, ThreadListRow } from '../store/schema';
import { certificateLifecycleHandlers } from './certificate-lifecycle';
import { certificateListHandlers } from './certificate-lists';
import { certificateHandlers } from './certificates';
import { certificateHistoryHandlers } from './certificate-history';
import { diagnosisHandlers } from './diagnoses';
import type { DiagnosisData } from '../domain/diagnoses/load-icd10';
import { environmentHandlers } from './environment';
import { fallbackRoutes, faultRoutes, malformedPathRoutes } from './faults';
import type { ApiRoute } from './route';
import { changeFeedRoutes, type ChangeHub } from './change-feed';
import { fmbHandlers } from './fmb';
import { patientPortalHandlers } from './patient-portal';
import { patientHandlers } from './patients';
import { sessionHandlers } from './session';
import { careUnitHandlers } from './care-units';
import { registrationHandlers } from './registration';
import { fkSimulatorHandlers } from '../simulators/fk-simulator';
import { testabilityHandlers } from '../testability/testability';
import { testabilityThreadHandlers } from '../testability/testability-threads';
import { threadHandlers } from './threads';
import { workListHandlers } from './work-lists';
import { favouriteHandlers } from './favourites';
import {
  operatingMessageHandlers,
  testabilityOperatingMessageHandlers,
} from './operating-messages';
import type { OperatingMessage } from '../../src/contracts/operating-messages';

export interface RouteOptions {
  /**
   * The testers' API (/api/testability/*: reset, scenarios, faults, clock, bulk data, stored
   * records) and the faults it sets. On in the embedded backend (the browser, Vitest) and on
   * the Node server with `--demo`; off, its paths answer 404 like any unknown API path, and a
   * fault left in the store by a demo run is ignored.
   */
  testability: boolean;
  /** Where this home's committed changes are published, for the change feed's streams. */
  changes: ChangeHub;
  /** The operator's messages from the server's configuration (none in the embedded home). */
  operatingMessages?: readonly OperatingMessage[];
}

/** Every route of the backend, in the order the dispatcher tries them. */
export function createRoutes(
  db: Database,
  diagnoses: DiagnosisData,
  { changes, testability, operatingMessages = [] }: RouteOptions,
): ApiRoute[] {
  const loadIcd10 = diagnoses.codeList;
  // This tab's copy of the unit's thread rows, shared by the inbox and the counts (both read
  // the open ones when a thread arrives), for as long as no tab writes a thread.
  const threadRows = new ReadCache<ThreadListRow>();
  // Likewise the unit's certificate rows, shared by the work lists and the counts.
  const certificateRows = new ReadCache<CertificateListRow>();
  const services = { loadIcd10, faults: testability };
  return [
    ...malformedPathRoutes(),
    ...(testability
      ? [
          ...testabilityHandlers(db, loadIcd10),
          ...testabilityThreadHandlers(db),
          ...faultRoutes(db),
          ...testabilityOperatingMessageHandlers(db),
        ]
      : []),
    ...environmentHandlers({ testability }),
    ...operatingMessageHandlers(db, operatingMessages),
    ...sessionHandlers(db),
    ...registrationHandlers(db),
    ...changeFeedRoutes(db, changes),
    ...patientHandlers(db),
    ...workListHandlers(db, { threadRows, certificateRows }),
    ...careUnitHandlers(db, { threadRows, certificateRows }),
    ...certificateListHandlers(db, certificateRows),
    ...certificateHandlers(db, services),
    ...certificateLifecycleHandlers(db, services),
    ...certificateHistoryHandlers(db),
    ...threadHandlers(db, services, threadRows),
    ...fkSimulatorHandlers(db),
    ...patientPortalHandlers(db),
    ...diagnosisHandlers(db, diagnoses),
    ...fmbHandlers(db),
    ...favouriteHandlers(db),
    ...fallbackRoutes(),
  ];
}
