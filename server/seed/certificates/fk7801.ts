import { addDays, addMonths, addYears } from '../../../src/form-engine';
import type { AnswerBuilder } from './types';

/** The physician's unit in Göteborg, on both answer sets. */
const unitContact = {
  address: 'Linnégatan 34',
  postcode: '413 04',
  city: 'Göteborg',
  phone: '031-700 12 34',
};

/**
 * FK 7801 Läkarutlåtande för aktivitetsersättning vid nedsatt arbetsförmåga (LUAE_NA).
 *
 * complete: a 24-year-old man with Asperger syndrome and ADHD, where the physician asks for a
 * new assessment of an earlier diagnosis (45/45.2) and suggests measures (24). minimal: a
 * 21-year-old woman with mild intellectual disability, only the required answers.
 */
export const fk7801Answers: AnswerBuilder = {
  complete(today) {
    return {
      '1': [
        { code: 'UNDERSOKNING', date: addDays(today, -1) },
        { code: 'JOURNALUPPGIFTER', date: addYears(today, -6) },
        { code: 'ANHORIG', date: addDays(today, -1) },
      ],
      '2': addYears(today, -4),
      '3': true,
      '4': [
        {
          type: 'NEUROPSYKIATRISKT',
          date: addYears(today, -3),
          source: 'Neuropsykiatriska enheten, Sahlgrenska Universitetssjukhuset',
        },
        {
          type: 'SKOLHALSOVARD',
          date: addYears(today, -5),
          source: 'Elevhälsan, Hvitfeldtska gymnasiet, Göteborg',
        },
        {
          type: 'ARBETSTERAPEUT',
          date: addMonths(today, -2),
          source: 'Habiliteringen för vuxna, Göteborg',
        },
      ],
      '6': [
        { code: 'F845', description: 'Aspergers syndrom', codeSystem: 'ICD-10-SE' },
        {
          code: 'F900',
          description: 'Aktivitets- och uppmärksamhetsstörning',
          codeSystem: 'ICD-10-SE',
        },
      ],
      '7': 'Båda diagnoserna ställdes efter neuropsykiatrisk utredning vid Neuropsykiatriska enheten, Sahlgrenska Universitetssjukhuset, för tre år sedan.',
      '45': true,
      '45_2':
        'ADHD-diagnosen bör omprövas. Den kliniska bilden det senaste året domineras av ångest och social undvikande, och effekten av centralstimulantia har uteblivit.',
      '5': 'Svårigheter med socialt samspel och koncentration sedan lågstadiet. Fullföljde gymnasiet med anpassad studiegång men har därefter inte kunnat etablera sig på arbetsmarknaden. Två avbrutna praktikplatser på grund av utmattning och konflikter. Bor i egen lägenhet med boendestöd.',
      '9': 'Uttalade svårigheter att tolka andras avsikter och outtalade sociala regler. Missförstår ofta instruktioner och drar sig undan i grupp. Grad: måttlig till stor.',
      '10': 'Lätt distraherad, svårt att växla mellan uppgifter och att planera sin dag. Tappar fokus efter 15-20 minuter. Grad: måttlig.',
      '12': 'Överkänslig för ljud och starkt ljus, vilket snabbt leder till uttröttning i öppna miljöer. Grad: måttlig.',
      '17_1':
        'Klarar inte arbete i öppna kontorslandskap eller butiksmiljö. Har svårt att ta emot muntliga instruktioner i flera steg och att samarbeta i grupp. Behöver fast struktur och skriftligt schema för att komma i gång med uppgifter. Uppgifterna bygger på egen observation och på arbetsterapeutens aktivitetsbedömning.',
      '19_1':
        'Samtalskontakt med psykolog varannan vecka med syfte att hantera ångest i sociala situationer, planerad under ett år. Ansvarig: Habiliteringen för vuxna, Göteborg.',
      '20_1':
        'Utsättning av metylfenidat och förnyad bedömning av läkemedelsbehandling inom tre månader. Ansvarig: Vårdcentralen Linné.',
      '21_1': 'Inga ordinerade läkemedel utöver ovan. Ingen alkohol eller tobak.',
      '22': 'Förutsättningarna för arbete kan förbättras gradvis med rätt anpassningar. Bedöms kunna klara en lugn arbetsplats med tydlig struktur, inledningsvis på kortare tid per dag. Medicinska skäl talar för förläggning till förmiddagar då uthålligheten är bäst.',
      '23': 'Mycket noggrann och har god förmåga till systematiskt arbete med data och sortering när miljön är lugn.',
      '24': 'Arbetsförberedande insatser via daglig verksamhet eller Samhall med successiv upptrappning, handledare som ger skriftliga instruktioner och hörselskydd som hjälpmedel.',
      '25': 'Patienten har själv önskat att ansökan görs nu och deltog aktivt vid besöket.',
      '26': true,
      '26_2': 'Önskar delta i avstämningsmöte tillsammans med patienten och habiliteringen.',
      UNIT_CONTACT_INFORMATION: { ...unitContact },
    };
  },
  minimal(today) {
    return {
      '1': [{ code: 'UNDERSOKNING', date: today }],
      '2': addYears(today, -2),
      '3': false,
      '6': [
        {
          code: 'F700',
          description: 'Lindrig psykisk utvecklingsstörning',
          codeSystem: 'ICD-10-SE',
        },
      ],
      '7': 'Diagnosen ställdes vid psykologutredning inom barn- och ungdomshabiliteringen i tonåren.',
      '45': false,
      '5': 'Inlärningssvårigheter sedan tidig skolålder, gick i gymnasiesärskola. Har inte kommit ut i arbete efter avslutad skolgång.',
      '8': 'Begåvningsnivå motsvarande lindrig intellektuell funktionsnedsättning enligt tidigare psykologutredning. Svårt med abstrakt tänkande och problemlösning.',
      '17_1':
        'Klarar inte uppgifter med flera moment utan stöd, har svårt med tidsuppfattning och att hantera pengar.',
      '22': 'Förutsättningarna för arbete bedöms kunna utvecklas något med stöd och enkla, repetitiva arbetsuppgifter.',
      UNIT_CONTACT_INFORMATION: { ...unitContact },
    };
  },
};
