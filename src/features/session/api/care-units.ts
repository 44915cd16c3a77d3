import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { QueryClient } from '@tanstack/react-query';
import { queryKeys } from '../../../lib/query-keys';
import { callEndpoint } from '../../../lib/api-client';
import { setSessionUnit } from '../../../lib/session-store';
import {
  careUnitChoicesResponseSchema,
  type ChooseCareUnitRequest,
} from '../../../contracts/care-units';
import { sessionSchema, type Session } from '../../../contracts/session';
import { sessionQuery } from './get-session';

export function getCareUnitChoices() {
  return callEndpoint('listCareUnitChoices', { response: careUnitChoicesResponseSchema });
}

/** The user's care units, each with the user's work counts there; fresh whenever shown. */
export const careUnitChoicesQuery = () =>
  queryOptions({ queryKey: queryKeys.careUnitChoices, queryFn: getCareUnitChoices });

export function useCareUnitChoices() {
  return useQuery(careUnitChoicesQuery());
}

export function chooseCareUnit(body: ChooseCareUnitRequest) {
  return callEndpoint('chooseCareUnit', { body, response: sessionSchema });
}

/**
 * Everything read at the previous unit is dropped (shown queries are fetched again, as the
 * new unit's), and the session is the new one. Also what another tab's switch does here.
 */
export async function enterCareUnit(queryClient: QueryClient, session: Session | undefined) {
  if (session !== undefined) queryClient.setQueryData(sessionQuery().queryKey, session);
  const others = (key: readonly unknown[]) =>
    !(key.length === queryKeys.session.length && key[0] === queryKeys.session[0]) ||
    session === undefined;
  queryClient.removeQueries({ type: 'inactive', predicate: (query) => others(query.queryKey) });
  await queryClient.resetQueries({ predicate: (query) => others(query.queryKey) });
}

/** Chooses or switches the session's care unit; every tab of the browser follows. */
export function useChooseCareUnit() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: chooseCareUnit,
    onSuccess: async (session) => {
      setSessionUnit('care', session.unit.hsaId);
      await enterCareUnit(queryClient, session);
    },
  });
}
