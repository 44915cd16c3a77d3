import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { draftListResponseSchema, type DraftListRequest } from '../../../contracts/certificates';
import { apiRequest } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';
import { apiPath, routes } from '../../../contracts/routes';

/** The query travels in the body: a patient filter never ends up in a URL. */
export function queryDrafts(request: DraftListRequest) {
  return apiRequest(apiPath(routes.queryDrafts), draftListResponseSchema, {
    method: 'POST',
    body: request,
  });
}

export function useDrafts(request: DraftListRequest) {
  return useQuery({
    queryKey: queryKeys.draftList(request),
    queryFn: () => queryDrafts(request),
    placeholderData: keepPreviousData,
  });
}
