import { formatNumber } from '../language/swedish';

/**
 * The generic Swedish validation texts, in one place.
 *
 * Texts marked "FK" are quoted word for word from the certificate specs
 * (certificate-service `ErrorMessageFactory` / Webcert). Texts marked "engine" have no
 * FK source and were written for this engine. A question can replace any of them with
 * its `errorTexts` (e.g. LUSE's "Ange ett giltigt datum. Framtida datum får inte anges.").
 *
 * Placeholders: `{max}`, `{min}`, `{date}` (YYYY-MM-DD), `{code}` (a diagnosis code), `{chars}`
 * (characters named by fk-text.ts). A number
 * is written the Swedish way, with a space between groups of three digits ("4 000").
 */
export const DEFAULT_MESSAGES = {
  /** FK: text, ICF, integer or boolean checkbox missing. */
  answerMissing: 'Ange ett svar.',
  /** FK: radio (yes/no or code) or dropdown missing. */
  choiceMissing: 'Välj ett alternativ.',
  /** FK: checkbox list, checkbox+date list or period list empty. */
  choicesMissing: 'Välj minst ett alternativ.',
  /** FK: date missing (also one end of a period). */
  dateMissing: 'Ange ett datum.',
  /** FK (client side): a date that is not a valid YYYY-MM-DD date. */
  dateInvalid: 'Ange giltigt datum i formatet åååå-mm-dd.',
  /** FK (client side): a date outside 1900-01-02 … 2099-12-12. */
  dateOutOfRange: 'Ange ett datum som inte ligger för långt fram eller tillbaka i tiden.',
  /** FK: date before the question's minDate. */
  dateTooEarly: 'Ange ett datum som är tidigast {date}.',
  /** FK: date after the question's maxDate. */
  dateTooLate: 'Ange ett datum som är senast {date}.',
  /** FK: period end before its start. */
  periodEndBeforeStart: 'Ange ett slutdatum som infaller efter startdatumet.',
  /** FK: periods overlap (a shared day counts). */
  periodsOverlap: 'Ange perioder som inte överlappar varandra.',
  /** FK, with the unit added ("… längre än 4 000 tecken.", FK writes "… längre än 4000."): text longer than maxLength. */
  textTooLong: 'Ange en text som inte är längre än {max} tecken.',
  /** FK (LISJP v1): text of blanks only (only checked when `rejectBlankOnly`). */
  blankOnly: 'Fältet får inte fyllas i med endast blanksteg.',
  /** engine: text in a number field that is not a whole number ("12a", "1,5"): stored as NaN. */
  integerInvalid: 'Ange ett heltal.',
  /** FK: integer outside [min, max] (e.g. "Ange ett värde mellan 1-99."). */
  integerOutOfRange: 'Ange ett värde mellan {min}-{max}.',
  /** FK (v2): table rows (investigations) not filled from the top. */
  rowsOutOfOrder: 'Fyll i fälten uppifrån och ned.',
  /** FK: no diagnosis at all. */
  diagnosisMissing: 'Ange minst en diagnos.',
  /** FK: a lower diagnosis row filled while the first row is empty. */
  diagnosisTopRowFirst: 'Ange diagnos på översta raden först.',
  /** FK: a diagnosis row without code. */
  diagnosisCodeMissing: 'Ange diagnoskod.',
  /** FK (v2): a diagnosis row without description. v1 forms use "Ange diagnostext.". */
  diagnosisDescriptionMissing: 'Ange diagnosbeskrivning.',
  /** FK: unknown or malformed diagnosis code. */
  diagnosisCodeInvalid: 'Diagnoskod är ej giltig.',
  /** Code shorter than codeFormat.minLength. v1 forms use FK's "Ange diagnoskod med så många positioner som möjligt, men minst tre positioner.". */
  diagnosisCodeTooShort: 'Diagnoskod är ej giltig.',
  /** Psychiatric code shorter than codeFormat.psychiatricMinLength. v1 forms use FK's "Ange diagnosrad med minst fyra positioner på en psykisk diagnos.". */
  diagnosisPsychiatricCodeTooShort: 'Diagnoskod är ej giltig.',
  /** engine: the description is the official title of another code (Webcert has no such check). */
  diagnosisDescriptionOfOtherCode:
    'Diagnosbeskrivningen är texten för diagnoskod {code}. Ändra koden eller beskrivningen så att de stämmer överens.',
  /** engine: rows use different code systems while `sameCodeSystem` is set. */
  diagnosisMixedCodeSystems: 'Ange alla diagnoser med samma kodverk.',
  /** FK: care unit address fields. */
  addressMissing: 'Ange postadress.',
  postcodeMissing: 'Ange postnummer.',
  cityMissing: 'Ange postort.',
  phoneMissing: 'Ange telefonnummer.',
  /** FK (v1, spelling corrected from "siffor"): postcode not five digits. */
  postcodeInvalid: 'Ange postnummer med fem siffror.',
  /** engine: a code that is not one of the question's options. */
  optionInvalid: 'Välj ett giltigt alternativ.',
  /** engine: the same option chosen twice. */
  optionDuplicate: 'Varje alternativ får bara väljas en gång.',
  /** engine: an exclusive option (e.g. "Inte aktuellt") combined with others. */
  optionExclusive: 'Alternativet kan inte kombineras med andra alternativ.',
  /** engine: more rows than the question allows. */
  tooManyRows: 'Ange högst {max} rader.',
  /** engine: a value of the wrong shape (e.g. a number in a text question). */
  valueInvalid: 'Svaret har ett ogiltigt format.',
  /** engine (Webcert reduces text to ISO-8859-1, see fk-text.ts): characters FK cannot receive. */
  textOutsideFkSet: 'Texten innehåller tecken som Försäkringskassan inte kan ta emot: {chars}',
} as const;

export type MessageKey = keyof typeof DEFAULT_MESSAGES;

export const MESSAGE_KEYS = Object.keys(DEFAULT_MESSAGES).filter(isMessageKey);

function isMessageKey(key: string): key is MessageKey {
  return Object.hasOwn(DEFAULT_MESSAGES, key);
}

/** Readiness texts (not field validation). */
export const READINESS_MESSAGES = {
  /** engine: consent must be recorded before signing (by itself, or in the signing step). */
  consentMissing:
    'Patientens samtycke är inte registrerat. Det kan registreras nu eller när intyget signeras.',
} as const;

const PLACEHOLDERS = ['max', 'min', 'date', 'code', 'chars'] as const;

export type MessageParams = Partial<Record<(typeof PLACEHOLDERS)[number], string | number>>;

/**
 * Resolves a message key against a question's overrides and fills in placeholders.
 */
export function formatMessage(
  key: MessageKey,
  overrides: Partial<Record<MessageKey, string>> | undefined,
  params: MessageParams = {},
): string {
  const template = overrides?.[key] ?? DEFAULT_MESSAGES[key];
  return template.replace(/\{(max|min|date|code|chars)\}/g, (whole: string, name: string) => {
    const placeholder = PLACEHOLDERS.find((candidate) => candidate === name);
    const value = placeholder === undefined ? undefined : params[placeholder];
    if (value === undefined) return whole;
    return typeof value === 'number' ? formatNumber(value) : value;
  });
}
