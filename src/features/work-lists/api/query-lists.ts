import { keepPreviousData, useQuery } from '@tanstack/react-query';
import {
  draftListResponseSchema,
  signedListResponseSchema,
  type DraftListRequest,
  type SignedListRequest,
} from '../../../contracts/certificates';
import { inboxResponseSchema, type InboxRequest } from '../../../contracts/threads';
import { callEndpoint } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';

// The lists' queries travel in the body: a patient filter never ends up in a URL. The
// previous page stays on screen while the next one loads.

export function useDrafts(request: DraftListRequest) {
  return useQuery({
    queryKey: queryKeys.draftList(request),
    queryFn: () =>
      callEndpoint('queryDrafts', { body: request, response: draftListResponseSchema }),
    placeholderData: keepPreviousData,
  });
}

export function useSigned(request: SignedListRequest) {
  return useQuery({
    queryKey: queryKeys.signedList(request),
    queryFn: () =>
      callEndpoint('querySigned', { body: request, response: signedListResponseSchema }),
    placeholderData: keepPreviousData,
  });
}

export function useInbox(request: InboxRequest) {
  return useQuery({
    queryKey: queryKeys.inboxQuery(request),
    queryFn: () => callEndpoint('queryInbox', { body: request, response: inboxResponseSchema }),
    placeholderData: keepPreviousData,
  });
}
