/**
 * The simulated HOSP register's test persons (server/simulators/hosp.ts), for tests and
 * Playwright without reaching into the backend's folders.
 */
export { hospTestPersons, notInHosp } from '../../server/simulators/hosp';
