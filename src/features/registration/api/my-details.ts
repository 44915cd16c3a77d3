import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { myDetailsSchema, type PracticeDetails } from '../../../contracts/registration';
import { callEndpoint } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';

/** "Mina uppgifter": read and change, one concept, one file. */
export function getMyDetails() {
  return callEndpoint('getMyDetails', { response: myDetailsSchema });
}

export function updateMyDetails(body: PracticeDetails) {
  return callEndpoint('updateMyDetails', { body, response: myDetailsSchema });
}

/**
 * The registered physician's details; 404 for everyone else, whose details the care provider
 * keeps (the backend decides), so the menu shows "Mina uppgifter" only when this succeeds.
 */
export function useMyDetails(enabled = true) {
  return useQuery(
    queryOptions({
      queryKey: queryKeys.myDetails,
      queryFn: getMyDetails,
      retry: false,
      staleTime: Infinity,
      enabled,
    }),
  );
}

/** Saves the details; the header's unit name comes from the session, so it is read again. */
export function useUpdateMyDetails() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateMyDetails,
    onSuccess: async (details) => {
      queryClient.setQueryData(queryKeys.myDetails, details);
      await queryClient.invalidateQueries({ queryKey: queryKeys.session });
    },
  });
}
