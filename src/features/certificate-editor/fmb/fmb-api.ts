import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import {
  fmbGuidanceResponseSchema,
  fmbSickLeaveCheckResponseSchema,
  type FmbPeriod,
  type FmbSickLeaveCheckResponse,
} from '../../../contracts/fmb';
import {
  diagnosesValueSchema,
  isIsoDate,
  periodListValueSchema,
  type Answers,
  type CertificateDefinition,
} from '../../../form-engine';
import { callEndpoint } from '../../../lib/api-client';

/** The most diagnoses FMB is asked about (the certificate's first three). */
const MAX_CODES = 3;

/** The diagnosis codes entered in the certificate, in order, at most three. */
export function diagnosisCodesOf(definition: CertificateDefinition, answers: Answers): string[] {
  const codes: string[] = [];
  for (const category of definition.categories) {
    for (const question of category.questions) {
      if (question.kind !== 'diagnoses') continue;
      const rows = diagnosesValueSchema.safeParse(answers[question.id]);
      if (!rows.success) continue;
      for (const row of rows.data) {
        const code = row.code.trim().toUpperCase().replace('.', '');
        if (/^[A-Z]\d{2}[0-9A-Z]{0,2}$/.test(code) && !codes.includes(code)) codes.push(code);
      }
    }
  }
  return codes.slice(0, MAX_CODES);
}

/** The complete periods of the sick-leave question(s): those with both dates in order. */
export function sickLeavePeriodsOf(
  definition: CertificateDefinition,
  answers: Answers,
): FmbPeriod[] {
  return definition.categories.flatMap((category) =>
    category.questions.flatMap((question) => {
      if (question.kind !== 'sickLeavePeriods') return [];
      const rows = periodListValueSchema.safeParse(answers[question.id]);
      if (!rows.success) return [];
      return rows.data.flatMap(({ from, to }) =>
        isIsoDate(from) && isIsoDate(to) && from <= to ? [{ from, to }] : [],
      );
    }),
  );
}

/** The value, once its key has stayed the same for `ms` (typing does not ask at every key). */
export function useSettled<T>(value: T, key: string, ms = 400): T {
  const [settled, setSettled] = useState({ key, value });
  const latest = useRef(value);
  useEffect(() => {
    latest.current = value;
  });
  useEffect(() => {
    if (key === settled.key) return undefined;
    const timer = window.setTimeout(() => setSettled({ key, value: latest.current }), ms);
    return () => window.clearTimeout(timer);
  }, [key, ms, settled.key]);
  return settled.value;
}

export function useFmbGuidance(codes: readonly string[]) {
  return useQuery({
    queryKey: ['fmb', 'guidance', codes],
    queryFn: () =>
      callEndpoint('getFmbGuidance', { body: { codes }, response: fmbGuidanceResponseSchema }),
    enabled: codes.length > 0,
    staleTime: Infinity,
    placeholderData: keepPreviousData,
  });
}

export interface SickLeaveInput {
  codes: readonly string[];
  periods: readonly FmbPeriod[];
}

export function checkSickLeave(
  certificateId: string,
  input: SickLeaveInput,
): Promise<FmbSickLeaveCheckResponse> {
  return callEndpoint('checkFmbSickLeave', {
    body: { certificateId, codes: input.codes, periods: input.periods },
    response: fmbSickLeaveCheckResponseSchema,
  });
}

export function useSickLeaveCheck(certificateId: string, input: SickLeaveInput) {
  return useQuery({
    queryKey: ['fmb', 'check', certificateId, input],
    queryFn: () => checkSickLeave(certificateId, input),
    enabled: input.codes.length > 0 && input.periods.length > 0,
    placeholderData: keepPreviousData,
  });
}
