import { keepPreviousData, useQuery } from '@tanstack/react-query';
import {
  fkCaseListResponseSchema,
  fkCaseResponseSchema,
  fkThreadResponseSchema,
  type FkCaseListRequest,
  type FkMessageRequest,
} from '../../../contracts/fk';
import { callEndpoint } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';
import { asOfficer } from './fk-session';

/** The certificates FK has received, in the order asked (the patient filter goes in the body). */
export function useFkCases(request: FkCaseListRequest) {
  return useQuery({
    queryKey: queryKeys.fkCases(request),
    queryFn: () =>
      callEndpoint('queryFkCases', {
        body: request,
        response: fkCaseListResponseSchema,
        ...asOfficer(),
      }),
    placeholderData: keepPreviousData,
  });
}

/** One received certificate, its questions FK may name, and its threads. */
export function useFkCase(certificateId: string) {
  return useQuery({
    queryKey: queryKeys.fkCase(certificateId),
    queryFn: () =>
      callEndpoint('getFkCase', {
        params: { id: certificateId },
        response: fkCaseResponseSchema,
        ...asOfficer(),
      }),
  });
}

/** FK sends the care unit a question, a complement request, a reminder or an answer. */
export function sendFkMessage(certificateId: string, message: FkMessageRequest) {
  return callEndpoint('sendFkMessage', {
    params: { id: certificateId },
    body: message,
    response: fkThreadResponseSchema,
    ...asOfficer(),
  });
}
