import { queryOptions, useQuery } from '@tanstack/react-query';
import { eidOptionsResponseSchema } from '../../../contracts/registration';
import { callEndpoint } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';

export function getEidPersons() {
  return callEndpoint('listEidPersons', { response: eidOptionsResponseSchema });
}

export function useEidPersons() {
  return useQuery(queryOptions({ queryKey: queryKeys.eidPersons, queryFn: getEidPersons }));
}
