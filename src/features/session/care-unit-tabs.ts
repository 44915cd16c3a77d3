import { useEffect } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { apiErrorCodes } from '../../contracts/common';
import { HttpError } from '../../lib/api-client';
import { subscribeToSessionChanges, type LiveSession } from '../../lib/session-store';
import { enterCareUnit } from './api/care-units';

/** True for the refusal of a session whose care unit is still to be chosen. */
export function isUnitNotChosen(error: unknown): boolean {
  return (
    error instanceof HttpError && error.status === 403 && error.code === apiErrorCodes.unitNotChosen
  );
}

/**
 * Follows a care unit chosen or switched in another tab of the browser (the same session):
 * what was read at the previous unit is dropped and the session read again.
 */
export function useCareUnitFromOtherTabs(mySession: LiveSession | undefined): void {
  const queryClient = useQueryClient();
  useEffect(() => {
    if (mySession === undefined) return undefined;
    let unit = mySession.unit;
    return subscribeToSessionChanges((change) => {
      if (change.kind !== 'care' || change.session?.id !== mySession.id) return;
      if (change.session.unit === unit) return;
      unit = change.session.unit;
      void enterCareUnit(queryClient, undefined);
    });
  }, [mySession, queryClient]);
}
