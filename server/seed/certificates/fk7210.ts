import { addDays, type Answers } from '../../../src/form-engine';
import type { AnswerBuilder } from './types';
import { seededUnitContact } from './unit-contact';

/**
 * FK 7210 Intyg om graviditet. The form has one question (54, the expected date of delivery,
 * today … today + 1 year) plus the care unit's address, so both sets answer the same questions.
 */
export const fk7210Answers: AnswerBuilder = {
  /** Graviditetsvecka 16+0 at `today` (ultraljudsdaterad): 168 days left to 40+0. */
  complete(today: string): Answers {
    return {
      '54': addDays(today, 168),
      UNIT_CONTACT_INFORMATION: seededUnitContact(),
    };
  },
  /** Graviditetsvecka 28+0 at `today`: 84 days left to 40+0. */
  minimal(today: string): Answers {
    return {
      '54': addDays(today, 84),
      UNIT_CONTACT_INFORMATION: seededUnitContact(),
    };
  },
};
