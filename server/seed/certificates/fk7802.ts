import { addDays, addMonths, addYears } from '../../../src/form-engine';
import type { AnswerBuilder } from './types';

/** The physician's unit in Uppsala, on both answer sets. */
const unitContact = {
  address: 'Sysslomansgatan 8',
  postcode: '753 11',
  city: 'Uppsala',
  phone: '018-611 22 33',
};

/**
 * FK 7802 Läkarutlåtande för aktivitetsersättning vid förlängd skolgång (LUAE_FS).
 *
 * complete: a 19-year-old with autism and a specific learning disorder who needs a fourth
 * year in upper secondary school. minimal: a 19-year-old with cerebral palsy, only the
 * required answers.
 */
export const fk7802Answers: AnswerBuilder = {
  complete(today) {
    return {
      '1': [
        { code: 'UNDERSOKNING', date: addDays(today, -3) },
        { code: 'JOURNALUPPGIFTER', date: addYears(today, -12) },
        { code: 'ANHORIG', date: addDays(today, -3) },
      ],
      '2': addYears(today, -7),
      '3': true,
      '4': [
        {
          type: 'SKOLHALSOVARD',
          date: addMonths(today, -4),
          source: 'Elevhälsan, Katedralskolan, Uppsala',
        },
        {
          type: 'NEUROPSYKIATRISKT',
          date: addYears(today, -6),
          source: 'Barn- och ungdomspsykiatrin, Akademiska sjukhuset, Uppsala',
        },
        {
          type: 'HABILITERING',
          date: addMonths(today, -8),
          source: 'Habiliteringen, Region Uppsala',
        },
      ],
      '6': [
        { code: 'F840', description: 'Autism i barndomen', codeSystem: 'ICD-10-SE' },
        {
          code: 'F819',
          description: 'Inlärningsstörning, ospecificerad',
          codeSystem: 'ICD-10-SE',
        },
      ],
      '15': 'Utvecklingsavvikelser noterades redan i förskoleåldern, och autismdiagnosen ställdes vid 13 års ålder. Svårigheterna har ökat med stigande krav på självständighet i gymnasiet. I dag märks funktionsnedsättningen som svårigheter att förstå instruktioner, att växla mellan uppgifter och att vistas i klassrum med många elever.',
      '16': 'Patienten har inte kunnat följa ordinarie undervisning och har klarat endast en del av kurserna trots anpassningar och särskilt stöd. Frånvaron har varit hög på grund av uttröttning. Skolan och elevhälsan bedömer att ett fjärde gymnasieår med reducerad studieplan behövs för att slutföra utbildningen.',
      '25': 'Patienten och vårdnadshavare var med vid besöket och står bakom ansökan om förlängd skolgång.',
      '26': true,
      '26_2': 'Kan komplettera med elevhälsans pedagogiska bedömning vid behov.',
      UNIT_CONTACT_INFORMATION: { ...unitContact },
    };
  },
  minimal(today) {
    return {
      '1': [{ code: 'UNDERSOKNING', date: today }],
      '2': addYears(today, -5),
      '3': false,
      '6': [
        { code: 'G809', description: 'Cerebral pares, ospecificerad', codeSystem: 'ICD-10-SE' },
      ],
      '15': 'Cerebral pares sedan födseln med spasticitet i båda benen. Tillståndet är stationärt men uttröttbarheten har ökat under gymnasietiden.',
      '16': 'Behöver mycket tid för förflyttning och skrivarbete och har därför inte hunnit slutföra sina kurser inom tre år.',
      UNIT_CONTACT_INFORMATION: { ...unitContact },
    };
  },
};
