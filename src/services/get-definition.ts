import { queryOptions, useQuery } from '@tanstack/react-query';
import { loadDefinition, type CertificateTypeCode } from '../definitions';

export const definitionQuery = (code: CertificateTypeCode) =>
  queryOptions({
    queryKey: ['definitions', code],
    queryFn: () => loadDefinition(code),
    staleTime: Infinity,
  });

export function useDefinition(code: CertificateTypeCode) {
  return useQuery(definitionQuery(code));
}
