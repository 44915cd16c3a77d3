/**
 * The seeded practice, people and patients, for tests and Playwright: the backend's own seed
 * (server/seed), re-exported so that tests name the data they use without reaching into the
 * backend's folders.
 */
export * from '../../server/seed/seed-data';
