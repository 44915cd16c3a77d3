import { addDays, type Answers } from '../../../src/form-engine';
import type { AnswerBuilder } from './types';
import { seededUnitContact } from './unit-contact';

/**
 * FK 3226 Läkarutlåtande för närståendepenning.
 *
 * `complete`: a patient in neurointensive care after a deep intracerebral haemorrhage (52 =
 * AKUT_LIVSHOTANDE, with an estimated end date). `minimal`: a patient with pancreatic cancer in
 * palliative care only (52 = ENDAST_PALLIATIV, the branch with the fewest required answers).
 */
export const fk3226Answers: AnswerBuilder = {
  complete(today: string): Answers {
    return {
      '1': [
        { code: 'UNDERSOKNING', date: today },
        { code: 'JOURNALUPPGIFTER', date: addDays(today, -4) },
        { code: 'ANNAT', date: addDays(today, -1) },
      ],
      '1_3': 'Samtal med ansvarig IVA-läkare',
      '58': [
        { code: 'I610', description: 'Djup intracerebral blödning i storhjärnshemisfär' },
        { code: 'I10', description: 'Essentiell hypertoni (högt blodtryck utan känd orsak)' },
      ],
      '52': 'AKUT_LIVSHOTANDE',
      '52_3': addDays(today, -4),
      '52_4':
        'Stor djup hjärnblödning vänster hemisfär med inbrytning i ventrikelsystemet. Vårdas i respirator på neurointensiven, ökat intrakraniellt tryck trots behandling. Hög risk för död de närmaste veckorna.',
      '52_5': true,
      '52_6': addDays(today, 28),
      '53': false,
      UNIT_CONTACT_INFORMATION: seededUnitContact(),
    };
  },
  minimal(today: string): Answers {
    return {
      '1': [{ code: 'UNDERSOKNING', date: today }],
      '58': [
        { code: 'C259', description: 'Ospecificerad lokalisation av malign tumör i pankreas' },
      ],
      '52': 'ENDAST_PALLIATIV',
      '52_2': addDays(today, -14),
      '53': true,
      UNIT_CONTACT_INFORMATION: seededUnitContact(),
    };
  },
};
