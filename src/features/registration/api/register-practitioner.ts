import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  registrationResponseSchema,
  type RegistrationRequest,
} from '../../../contracts/registration';
import { callEndpoint } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';

export function registerPractitioner(body: RegistrationRequest) {
  return callEndpoint('registerPractitioner', { body, response: registrationResponseSchema });
}

/** Registers; the log-in page's list then holds the new physician. */
export function useRegisterPractitioner() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: registerPractitioner,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.loginOptions }),
  });
}
