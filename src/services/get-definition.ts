import { queryOptions, useQuery } from '@tanstack/react-query';
import { queryKeys } from '../lib/query-keys';
import { loadDefinition, type CertificateTypeCode } from '../definitions';

export const definitionQuery = (code: CertificateTypeCode) =>
  queryOptions({
    queryKey: queryKeys.definition(code),
    queryFn: () => loadDefinition(code),
    staleTime: Infinity,
  });

export function useDefinition(code: CertificateTypeCode) {
  return useQuery(definitionQuery(code));
}
