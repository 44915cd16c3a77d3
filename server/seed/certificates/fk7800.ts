import { addDays, addMonths, addYears } from '../../../src/form-engine';
import type { AnswerBuilder } from './types';

/**
 * FK 7800 Läkarutlåtande för sjukersättning (LUSE).
 *
 * complete: a 57-year-old woman with recurrent severe depression and fibromyalgia after many
 * years of sick leave and exhausted rehabilitation. minimal: a man with lasting deficits after
 * a stroke, only the required answers.
 */
export const fk7800Answers: AnswerBuilder = {
  complete(today) {
    return {
      '1': [
        { code: 'UNDERSOKNING', date: addDays(today, -2) },
        { code: 'JOURNALUPPGIFTER', date: addYears(today, -9) },
        { code: 'ANHORIG', date: addDays(today, -2) },
        { code: 'ANNAT', date: addDays(today, -16) },
      ],
      '1_3': 'Telefonsamtal med patientens arbetsterapeut vid rehabenheten',
      '2': addYears(today, -11),
      '3': true,
      '4': [
        {
          type: 'SPECIALISTKLINIK',
          date: addMonths(today, -7),
          source: 'Psykiatrimottagningen Södermalm, Stockholms läns sjukvårdsområde',
        },
        {
          type: 'ARBETSTERAPEUT',
          date: addMonths(today, -3),
          source: 'Rehabenheten, Vårdcentral Hornstull',
        },
        {
          type: 'PSYKOLOG',
          date: addMonths(today, -6),
          source: 'Psykologenheten, Psykiatrimottagningen Södermalm',
        },
      ],
      '6': [
        {
          code: 'F332',
          description: 'Recidiverande depression, svår episod utan psykotiska symtom',
          codeSystem: 'ICD-10-SE',
        },
        { code: 'M797', description: 'Fibromyalgi', codeSystem: 'ICD-10-SE' },
      ],
      '7': 'Depressionsdiagnosen ställdes 2014 vid Psykiatrimottagningen Södermalm och har bekräftats vid förnyad psykiatrisk bedömning senaste året. Fibromyalgi diagnostiserades 2018 av reumatolog vid Karolinska Universitetssjukhuset, Huddinge, efter utredning som uteslöt inflammatorisk reumatisk sjukdom.',
      '45': false,
      '5': 'Patienten har haft återkommande depressiva episoder sedan 2014, med fyra svåra skov trots adekvat behandling med flera antidepressiva, litiumaugmentation och KBT. Sedan 2017 tillkommande generaliserad smärta som uppfyller kriterierna för fibromyalgi. Heltidssjukskriven sedan åtta år. Arbetslivsinriktad rehabilitering via Försäkringskassan och Arbetsförmedlingen avbröts två gånger på grund av försämring. Tillståndet har varit i stort sett oförändrat de senaste två åren.',
      '10': 'Påtagligt nedsatt uthållighet i uppmärksamhet; orkar fokusera omkring 20 minuter innan hon tappar tråden. Svårt att planera och initiera uppgifter. Neuropsykologisk testning visar nedsatt arbetsminne och psykomotoriskt tempo. Grad: stor.',
      '11': 'Sänkt grundstämning, anhedoni och uttalad psykisk uttröttbarhet. MADRS-S 31 poäng vid besöket. Sömnstörning med tidigt uppvaknande. Ingen suicidalitet. Grad: stor.',
      '12': 'Generaliserad muskelsmärta med ömhet över samtliga tenderpoints. Smärtintensitet NRS 6-8 dagligen, förvärras av statisk belastning och kyla. Grad: måttlig till stor.',
      '17_1':
        'Klarar inte att hålla fokus på en arbetsuppgift mer än kortare stunder och behöver långa pauser. Klarar inte sittande eller stående arbete mer än 30 minuter i taget på grund av smärta. Har svårt att ta kontakter och att hantera krav från andra. Hushållssysslor utförs i små etapper med hjälp av maken. Uppgifterna bygger både på egen observation vid upprepade besök och på anamnes samt arbetsterapeutens aktivitetsbedömning.',
      '18_1':
        'Sertralin och venlafaxin i adekvata doser 2014-2019 med partiell effekt. Litiumaugmentation 2020 avslutad på grund av biverkningar. KBT i grupp 2016 och individuellt 2021 med kortvarig förbättring. Multimodal smärtrehabilitering 2019 utan bestående effekt på smärtan.',
      '19_1':
        'Mirtazapin 30 mg till natten och duloxetin 60 mg dagligen i syfte att lindra depression och smärta. Stödsamtal var fjärde vecka hos psykiatrisjuksköterska. Ansvarig: Psykiatrimottagningen Södermalm.',
      '20_1':
        'Bassängträning med fysioterapeut en gång i veckan under våren, i syfte att bibehålla fysisk funktion. Ansvarig: Rehabenheten, Vårdcentral Hornstull.',
      '21_1': 'Inga övriga läkemedel. Dricker ingen alkohol. Röker inte.',
      '22': 'Den medicinska bedömningen är att förutsättningarna för arbete är stadigvarande nedsatta. Trots långvarig och adekvat behandling har varken depressionen eller smärtan förbättrats så att arbetsförmågan återkommit, och ingen ytterligare behandling bedöms kunna ändra detta inom överskådlig tid. Inga medicinska skäl till särskilda arbetstider, då uthålligheten är nedsatt oavsett förläggning.',
      '23': 'Klarar sin personliga vård, kortare promenader och att umgås med familjen i lugn miljö. Har god förmåga till noggrannhet när hon får arbeta i egen takt under kortare stunder.',
      '25': 'Patienten har tidigare arbetat som undersköterska i hemtjänsten. Ansökan om sjukersättning görs efter avslutad arbetslivsinriktad rehabilitering.',
      '26': true,
      '26_2': 'Vill gärna stämma av bedömningen av rehabiliteringsmöjligheterna med handläggaren.',
      UNIT_CONTACT_INFORMATION: {
        address: 'Hornsgatan 124',
        postcode: '117 28',
        city: 'Stockholm',
        phone: '08-123 456 78',
      },
    };
  },
  minimal(today) {
    return {
      '1': [{ code: 'UNDERSOKNING', date: today }],
      '2': addYears(today, -3),
      '3': false,
      '6': [
        {
          code: 'I693',
          description: 'Sena effekter av cerebral infarkt',
          codeSystem: 'ICD-10-SE',
        },
      ],
      '7': 'Hjärninfarkt i vänster hemisfär diagnostiserad med DT och MR vid Danderyds sjukhus.',
      '45': false,
      '5': 'Drabbades av hjärninfarkt för tre år sedan. Efter slutenvårdsrehabilitering och två års öppenvårdsrehabilitering kvarstår högersidig svaghet, afasi och kognitiv nedsättning.',
      '8': 'Neuropsykologisk utredning visar nedsatt förmåga till logiskt tänkande och problemlösning, i nivå med lindrig till måttlig kognitiv funktionsnedsättning.',
      '17_1':
        'Kan inte förstå eller följa instruktioner i flera steg, klarar inte att använda högerhanden i finmotoriska moment och behöver hjälp med ekonomi och planering av vardagen.',
      '22': 'Förutsättningarna för arbete bedöms vara stadigvarande nedsatta. Ingen ytterligare förbättring är att vänta tre år efter insjuknandet.',
      UNIT_CONTACT_INFORMATION: {
        address: 'Mörbygårdsvägen 6',
        postcode: '182 36',
        city: 'Danderyd',
        phone: '08-555 123 40',
      },
    };
  },
};
