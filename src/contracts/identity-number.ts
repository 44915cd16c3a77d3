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

const shapePattern = /^(\d{2})?(\d{2})(\d{2})(\d{2})([-+]?)(\d{3})(\d)$/;

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function luhnValid(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i += 1) {
    let n = Number(digits[i]);
    if (i % 2 === 0) {
      n *= 2;
      if (n > 9) n -= 9;
    }
    sum += n;
  }
  return sum % 10 === 0;
}

/** Full year for a number given without century, as the library and Skatteverket do. */
function resolveCentury(
  yy: number,
  month: number,
  day: number,
  plus: boolean,
  today: Date,
): number {
  const baseYear = today.getUTCFullYear() - (plus ? 100 : 0);
  let year = baseYear - ((baseYear - yy) % 100);
  const birthdayThisYear = Date.UTC(year, month - 1, day);
  const todayUtc = Date.UTC(
    today.getUTCFullYear() - (plus ? 100 : 0),
    today.getUTCMonth(),
    today.getUTCDate(),
  );
  if (birthdayThisYear > todayUtc) year -= 100;
  return year;
}

/**
 * Parses an identity number in any common format: with or without century, with a dash,
 * a plus (100 years or older) or nothing between date and number, surrounding spaces allowed.
 */
export function parseIdentityNumber(input: string, today: Date = new Date()): IdentityNumberResult {
  const compact = input.trim().replace(/\s+/g, '');
  if (compact === '') return { ok: false, message: identityNumberMessages.empty };
  const match = shapePattern.exec(compact);
  if (!match) return { ok: false, message: identityNumberMessages.format };
  const [
    ,
    centuryPart,
    yyPart = '',
    mmPart = '',
    ddPart = '',
    separator = '',
    serial = '',
    check = '',
  ] = match;
  const month = Number(mmPart);
  const rawDay = Number(ddPart);
  const coordination = rawDay > 60;
  const day = coordination ? rawDay - 60 : rawDay;
  const year =
    centuryPart !== undefined
      ? Number(centuryPart + yyPart)
      : resolveCentury(Number(yyPart), month, Math.max(day, 1), separator === '+', today);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
    return { ok: false, message: identityNumberMessages.date };
  }
  if (
    Date.UTC(year, month - 1, day) >
    Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate())
  ) {
    return { ok: false, message: identityNumberMessages.future };
  }
  if (/^[a-zA-Z]/.test(serial)) return { ok: false, message: identityNumberMessages.interim };
  if (!luhnValid(`${yyPart}${mmPart}${ddPart}${serial}${check}`)) {
    return { ok: false, message: identityNumberMessages.checkDigit };
  }
  const value = `${String(year).padStart(4, '0')}${mmPart}${ddPart}${serial}${check}`;
  // The library is the authority on validity; the checks above only explain what is wrong.
  if (!Personnummer.valid(value, { allowCoordinationNumber: true, allowInterimNumber: false })) {
    return { ok: false, message: identityNumberMessages.format };
  }
  return {
    ok: true,
    value,
    kind: coordination ? 'samordningsnummer' : 'personnummer',
    formatted: formatIdentityNumber(value),
  };
}

/** 12 digits → ÅÅÅÅMMDD-NNNN. */
export function formatIdentityNumber(value: string): string {
  return value.length === 12 ? `${value.slice(0, 8)}-${value.slice(8)}` : value;
}

/** The normalised form used in API bodies: 12 digits, valid. */
export const identityNumberSchema = z
  .string()
  .regex(/^\d{12}$/, 'Identitetsnumret ska anges med 12 siffror.')
  .refine((value) => parseIdentityNumber(value).ok, identityNumberMessages.checkDigit);
