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

function isKey(key: readonly unknown[], wanted: readonly unknown[]): boolean {
  return key.length === wanted.length && wanted.every((part, index) => key[index] === part);
}

/**
 * Everything read at the previous unit is dropped (shown queries are fetched again, as the
 * new unit's), and the session is the new one. Also what another tab's switch does here.
 * With the new session known, the choice of units stays on screen and is read again behind
 * it (each unit's counts are the same whichever is current): the dialog that switched is
 * still there to close, not drawn anew while its list loads.
 */
export async function enterCareUnit(queryClient: QueryClient, session: Session | undefined) {
  if (session !== undefined) queryClient.setQueryData(sessionQuery().queryKey, session);
  const kept = (key: readonly unknown[]) =>
    session !== undefined &&
    (isKey(key, queryKeys.session) || isKey(key, queryKeys.careUnitChoices));
  queryClient.removeQueries({ type: 'inactive', predicate: (query) => !kept(query.queryKey) });
  await Promise.all([
    queryClient.resetQueries({ predicate: (query) => !kept(query.queryKey) }),
    session === undefined
      ? undefined
      : queryClient.invalidateQueries({ queryKey: queryKeys.careUnitChoices, exact: true }),
  ]);
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
