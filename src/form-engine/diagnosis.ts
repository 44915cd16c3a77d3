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
