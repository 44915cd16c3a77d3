import { describe, expect, it } from 'vitest';
import { checkDiagnosisCodeFormat, normalizeDiagnosisCode } from './diagnosis';
import * as engine from './index';

describe('diagnosis codes', () => {
  it('normalizes typed codes', () => {
    expect(normalizeDiagnosisCode(' f32.1 ')).toBe('F321');
    expect(normalizeDiagnosisCode('M54.5')).toBe('M545');
  });

  it('checks the basic pattern without length rules', () => {
    expect(checkDiagnosisCodeFormat('M545', undefined)).toBeNull();
    expect(checkDiagnosisCodeFormat('J06-P', undefined)).toBeNull();
    expect(checkDiagnosisCodeFormat('M5', undefined)).toBe('diagnosisCodeInvalid');
    expect(checkDiagnosisCodeFormat('545', undefined)).toBe('diagnosisCodeInvalid');
    expect(checkDiagnosisCodeFormat('M54.5', undefined)).toBe('diagnosisCodeInvalid');
    expect(checkDiagnosisCodeFormat('F3', undefined)).toBe('diagnosisCodeInvalid');
  });

  it('applies schematron lengths: 3–5, psychiatric (F, Z73) at least 4', () => {
    const format = { minLength: 3, maxLength: 5, psychiatricMinLength: 4 };
    expect(checkDiagnosisCodeFormat('M54', format)).toBeNull();
    expect(checkDiagnosisCodeFormat('M5451', format)).toBeNull();
    expect(checkDiagnosisCodeFormat('M54511', format)).toBe('diagnosisCodeInvalid');
    expect(checkDiagnosisCodeFormat('F32', format)).toBe('diagnosisPsychiatricCodeTooShort');
    expect(checkDiagnosisCodeFormat('z73', format)).toBe('diagnosisPsychiatricCodeTooShort');
    expect(checkDiagnosisCodeFormat('Z74', format)).toBeNull();
    expect(checkDiagnosisCodeFormat('M54', { minLength: 4 })).toBe('diagnosisCodeTooShort');
    expect(checkDiagnosisCodeFormat('A01', { ...format, psychiatricPrefixes: ['A'] })).toBe(
      'diagnosisPsychiatricCodeTooShort',
    );
  });
});

describe('public API', () => {
  it('exports the engine functions from index.ts', () => {
    for (const name of [
      'parseDefinition',
      'evaluate',
      'evaluateQuestion',
      'getRuleDependencies',
      'pruneHidden',
      'buildAnswerSchema',
      'parseDateInput',
      'summarizePeriods',
      'totalDays',
      'findOverlappingPeriods',
      'definitionJsonSchema',
    ] as const) {
      expect(typeof engine[name]).toBe('function');
    }
  });
});
