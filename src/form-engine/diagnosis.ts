/**
 * Diagnosis code checks (ICD-10-SE / KSH97-P). Codes are stored without the dot.
 */
import type { MessageKey } from './messages';

/** A letter, two digits, then letters, digits or '-' (KSH97-P uses '-P'). */
const CODE_PATTERN = /^[A-Za-z][0-9]{2}[A-Za-z0-9-]*$/;

export const DEFAULT_PSYCHIATRIC_PREFIXES: readonly string[] = ['F', 'Z73'];

export interface DiagnosisCodeFormat {
  minLength?: number | undefined;
  maxLength?: number | undefined;
  psychiatricMinLength?: number | undefined;
  psychiatricPrefixes?: readonly string[] | undefined;
}

/** Uppercases and removes dots and spaces: "f32.1 " → "F321". For the renderer's input. */
export function normalizeDiagnosisCode(input: string): string {
  return input.replace(/[.\s]/g, '').toUpperCase();
}

/**
 * Checks a code's format. Returns the message key of the first problem, or null when the
 * format is fine. The basic pattern always applies; lengths only with a `codeFormat`.
 */
export function checkDiagnosisCodeFormat(
  code: string,
  format: DiagnosisCodeFormat | undefined,
): MessageKey | null {
  // The start of a code ("M", "M5") is too short rather than malformed, where a minimum is set.
  if (
    format?.minLength !== undefined &&
    code.length < format.minLength &&
    /^[A-Za-z][0-9]?$/.test(code)
  ) {
    return 'diagnosisCodeTooShort';
  }
  if (!CODE_PATTERN.test(code)) return 'diagnosisCodeInvalid';
  if (!format) return null;
  if (format.maxLength !== undefined && code.length > format.maxLength)
    return 'diagnosisCodeInvalid';
  if (format.minLength !== undefined && code.length < format.minLength)
    return 'diagnosisCodeTooShort';
  const prefixes = format.psychiatricPrefixes ?? DEFAULT_PSYCHIATRIC_PREFIXES;
  const upper = code.toUpperCase();
  if (
    format.psychiatricMinLength !== undefined &&
    prefixes.some((prefix) => upper.startsWith(prefix.toUpperCase())) &&
    code.length < format.psychiatricMinLength
  ) {
    return 'diagnosisPsychiatricCodeTooShort';
  }
  return null;
}

/**
 * What the code list says of diagnosis titles. Either side may know only part of the list
 * (the editor learns titles from its searches and look-ups): `titleOf` answers undefined for a
 * code it does not know, and `codesTitled` lists only the codes it knows.
 */
export interface DiagnosisTitles {
  /** The official title of a code, or undefined when it is not known. */
  titleOf(code: string): string | undefined;
  /** The codes whose official title is this text (compared as `sameDiagnosisText` does). */
  codesTitled(text: string): readonly string[];
}

/** Case, surrounding blanks, runs of blanks and a final full stop do not make texts differ. */
export function diagnosisTextKey(text: string): string {
  return text.trim().replace(/\s+/g, ' ').replace(/\.$/, '').toLocaleLowerCase('sv');
}

/**
 * The other code whose official title a row's description is, or undefined when the
 * description is the code's own title, the title of a code it belongs under (F32's
 * "Depressiv episod" for F32.1: less specific but true), written by hand, or not judgeable
 * because the code's own title is not known. "F321" with "Lindrig depressiv episod" gives
 * "F320": the row would say something the code does not.
 */
export function codeDescribedInstead(
  code: string,
  description: string,
  titles: DiagnosisTitles,
): string | undefined {
  const normalized = normalizeDiagnosisCode(code);
  const own = titles.titleOf(normalized);
  if (own === undefined) return undefined;
  const key = diagnosisTextKey(description);
  if (key === '' || diagnosisTextKey(own) === key) return undefined;
  const owners = titles.codesTitled(description).map(normalizeDiagnosisCode);
  if (owners.some((owner) => normalized.startsWith(owner))) return undefined;
  return owners[0];
}

/** "F320" → "F32.0": the form FK's texts and the certificate show codes in. */
export function dottedDiagnosisCode(code: string): string {
  const normalized = normalizeDiagnosisCode(code);
  return /^[A-Z][0-9]{2}[A-Z0-9]/.test(normalized) && !normalized.includes('-')
    ? `${normalized.slice(0, 3)}.${normalized.slice(3)}`
    : normalized;
}
