/**
 * A typed answer builder per certificate type (`complete` and `minimal` answers), for tests
 * and Playwright: the backend's testability seed (server/seed/certificates), re-exported.
 */
export { answerBuilders, type AnswerBuilder } from '../../server/seed/certificates';
