import { z } from 'zod';
import { countText, formatNumber, quoted } from '../language/swedish';

/**
 * Swedish messages for every issue zod raises without a message of the schema's own (wrong
 * type, missing field, unknown enum value, unknown key, length and range limits).
 *
 * Zod ships a Swedish locale (`z.locales.sv()`), but it mixes in zod's English type names
 * ("förväntat string, fick undefined") and shows a pattern's regular expression, so the API
 * uses this map instead. A message never repeats the input: it names the field (a key of the
 * schema, shown only when it is short and identifier-shaped) and the schema's own limits.
 */

type RawIssue = z.core.$ZodRawIssue;

const typeNames: Readonly<Record<string, string>> = {
  string: 'text',
  number: 'ett tal',
  int: 'ett heltal',
  bigint: 'ett heltal',
  boolean: 'sant eller falskt (true eller false)',
  date: 'ett datum',
  array: 'en lista',
  tuple: 'en lista',
  object: 'ett objekt',
  record: 'ett objekt',
  map: 'ett objekt',
  set: 'en lista',
  null: 'null',
};

const formatNames: Readonly<Record<string, string>> = {
  date: 'ett datum (ÅÅÅÅ-MM-DD)',
  datetime: 'en tidpunkt med tidszon (ISO 8601)',
  time: 'en tid (TT:MM)',
  email: 'en e-postadress',
  url: 'en webbadress',
  uuid: 'ett UUID',
};

const SAFE_SEGMENT = /^[A-Za-z_][A-Za-z0-9_]{0,39}$/;
const MAX_LISTED_VALUES = 10;

/** The field's path as `a.b[2]`, or undefined when a segment is not a plain schema key. */
function fieldName(path: readonly PropertyKey[] | undefined): string | undefined {
  if (path === undefined || path.length === 0 || path.length > 6) return undefined;
  let name = '';
  for (const segment of path) {
    if (typeof segment === 'number' && Number.isInteger(segment) && segment >= 0) {
      name += `[${segment + 1}]`;
    } else if (typeof segment === 'string' && SAFE_SEGMENT.test(segment)) {
      name += name === '' ? segment : `.${segment}`;
    } else {
      return undefined;
    }
  }
  return name;
}

/**
 * "Fältet ”x”" for a named field, "Begärans innehåll" for the body itself (both neuter, so
 * every message below inflects alike).
 */
function subject(issue: RawIssue): string {
  const name = fieldName(issue.path);
  if (name !== undefined) return `Fältet ${quoted(name)}`;
  return issue.path === undefined || issue.path.length === 0 ? 'Begärans innehåll' : 'Ett fält';
}

/** "4 000", or a count with its unit: "4 000 tecken", "1 värde", "2 värden". */
function limit(value: number | bigint, origin?: string): string {
  const count = Number(value);
  switch (origin) {
    case 'string':
      return countText(count, 'tecken', 'tecken');
    case 'array':
    case 'set':
      return countText(count, 'värde', 'värden');
    case 'file':
      return countText(count, 'byte', 'byte');
    default:
      return formatNumber(value);
  }
}

function hasUnit(origin: string): boolean {
  return origin === 'string' || origin === 'array' || origin === 'set' || origin === 'file';
}

function tooSmall(issue: z.core.$ZodRawIssue<z.core.$ZodIssueTooSmall>): string {
  const who = subject(issue);
  if (issue.origin === 'string' && issue.minimum === 1 && issue.inclusive !== false) {
    return `${who} får inte vara tomt.`;
  }
  if (issue.origin === 'array' && issue.minimum === 1 && issue.inclusive !== false) {
    return `${who} ska innehålla minst ett värde.`;
  }
  if (issue.exact === true) return `${who} ska ha exakt ${limit(issue.minimum, issue.origin)}.`;
  if (hasUnit(issue.origin)) return `${who} ska ha minst ${limit(issue.minimum, issue.origin)}.`;
  return issue.inclusive === false
    ? `${who} ska vara större än ${limit(issue.minimum)}.`
    : `${who} ska vara minst ${limit(issue.minimum)}.`;
}

function tooBig(issue: z.core.$ZodRawIssue<z.core.$ZodIssueTooBig>): string {
  const who = subject(issue);
  if (issue.exact === true) return `${who} ska ha exakt ${limit(issue.maximum, issue.origin)}.`;
  if (hasUnit(issue.origin)) return `${who} får ha högst ${limit(issue.maximum, issue.origin)}.`;
  return issue.inclusive === false
    ? `${who} ska vara mindre än ${limit(issue.maximum)}.`
    : `${who} får vara högst ${limit(issue.maximum)}.`;
}

function allowedValues(values: readonly unknown[]): string {
  const listed = values.filter(
    (value): value is string | number | boolean =>
      typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean',
  );
  if (listed.length === 0 || listed.length > MAX_LISTED_VALUES) return '';
  return ` Tillåtna värden: ${listed.map((value) => quoted(String(value))).join(', ')}.`;
}

/** The message for an issue, in Swedish. */
export function swedishIssueMessage(issue: RawIssue): string {
  switch (issue.code) {
    case 'invalid_type': {
      if (issue.input === undefined) {
        return issue.path === undefined || issue.path.length === 0
          ? 'Begäran saknar innehåll.'
          : `${subject(issue)} saknas.`;
      }
      const expected = typeNames[issue.expected];
      return expected === undefined
        ? `${subject(issue)} har fel typ.`
        : `${subject(issue)} ska vara ${expected}.`;
    }
    case 'invalid_value':
      return `${subject(issue)} har ett värde som inte är tillåtet.${allowedValues(issue.values)}`;
    case 'too_small':
      return tooSmall(issue);
    case 'too_big':
      return tooBig(issue);
    case 'invalid_format': {
      const format = formatNames[issue.format];
      return format === undefined
        ? `${subject(issue)} har fel format.`
        : `${subject(issue)} ska vara ${format}.`;
    }
    case 'not_multiple_of':
      return `${subject(issue)} ska vara en multipel av ${limit(issue.divisor)}.`;
    case 'unrecognized_keys':
      return issue.keys.length === 1
        ? `${subject(issue)} innehåller ett fält som inte hör hit.`
        : `${subject(issue)} innehåller ${countText(issue.keys.length, 'fält', 'fält')} som inte hör hit.`;
    case 'invalid_union':
      return `${subject(issue)} har fel format.`;
    case 'invalid_key':
      return `${subject(issue)} har en ogiltig nyckel.`;
    case 'invalid_element':
      return `${subject(issue)} innehåller ett ogiltigt värde.`;
    case 'custom':
      return `${subject(issue)} är ogiltigt.`;
  }
}

/**
 * Makes every zod message without a message of its own Swedish, for this JavaScript realm.
 * The embedded backend calls it when it starts (in the browser and in the Node tests).
 */
export function configureSwedishZodMessages(): void {
  z.config({ localeError: swedishIssueMessage });
}
