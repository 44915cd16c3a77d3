import { addDays, type Answers } from '../../../src/form-engine';
import type { AnswerBuilder } from './types';
import { seededUnitContact } from './unit-contact';

/**
 * FK 7809 Läkarutlåtande för merkostnadsersättning (adults).
 *
 * An adult with severe bilateral sensorineural hearing loss and tinnitus who uses two hearing
 * aids and is being assessed for a cochlear implant. `minimal` answers only the required
 * questions with one disability (Hörselfunktion).
 */
export const fk7809Answers: AnswerBuilder = {
  complete(today: string): Answers {
    return {
      '1': [
        { code: 'UNDERSOKNING', date: today },
        { code: 'JOURNALUPPGIFTER', date: addDays(today, -730) },
        { code: 'ANHORIG', date: addDays(today, -7) },
      ],
      '1_4': 'Make, bor tillsammans med patienten',
      '3': true,
      '4': [
        {
          type: 'AUDIONOM',
          date: addDays(today, -45),
          source: 'Hörselmottagningen, Södersjukhuset',
        },
        {
          type: 'HORSELHABILITERING',
          date: addDays(today, -120),
          source: 'Hörselhabiliteringen, Region Stockholm',
        },
      ],
      '58': [
        { code: 'H903', description: 'Sensorineural hörselnedsättning, dubbelsidig' },
        { code: 'H931', description: 'Tinnitus' },
      ],
      '5': 'Progredierande dubbelsidig sensorineural hörselnedsättning sedan 30-årsåldern, ärftlig genes. Hörapparater bilateralt sedan åtta år. Senaste åren snabb försämring, nu grav nedsättning. Besvärande tinnitus sedan fem år. Utredning för cochleaimplantat pågår.',
      funktionsnedsattning: ['HORSELFUNKTION', 'Sinnesfunktion', 'UPPMARKSAMHET'],
      '48': 'Tonaudiogram visar dubbelsidig sensorineural hörselnedsättning, medelvärde 75 dB HL höger och 80 dB HL vänster. Maximal taluppfattning 48 % höger och 40 % vänster vid 90 dB. Taluppfattning i ljudfält 65 dB med optimalt anpassade hörapparater 36 %. Öronstatus utan anmärkning. Grav nedsättning.',
      '12': 'Uttalad ljudkänslighet med obehag vid höga och plötsliga ljud, samt ihållande tinnitus som stör sömnen. Måttlig grad.',
      '10': 'Tilltagande uttröttbarhet och koncentrationssvårigheter efter samtal och i miljöer med bakgrundsljud, på grund av stor lyssningsansträngning. Måttlig grad, bedömt utifrån anamnes.',
      '17': 'Kan inte följa samtal i grupp eller i bullriga miljöer. Kan inte använda vanlig telefon, behöver texttelefoni. Uppfattar inte dörrklocka, brandlarm eller väckarklocka utan hjälpmedel med ljus eller vibration.',
      '50': 'Hörapparater bilateralt med justering hos audionom två gånger per år. Utredning för cochleaimplantat har påbörjats. Larmhjälpmedel och samtalsförstärkare har förskrivits.',
      '50_2':
        'Hörselmottagningen, Södersjukhuset. Beslut om cochleaimplantat väntas inom sex månader.',
      '51': 'Hörselnedsättningen är bestående och förväntas försämras ytterligare. Även med cochleaimplantat kvarstår stora svårigheter i samtal och bullriga miljöer. Tinnitus förväntas kvarstå.',
      '25': 'Patienten använder teckenspråkstolk vid längre samtal.',
      UNIT_CONTACT_INFORMATION: seededUnitContact(),
    };
  },
  minimal(today: string): Answers {
    return {
      '1': [{ code: 'UNDERSOKNING', date: today }],
      '3': false,
      '58': [{ code: 'H903', description: 'Sensorineural hörselnedsättning, dubbelsidig' }],
      '5': 'Dubbelsidig sensorineural hörselnedsättning sedan tio år, successivt förvärrad. Hörapparater bilateralt.',
      funktionsnedsattning: ['HORSELFUNKTION'],
      '48': 'Tonaudiogram visar dubbelsidig sensorineural hörselnedsättning, medelvärde 70 dB HL. Taluppfattning i ljudfält 65 dB med hörapparater 52 %. Grav nedsättning.',
      '51': 'Hörselnedsättningen är bestående och förväntas inte förbättras.',
      UNIT_CONTACT_INFORMATION: seededUnitContact(),
    };
  },
};
