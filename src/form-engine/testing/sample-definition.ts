/**
 * A test definition that uses every question kind, every condition type, every cross-check,
 * enabledIf, requiredIf, messages, errorTexts, notices and a confirmation. Modelled on FK 7804
 * with pieces of 7800, 3226, 7210, 7472 and 7809, so the rules read like the real ones.
 * Shared by the engine's tests, the renderer and the component gallery.
 */
import { parseDefinition, type CertificateDefinitionInput } from '../definition-schema';

const notSmittbarare = {
  type: 'not',
  condition: { type: 'answered', question: '27' },
} as const;

export const sampleDefinitionInput = {
  code: 'sample',
  formNumber: 'FK 0000',
  name: 'Testintyg med alla frågetyper',
  kind: 'intyg',
  version: '1.0',
  recipient: 'Försäkringskassan',
  summary: 'Ett prov.',
  description: 'Används i tester och i komponentgalleriet.',
  policy: {
    draftRoles: ['physician', 'care-admin', 'nurse', 'midwife'],
    signRoles: ['physician'],
    signAndSend: false,
    sendAfterComplement: true,
    consentRequired: true,
    availableToPatient: true,
    fkMayAskQuestions: true,
    fkMayRequestComplement: true,
    renew: { allowed: true, notCopied: ['1', '1_3', '32', '39', '39_2', '39_4', '26', '26_2'] },
    replaceAllowed: true,
    revokeAllowed: true,
  },
  notices: [
    {
      id: 'sjukloneperiod',
      text: 'Under de första 14 dagarna av sjukperioden betalar arbetsgivaren sjuklön. Försäkringskassan behöver läkarintyget från och med dag 15.',
      severity: 'info',
    },
    {
      id: 'smittbararpenningNotice',
      text: 'Ange vilken allmänfarlig sjukdom patienten har i fältet för diagnos.',
      severity: 'warning',
      categoryId: 'KAT_4',
      when: { type: 'answered', question: '27' },
    },
  ],
  confirmations: [
    {
      id: 'under18',
      trigger: 'createDraft',
      when: { type: 'patientAge', operator: 'lt', years: 18 },
      title: 'Kontrollera att du använder dig av rätt läkarutlåtande',
      info: 'Du är på väg att utfärda Testintyg för {patientName} - {personId}.',
      text: 'Intyget är till för personer över 18 år.',
      checkboxLabel: 'Jag är säker på att jag vill utfärda intyget.',
    },
  ],
  categories: [
    {
      id: 'KAT_1',
      title: 'Smittbärarpenning',
      questions: [
        {
          id: '27',
          fkFieldId: '27.1',
          kind: 'checkbox',
          label: 'Förhållningsregler enligt smittskyddslagen på grund av smitta',
          checkboxLabel: 'Förhållningsregler enligt smittskyddslagen på grund av smitta',
          uncheckedLabel: 'Ej angivet',
        },
      ],
    },
    {
      id: 'KAT_2',
      title: 'Grund för medicinskt underlag',
      visibleIf: notSmittbarare,
      questions: [
        {
          id: '1',
          fkFieldId: '1.1',
          kind: 'checkboxDates',
          label: 'Intyget är baserat på',
          required: true,
          maxDate: { days: 0 },
          options: [
            {
              code: 'FYSISKUNDERSOKNING',
              label: 'min undersökning vid fysiskt vårdmöte',
              codeSystem: 'KV_FKMU_0001',
            },
            {
              code: 'TELEFONKONTAKT',
              label: 'min telefonkontakt med patienten',
              codeSystem: 'KV_FKMU_0001',
            },
            {
              code: 'JOURNALUPPGIFTER',
              label: 'journaluppgifter från den',
              codeSystem: 'KV_FKMU_0001',
            },
            {
              code: 'ANHORIG',
              label: 'anhörigs beskrivning av patienten',
              codeSystem: 'KV_FKMU_0001',
            },
            { code: 'ANNAT', label: 'annat', codeSystem: 'KV_FKMU_0001' },
          ],
        },
        {
          id: '1_3',
          fkFieldId: '1.3',
          kind: 'textField',
          label: 'Ange vad annat är',
          required: true,
          maxLength: 50,
          visibleIf: { type: 'includes', question: '1', code: 'ANNAT' },
        },
        {
          id: '1_4',
          fkFieldId: '1.4',
          kind: 'textArea',
          label:
            'Motivering till varför det medicinska underlaget inte baseras på en undersökning av patienten',
          help: 'Informationen du anger nedan, kommer att överföras till fältet "Övriga upplysningar" vid signering.',
          maxLength: 150,
          rejectBlankOnly: true,
          notSentToRecipient: true,
          visibleIf: {
            type: 'and',
            conditions: [
              {
                type: 'not',
                condition: { type: 'includes', question: '1', code: 'FYSISKUNDERSOKNING' },
              },
              {
                type: 'includesAny',
                question: '1',
                codes: ['TELEFONKONTAKT', 'JOURNALUPPGIFTER', 'ANHORIG', 'ANNAT'],
              },
            ],
          },
        },
        {
          id: '2',
          kind: 'date',
          label: 'Jag har känt patienten sedan den',
          required: true,
          maxDate: {},
          errorTexts: { dateTooLate: 'Ange ett giltigt datum. Framtida datum får inte anges.' },
        },
        {
          id: '3',
          kind: 'yesNo',
          label: 'Är utlåtandet även baserat på andra medicinska utredningar eller underlag?',
          required: true,
        },
        {
          id: '4',
          kind: 'investigations',
          label: 'Ange utredning eller underlag',
          required: true,
          visibleIf: { type: 'equals', question: '3', value: true },
          maxRows: 3,
          maxDate: { days: 0 },
          sourceMaxLength: 53,
          columnLabels: {
            date: 'Datum',
            type: 'Utredning eller underlag',
            source: 'Från vilken vårdgivare',
          },
          options: [
            { code: 'NEUROPSYKIATRISKT', label: 'Neuropsykiatriskt utlåtande' },
            { code: 'HABILITERING', label: 'Underlag från habiliteringen' },
            { code: 'PSYKOLOG', label: 'Underlag från psykolog' },
          ],
        },
      ],
    },
    {
      id: 'KAT_3',
      title: 'Sysselsättning',
      visibleIf: notSmittbarare,
      questions: [
        {
          id: '28',
          fkFieldId: '28.1',
          kind: 'codeCheckboxes',
          label: 'I relation till vilken sysselsättning bedömer du arbetsförmågan?',
          required: true,
          layout: 'rows',
          options: [
            { code: 'NUVARANDE_ARBETE', label: 'Nuvarande arbete' },
            { code: 'ARBETSSOKANDE', label: 'Arbetssökande' },
            { code: 'FORALDRALEDIG', label: 'Föräldraledighet' },
            { code: 'STUDIER', label: 'Studier' },
          ],
        },
        {
          id: '29',
          fkFieldId: '29.1',
          kind: 'textArea',
          label: 'Ange yrke och arbetsuppgifter',
          required: true,
          maxLength: 4000,
          visibleIf: { type: 'includes', question: '28', code: 'NUVARANDE_ARBETE' },
        },
      ],
    },
    {
      id: 'KAT_4',
      title: 'Diagnos',
      questions: [
        {
          id: '6',
          fkFieldId: '6.1',
          kind: 'diagnoses',
          label: 'Diagnos/diagnoser för sjukdom som orsakar nedsatt arbetsförmåga',
          required: true,
          maxRows: 3,
          rowLabels: ['Diagnos 1 (huvuddiagnos)', 'Diagnos 2', 'Diagnos 3'],
          codeSystems: ['ICD-10-SE'],
          codeFormat: { minLength: 3, maxLength: 5, psychiatricMinLength: 4 },
          descriptionMaxLength: 81,
        },
      ],
    },
    {
      id: 'KAT_5',
      title: 'Funktionsnedsättning',
      visibleIf: notSmittbarare,
      questions: [
        {
          id: '35',
          fkFieldId: '35.1',
          kind: 'icf',
          label: 'Ange vilken/vilka funktionsnedsättningar patienten har till följd av sjukdom.',
          required: true,
          maxLength: 4000,
          icfCategory: 'FUNKTIONSNEDSATTNINGAR',
          modalLabel: 'Välj enbart de problem som påverkar patienten.',
        },
        {
          id: 'h17',
          kind: 'heading',
          label: 'Aktivitetsbegränsningar',
          description: 'Beskriv vad patienten har svårt att göra.',
        },
        {
          id: '8',
          kind: 'textArea',
          label: 'Intellektuell funktion',
          collapsible: true,
          maxLength: 3500,
        },
        {
          id: '9',
          kind: 'textArea',
          label: 'Övergripande psykosociala funktioner',
          collapsible: true,
          maxLength: 3500,
        },
      ],
    },
    {
      id: 'KAT_8',
      title: 'Bedömning',
      questions: [
        {
          id: '32',
          fkFieldId: '32.1',
          kind: 'sickLeavePeriods',
          label: 'Min bedömning av patientens nedsättning av arbetsförmågan',
          required: true,
          showWorkingHours: true,
          options: [
            { code: 'EN_FJARDEDEL', label: '25 procent', percent: 25 },
            { code: 'HALFTEN', label: '50 procent', percent: 50 },
            { code: 'TRE_FJARDEDEL', label: '75 procent', percent: 75 },
            { code: 'HELT_NEDSATT', label: '100 procent', percent: 100 },
          ],
          messages: [
            {
              id: 'earlyStartDate',
              severity: 'warning',
              text: 'Du har angett att sjukskrivningsperioden startar mer än 7 dagar bakåt i tiden. Ange orsaken till detta i fältet "Övriga upplysningar".',
              when: {
                type: 'dateBefore',
                question: '32',
                field: 'from',
                reference: { type: 'today', offset: { days: -7 } },
              },
            },
            {
              id: 'shortPeriod',
              severity: 'info',
              text: 'Sjukperioden är kortare än 15 dagar.',
              when: { type: 'periodDays', question: '32', operator: 'lt', days: 15 },
            },
          ],
        },
        {
          id: '33',
          fkFieldId: '33.1',
          kind: 'yesNo',
          label:
            'Kommer möjligheterna till återgång i arbete försämras om arbetstiden förläggs ojämnt vid deltidssjukskrivning?',
          required: true,
          visibleIf: {
            type: 'includesAny',
            question: '32',
            codes: ['EN_FJARDEDEL', 'HALFTEN', 'TRE_FJARDEDEL'],
          },
        },
        {
          id: '33_2',
          fkFieldId: '33.2',
          kind: 'textArea',
          label:
            'Beskriv de medicinska skälen till att möjligheterna till återgång i arbete försämras',
          required: true,
          maxLength: 4000,
          visibleIf: { type: 'equals', question: '33', value: true },
        },
        {
          id: '39',
          fkFieldId: '39.1',
          kind: 'codeRadio',
          label: 'Prognos för arbetsförmåga utifrån aktuellt undersökningstillfälle',
          required: true,
          visibleIf: notSmittbarare,
          options: [
            {
              code: 'STOR_SANNOLIKHET',
              label: 'Patienten förväntas kunna återgå helt efter detta intygs slutdatum',
            },
            {
              code: 'ATER_X_ANTAL_MANADER',
              label: 'Patienten förväntas kunna återgå helt efter angiven tid',
            },
            { code: 'SANNOLIKT_INTE', label: 'Patienten förväntas inte kunna återgå helt' },
            { code: 'PROGNOS_OKLAR', label: 'Prognosen för återgång är svårbedömd' },
          ],
        },
        {
          id: '39_4',
          fkFieldId: '39.4',
          kind: 'integer',
          label: 'Ange antal månader',
          required: true,
          min: 1,
          max: 99,
          unit: 'månader',
          visibleIf: { type: 'equals', question: '39', value: 'ATER_X_ANTAL_MANADER' },
          messages: [
            {
              severity: 'info',
              text: 'Prognosen sträcker sig över mer än ett år.',
              when: { type: 'integerCompare', question: '39_4', operator: 'gt', value: 12 },
            },
          ],
        },
        {
          id: '39_2',
          fkFieldId: '39.2',
          kind: 'textArea',
          label: 'Beskriv vad som ligger till grund för bedömningen',
          required: true,
          maxLength: 4000,
          visibleIf: { type: 'equals', question: '39', value: 'PROGNOS_OKLAR' },
        },
      ],
    },
    {
      id: 'KAT_AT',
      title: 'Åtgärder',
      visibleIf: notSmittbarare,
      questions: [
        {
          id: '40',
          kind: 'codeCheckboxes',
          label:
            'Här kan du ange åtgärder som du tror skulle göra det lättare för patienten att återgå i arbete',
          options: [
            { code: 'EJ_AKTUELLT', label: 'Inte aktuellt', exclusive: true },
            { code: 'ARBETSTRANING', label: 'Arbetsträning' },
            { code: 'ARBETSANPASSNING', label: 'Arbetsanpassning' },
          ],
        },
        {
          id: '44',
          kind: 'textArea',
          label: 'Här kan du ange fler åtgärder.',
          visibleIf: {
            type: 'includesAny',
            question: '40',
            codes: ['ARBETSTRANING', 'ARBETSANPASSNING'],
          },
        },
      ],
    },
    {
      id: 'KAT_VAB',
      title: 'Period som barnet inte bör vårdas i ordinarie tillsynsform',
      questions: [
        {
          id: '55',
          fkFieldId: '55.1',
          kind: 'textArea',
          label: 'Ange diagnos eller symtom',
          maxLength: 318,
        },
        {
          id: '56',
          fkFieldId: '56.1',
          kind: 'periodsWithShares',
          label: 'Jag bedömer att barnet inte ska vårdas i ordinarie tillsynsform',
          shareLabel: 'Andel av ordinarie tid',
          minDate: { days: -90 },
          requiredIf: {
            type: 'or',
            conditions: [
              { type: 'answered', question: '55' },
              { type: 'role', roles: ['nurse', 'midwife'] },
            ],
          },
          options: [
            { code: 'EN_ATTONDEL', label: '12,5 procent', percent: 12.5 },
            { code: 'EN_FJARDEDEL', label: '25 procent', percent: 25 },
            { code: 'HALVA', label: '50 procent', percent: 50 },
            { code: 'TRE_FJARDEDELAR', label: '75 procent', percent: 75 },
            { code: 'HELA', label: '100 procent', percent: 100 },
          ],
        },
      ],
    },
    {
      id: 'KAT_HOT',
      title: 'Påtagligt hot mot patientens liv',
      questions: [
        {
          id: '52',
          fkFieldId: '52.1',
          kind: 'dropdown',
          label: 'Patientens behandling och vårdsituation',
          required: true,
          placeholder: 'Välj i listan',
          options: [
            { code: 'ENDAST_PALLIATIV', label: 'Endast palliativ vård ges' },
            { code: 'AKUT_LIVSHOTANDE', label: 'Akut livshotande tillstånd' },
            { code: 'ANNAT', label: 'Annat' },
          ],
        },
        {
          id: '52_2',
          fkFieldId: '52.2',
          kind: 'date',
          label: 'Ange när den aktiva behandlingen avslutades',
          required: true,
          maxDate: { days: 0 },
          visibleIf: { type: 'equals', question: '52', value: 'ENDAST_PALLIATIV' },
        },
        {
          id: '52_5',
          fkFieldId: '52.5',
          kind: 'yesNo',
          label: 'Kan du uppskatta hur länge tillståndet kommer vara livshotande?',
          required: true,
          visibleIf: { type: 'equals', question: '52', value: 'AKUT_LIVSHOTANDE' },
        },
        {
          id: '52_6',
          fkFieldId: '52.6',
          kind: 'date',
          label: 'Till och med vilket datum',
          required: true,
          minDate: { days: 0 },
          visibleIf: { type: 'equals', question: '52_5', value: true },
          messages: [
            {
              severity: 'info',
              text: 'Datumet ligger mer än ett år fram i tiden.',
              when: {
                type: 'dateAfter',
                question: '52_6',
                reference: { type: 'today', offset: { years: 1 } },
              },
            },
          ],
        },
      ],
    },
    {
      id: 'KAT_GRAV',
      title: 'Beräknat födelsedatum',
      questions: [
        {
          id: '54',
          fkFieldId: '54.1',
          kind: 'date',
          label: 'Datum',
          minDate: { days: 0 },
          maxDate: { years: 1 },
        },
      ],
    },
    {
      id: 'KAT_11',
      title: 'Övrigt',
      questions: [
        {
          id: '25',
          fkFieldId: '25.1',
          kind: 'textArea',
          label: 'Övriga upplysningar',
          maxLength: 4000,
        },
      ],
    },
    {
      id: 'KAT_12',
      title: 'Kontakt',
      visibleIf: notSmittbarare,
      questions: [
        {
          id: '26',
          fkFieldId: '26.1',
          kind: 'checkbox',
          label: 'Kontakt med Försäkringskassan',
          checkboxLabel: 'Jag önskar att Försäkringskassan kontaktar mig',
          uncheckedLabel: 'Ej angivet',
        },
        {
          id: '26_2',
          fkFieldId: '26.2',
          kind: 'textArea',
          label: 'Ange gärna varför du vill ha kontakt',
          maxLength: 4000,
          enabledIf: { type: 'answered', question: '26' },
        },
      ],
    },
    {
      id: 'KAT_SAMTYCKE',
      title: 'Samtycke för närståendes stöd',
      questions: [
        {
          id: 'forutsattningar',
          kind: 'info',
          text: 'Om patienten har medicinska förutsättningar att samtycka till en närståendes stöd, så ska patienten göra det.',
          level: 'info',
          draftOnly: true,
        },
        {
          id: '53',
          fkFieldId: '53.1',
          kind: 'yesNo',
          label: 'Har patienten de medicinska förutsättningarna för att kunna lämna samtycke?',
          required: true,
          messages: [
            {
              severity: 'info',
              text: 'Patienten är under 18 år.',
              when: { type: 'patientAge', operator: 'lt', years: 18 },
            },
          ],
        },
      ],
    },
    {
      id: 'UNIT',
      title: 'Vårdenhetens adress',
      questions: [
        {
          id: 'unit',
          kind: 'careUnitContact',
          label: 'Vårdenhetens adress och telefonnummer',
          required: true,
          postcodeFiveDigits: true,
        },
      ],
    },
  ],
  crossChecks: [
    { type: 'noOverlap', question: '32' },
    { type: 'noOverlap', question: '56' },
    { type: 'rowsFromTop', question: '6' },
    { type: 'rowsFromTop', question: '4' },
    {
      id: 'kannedomInteSenareAnUndersokning',
      type: 'dateNotAfter',
      date: { question: '2' },
      notAfter: { question: '1', code: 'FYSISKUNDERSOKNING' },
      message:
        'Ange ett datum, tidigare än eller samma som för "min undersökning vid fysiskt vårdmöte".',
    },
    {
      type: 'atLeastOneAnswered',
      questions: ['8', '9'],
      attachTo: '8',
      message: 'Beskriv minst en funktionsnedsättning.',
    },
  ],
} satisfies CertificateDefinitionInput;

export const sampleDefinition = parseDefinition(sampleDefinitionInput);

/** A fixed "today" used by the tests. */
export const SAMPLE_TODAY = '2025-06-16';

/** Answers that make the sample definition ready to sign (with consent recorded). */
export const completeSampleAnswers = {
  '1': [
    { code: 'FYSISKUNDERSOKNING', date: '2025-06-16' },
    { code: 'ANNAT', date: '2025-06-10' },
  ],
  '1_3': 'Samtal med arbetsterapeut',
  '2': '2020-01-01',
  '3': true,
  '4': [{ type: 'PSYKOLOG', date: '2025-05-01', source: 'Psykologmottagningen Solna' }],
  '28': ['NUVARANDE_ARBETE'],
  '29': 'Lagerarbetare, tunga lyft.',
  '6': [
    { code: 'M545', description: 'Lumbago' },
    { code: '', description: '' },
  ],
  '35': { text: 'Nedsatt rörlighet i ländryggen.', icfCodes: [] },
  '8': 'Inga avvikelser.',
  '32': [
    { code: 'HELT_NEDSATT', from: '2025-06-16', to: '2025-06-29' },
    { code: 'HALFTEN', from: '2025-06-30', to: '2025-07-13' },
  ],
  '33': false,
  '39': 'ATER_X_ANTAL_MANADER',
  '39_4': 2,
  '40': ['ARBETSTRANING'],
  '44': 'Arbetsträning på halvtid.',
  '55': 'Feber',
  '56': [{ code: 'HELA', from: '2025-06-16', to: '2025-06-20' }],
  '52': 'AKUT_LIVSHOTANDE',
  '52_5': true,
  '52_6': '2025-09-01',
  '54': '2025-12-24',
  '25': '',
  '26': true,
  '26_2': 'Vill diskutera rehabilitering.',
  '53': true,
  unit: { address: 'Storgatan 1', postcode: '111 22', city: 'Stockholm', phone: '08-123 45 67' },
};
