import { keepPreviousData, useQuery } from '@tanstack/react-query';
import {
  fkCaseListResponseSchema,
  fkCaseResponseSchema,
  fkThreadResponseSchema,
  type FkCaseListRequest,
  type FkMessageRequest,
} from '../../../contracts/fk';
import { apiPath, routes } from '../../../contracts/routes';
import { apiRequest } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';
import { asOfficer } from './fk-session';

/** The certificates FK has received, newest first (the patient filter goes in the body). */
export function useFkCases(request: FkCaseListRequest) {
  return useQuery({
    queryKey: queryKeys.fkCases(request),
    queryFn: () =>
      apiRequest(
        apiPath(routes.queryFkCases),
        fkCaseListResponseSchema,
        asOfficer({ method: 'POST', body: request }),
      ),
    placeholderData: keepPreviousData,
  });
}

/** One received certificate, its questions FK may name, and its threads. */
export function useFkCase(certificateId: string) {
  return useQuery({
    queryKey: queryKeys.fkCase(certificateId),
    queryFn: () =>
      apiRequest(
        apiPath(routes.getFkCase, { id: certificateId }),
        fkCaseResponseSchema,
        asOfficer(),
      ),
  });
}

/** FK sends the care unit a question, a complement request, a reminder or an answer. */
export function sendFkMessage(certificateId: string, message: FkMessageRequest) {
  return apiRequest(
    apiPath(routes.sendFkMessage, { id: certificateId }),
    fkThreadResponseSchema,
    asOfficer({ method: 'POST', body: message }),
  );
}
