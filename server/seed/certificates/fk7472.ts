import { addDays, type Answers } from '../../../src/form-engine';
import type { AnswerBuilder } from './types';
import { seededUnitContact } from './unit-contact';

/**
 * FK 7472 Intyg om tillfällig föräldrapenning. The patient is the child; the certificate is
 * needed from day 8 of the care period, so the periods start some days before `today`.
 */
export const fk7472Answers: AnswerBuilder = {
  complete(today: string): Answers {
    return {
      '55':
        'Pneumoni. Feber upp till 39,8 °C sedan nio dagar, hosta och takypné. CRP 142 vid besök, ' +
        'behandlas med amoxicillin. Fortsatt nedsatt allmäntillstånd och behov av vila. ' +
        'Bör inte vistas i förskolan förrän feberfri i minst ett dygn utan febernedsättande.',
      '56': [
        { code: 'HELA', from: addDays(today, -9), to: addDays(today, 2) },
        { code: 'HALVA', from: addDays(today, 3), to: addDays(today, 7) },
      ],
      UNIT_CONTACT_INFORMATION: seededUnitContact(),
    };
  },
  minimal(today: string): Answers {
    return {
      '55': 'Akut gastroenterit med kräkningar och diarré, risk för uttorkning.',
      '56': [{ code: 'HELA', from: addDays(today, -7), to: addDays(today, 1) }],
      UNIT_CONTACT_INFORMATION: seededUnitContact(),
    };
  },
};
