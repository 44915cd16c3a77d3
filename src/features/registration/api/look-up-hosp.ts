import { useMutation } from '@tanstack/react-query';
import { hospLookupResponseSchema, type HospLookupRequest } from '../../../contracts/registration';
import { callEndpoint } from '../../../lib/api-client';

/** Asks HOSP (simulated) about the identified person; refusals come as Swedish errors. */
export function lookUpHosp(body: HospLookupRequest) {
  return callEndpoint('lookUpHosp', { body, response: hospLookupResponseSchema });
}

export function useLookUpHosp() {
  return useMutation({ mutationFn: lookUpHosp });
}
