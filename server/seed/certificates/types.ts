import type { Answers } from '../../../src/form-engine';

/**
 * A typed answer builder for one certificate type, shared by Vitest and Playwright.
 * `complete` answers every question a careful physician would (valid, ready to sign);
 * `minimal` answers only what is required (also valid, ready to sign). Both take the date
 * the answers are written on, so date rules hold at any `today`.
 */
export interface AnswerBuilder {
  complete(today: string): Answers;
  minimal(today: string): Answers;
}
