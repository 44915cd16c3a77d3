/**
 * How the product writes numbers, counts and labelled texts in Swedish, in one place for every
 * layer (the form engine, the contracts, the backend's messages and the app all import it; it
 * imports nothing). The mechanical language check (`user-facing-text.test.ts`) keeps literal
 * texts to the same rules.
 */

const numberFormat = new Intl.NumberFormat('sv-SE');

/**
 * A number as Swedish text: "4 000", "10 000", "12,5". Groups of three digits are separated by
 * a no-break space (Intl's sv-SE format), so a number never breaks across lines.
 */
export function formatNumber(value: number | bigint): string {
  return numberFormat.format(value);
}

/** "1 ärende", "2 ärenden", "10 000 ärenden": a count with the noun in the right number. */
export function countText(count: number, singular: string, plural: string): string {
  return `${formatNumber(count)} ${count === 1 ? singular : plural}`;
}

/** A text's length against its limit, one wording everywhere: "123 av 4 000 tecken". */
export function characterCountText(length: number, max: number): string {
  return `${formatNumber(length)} av ${formatNumber(max)} tecken`;
}

/** What is left of a text's limit, or how far over it the text is: "12 tecken kvar". */
export function charactersLeftText(length: number, max: number): string {
  return length > max
    ? `${formatNumber(length - max)} tecken för mycket`
    : `${formatNumber(max - length)} tecken kvar`;
}

/**
 * A label and what is said about it: "Diagnos: Ange diagnoskod." A label that already ends in
 * a question mark, an exclamation mark or a colon gets no colon of its own:
 * "Finns det skäl …? Ange ett svar.", never "…?: Ange ett svar."
 */
export function labelledText(label: string, text: string): string {
  const trimmed = label.trimEnd();
  return /[?!:]$/.test(trimmed) ? `${trimmed} ${text}` : `${trimmed}: ${text}`;
}

/** A quotation in Swedish text: ”Ersätt” (the same closing quotation mark on both sides). */
export function quoted(text: string): string {
  return `”${text}”`;
}

/** A text over its limit, one wording outside the certificate forms: "Texten får vara högst 4 000 tecken." */
export function textTooLongMessage(max: number): string {
  return `Texten får vara högst ${formatNumber(max)} tecken.`;
}

/**
 * A person and their title in running text: "Anna Lindqvist, läkare (privatläkare)". A title is
 * stored as it stands alone ("Läkare (privatläkare)"); in a sentence it is a common noun, so its
 * capital goes (an abbreviation such as "ST-läkare" keeps its own).
 */
export function nameWithTitle(name: string, title: string): string {
  const inSentence = /^[A-ZÅÄÖ][a-zåäö]/.test(title)
    ? `${title.charAt(0).toLowerCase()}${title.slice(1)}`
    : title;
  return `${name}, ${inSentence}`;
}

/** A text with a capital first letter, for a word that stands alone: "vårdenheten" → "Vårdenheten". */
export function capitalized(text: string): string {
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}`;
}
