import { named } from './named';
import Personnummer from 'personnummer';
import { z } from 'zod';

/**
 * Swedish personal identity numbers (personnummer) and coordination numbers
 * (samordningsnummer). The library validates; this module adds the precise Swedish
 * message for what is wrong, and the normalised 12-digit form used over the API.
 */

export type IdentityNumberKind = 'personnummer' | 'samordningsnummer';

export type IdentityNumberResult =
  | { ok: true; value: string; kind: IdentityNumberKind; formatted: string }
  | { ok: false; message: string };

export const identityNumberMessages = {
  empty: 'Ange ett personnummer eller samordningsnummer.',
  format:
    'Personnumret ska ha 10 eller 12 siffror, till exempel ÅÅÅÅMMDD-NNNN, ÅÅMMDD-NNNN eller ÅÅÅÅMMDDNNNN.',
  date: 'Datumet i numret finns inte. Kontrollera år, månad och dag.',
  future: 'Datumet i numret ligger i framtiden.',
  checkDigit: 'Kontrollsiffran stämmer inte. Kontrollera att numret är rätt skrivet.',
  interim: 'Reservnummer och interimsnummer kan inte användas här.',
} as const;

/**
 * What an identity number looks like: optional century, date, optional separator, serial
 * (a letter first for an interim number) and check digit. Only tells format errors from the
 * rest; every check of the number itself is the library's.
 */
const shapePattern = /^(?:\d{2})?\d{6}[-+]?(?:(?!000)\d{3}|[A-Z]\d{2})\d$/;

const libraryOptions = { allowCoordinationNumber: true, allowInterimNumber: false };

function parsed(pin: string): Personnummer | undefined {
  try {
    return Personnummer.parse(pin, libraryOptions);
  } catch {
    return undefined;
  }
}

/** The birth date (for a samordningsnummer the day minus 60) as yyyymmdd, for comparing. */
function birthDateKey(number: Personnummer): number {
  const day = Number(number.day) - (number.isCoordinationNumber() ? 60 : 0);
  return Number(number.fullYear) * 10000 + Number(number.month) * 100 + day;
}

function isAfter(number: Personnummer, today: Date): boolean {
  const todayKey =
    today.getUTCFullYear() * 10000 + (today.getUTCMonth() + 1) * 100 + today.getUTCDate();
  return birthDateKey(number) > todayKey;
}

/**
 * Parses an identity number in any common format: with or without century, with a dash,
 * a plus (100 years or older) or nothing between date and number, surrounding spaces allowed.
 * The personnummer library decides validity (date, century, check digit); `today` only
 * decides whether the birth date lies in the future.
 */
export function parseIdentityNumber(input: string, today: Date = new Date()): IdentityNumberResult {
  const compact = input.trim().replace(/\s+/g, '').toUpperCase();
  if (compact === '') return { ok: false, message: identityNumberMessages.empty };
  if (!shapePattern.test(compact)) return { ok: false, message: identityNumberMessages.format };
  if (/[A-Z]\d{3}$/.test(compact)) return { ok: false, message: identityNumberMessages.interim };
  const number = parsed(compact);
  if (number === undefined) {
    // The library says no. If some check digit would make it valid, the date is fine and
    // the check digit is what is wrong; if none would, the date is.
    const stem = compact.slice(0, -1);
    const corrected = Array.from({ length: 10 }, (_, digit) => parsed(`${stem}${String(digit)}`))
      .filter((candidate) => candidate !== undefined)
      .at(0);
    if (corrected === undefined) return { ok: false, message: identityNumberMessages.date };
    if (isAfter(corrected, today)) return { ok: false, message: identityNumberMessages.future };
    return { ok: false, message: identityNumberMessages.checkDigit };
  }
  if (isAfter(number, today)) return { ok: false, message: identityNumberMessages.future };
  const value = `${number.fullYear}${number.month}${number.day}${number.num}${number.check}`;
  return {
    ok: true,
    value,
    kind: number.isCoordinationNumber() ? 'samordningsnummer' : 'personnummer',
    formatted: formatIdentityNumber(value),
  };
}

/** 12 digits → ÅÅÅÅMMDD-NNNN. */
export function formatIdentityNumber(value: string): string {
  return value.length === 12 ? `${value.slice(0, 8)}-${value.slice(8)}` : value;
}

/** The normalised form used in API bodies: 12 digits, valid. */
export const identityNumberSchema = named(
  'IdentityNumber',
  z
    .string()
    .regex(/^\d{12}$/, 'Identitetsnumret ska anges med 12 siffror.')
    .refine((value) => parseIdentityNumber(value).ok, identityNumberMessages.checkDigit),
);
