import { addDays, type Answers } from '../../../src/form-engine';
import type { AnswerBuilder } from './types';
import { seededUnitContact } from './unit-contact';

/**
 * FK 7804 Läkarintyg för sjukpenning (model v2.0).
 *
 * `complete`: an undersköterska in hemtjänsten with lumbar disc herniation and sciatica, on
 * 100 % sick leave for two weeks and then 50 %, so the part-time questions (33/33.2) and a
 * prognosis in months (39.4) are answered. `minimal`: a job seeker with acute lumbago on
 * 100 % sick leave for two weeks, only what the form requires.
 */
export const fk7804Answers: AnswerBuilder = {
  complete(today: string): Answers {
    return {
      '27': false,
      '1': [
        { code: 'FYSISKUNDERSOKNING', date: today },
        { code: 'JOURNALUPPGIFTER', date: addDays(today, -21) },
        { code: 'ANNAT', date: addDays(today, -7) },
      ],
      '1_3': 'Fysioterapeutens bedömning på vårdcentralen',
      '28': ['NUVARANDE_ARBETE'],
      '29': 'Undersköterska i hemtjänsten, heltid. Arbetet innebär förflyttningar av vårdtagare med tunga lyft, mycket stående och gående samt bilkörning mellan vårdtagarna.',
      '6': [
        {
          code: 'M511K',
          description: 'Diskdegeneration/diskbråck med radikulit i ländryggen (ischias)',
        },
        { code: 'F432', description: 'Anpassningsstörning' },
        { code: '', description: '' },
      ],
      '35': {
        text: 'Ländryggssmärta med utstrålning i vänster ben ned till foten sedan tre veckor. Vid undersökningen positivt Lasègues test vänster vid 40 grader, nedsatt känsel på fotens utsida och försvagad akillesreflex vänster, förenligt med påverkan på nervroten S1. Nedsatt rörlighet i ländryggen, fingertopp-golvavstånd 45 cm. MR ländrygg för två veckor sedan visar diskbråck L5-S1 med kontakt med nervroten S1 vänster. Smärtan skattas till 7/10 (NRS) vid belastning. Patienten sover dåligt på grund av smärtan och beskriver oro och nedstämdhet inför arbetssituationen, vilket bekräftas i samtalet. Sammantaget bedöms funktionsnedsättningen som måttlig. Bedömningen grundar sig på egen undersökning, MR-svar och journalanteckningar från tidigare besök.',
        icfCodes: ['b28013', 'b2804', 'b134'],
      },
      '17': {
        text: 'Patienten kan inte lyfta eller förflytta vårdtagare och har svårt att arbeta framåtböjd. Hon kan stå eller gå högst 30 minuter i taget och bilkörning längre än 20 minuter förvärrar smärtan. Hon orkar inte ett helt arbetspass men bedöms klara fyra timmar per dag med lättare uppgifter, till exempel planering, dokumentation och tillsyn utan lyft. Aktivitetsbegränsningen bedöms som måttlig.',
        icfCodes: ['d4300', 'd4154', 'd4500', 'd4751'],
      },
      '19': 'Fysioterapi med individuellt anpassat träningsprogram en gång i veckan i åtta veckor, ansvarig rehabenheten vid vårdcentralen. Smärtlindring med paracetamol och vid behov NSAID under två veckor. Stödsamtal med kurator vid vårdcentralen, fyra samtal. Remiss till ortopedmottagningen för bedömning av operation om förbättring uteblir inom sex till åtta veckor.',
      '32': [
        { code: 'HELT_NEDSATT', from: addDays(today, -3), to: addDays(today, 10) },
        { code: 'HALFTEN', from: addDays(today, 11), to: addDays(today, 38) },
      ],
      '37': 'Samsjuklighet: anpassningsstörningen med sömnsvårigheter och oro inför arbetet förlänger förväntad läkningstid för diskbråcket, eftersom återhämtning och träning försvåras.',
      '34': false,
      '33': true,
      '33_2':
        'Smärtan ökar påtagligt efter fyra timmars belastning och kvarstår till nästa dag. Hela arbetsdagar vissa dagar och lediga dagar däremellan skulle förvärra besvären och motverka rehabiliteringen. Arbetstiden bör därför minskas lika mycket varje dag.',
      '39': 'ATER_X_ANTAL_MANADER',
      '39_4': 2,
      '44': 'Arbetsanpassning med undantag från tunga lyft och förflyttningar under sjukskrivningen och tillgång till lyfthjälpmedel. Regelbunden kontakt med arbetsplatsen och ett avstämningsmöte med arbetsgivaren inför upptrappningen till heltid.',
      '25': 'Sjukskrivningen på 50 procent avses fullgöras som fyra timmars arbete per dag. Patienten har informerats om att sjukanmäla sig till arbetsgivaren och ansöka om sjukpenning hos Försäkringskassan.',
      '26': true,
      '26_2':
        'Önskar ett avstämningsmöte med patienten och arbetsgivaren inför återgången i arbete på heltid.',
      UNIT_CONTACT_INFORMATION: seededUnitContact(),
    };
  },

  minimal(today: string): Answers {
    return {
      '1': [{ code: 'FYSISKUNDERSOKNING', date: today }],
      '28': ['ARBETSSOKANDE'],
      '6': [{ code: 'M545', description: 'Lumbago' }],
      '35': {
        text: 'Akut lumbago sedan fyra dagar efter ett lyft. Kraftigt nedsatt rörlighet i ländryggen med muskelspasm paravertebralt, smärta 8/10 vid rörelse. Inga neurologiska bortfall. Bedömningen grundar sig på egen undersökning.',
      },
      '17': {
        text: 'Kan inte sitta eller stå mer än 15 minuter i taget och kan inte lyfta eller bära. Kan därför inte utföra normalt förekommande arbete eller delta i arbetssökande aktiviteter under perioden.',
      },
      '32': [{ code: 'HELT_NEDSATT', from: today, to: addDays(today, 13) }],
      '39': 'STOR_SANNOLIKHET',
      UNIT_CONTACT_INFORMATION: seededUnitContact(),
    };
  },
};
