import { queryOptions, useQuery } from '@tanstack/react-query';
import { queryKeys } from '../lib/query-keys';
import { loadDefinition, loadDefinitionVersion, type CertificateTypeCode } from '../definitions';

export const definitionQuery = (code: CertificateTypeCode) =>
  queryOptions({
    queryKey: queryKeys.definition(code),
    queryFn: () => loadDefinition(code),
    staleTime: Infinity,
  });

export function useDefinition(code: CertificateTypeCode) {
  return useQuery(definitionQuery(code));
}

/** The definition a certificate was written against: by code and version. */
export const definitionVersionQuery = (code: CertificateTypeCode, version: string) =>
  queryOptions({
    queryKey: [...queryKeys.definition(code), version],
    queryFn: () => loadDefinitionVersion(code, version),
    staleTime: Infinity,
  });

export function useDefinitionVersion(code: CertificateTypeCode, version: string) {
  return useQuery(definitionVersionQuery(code, version));
}
