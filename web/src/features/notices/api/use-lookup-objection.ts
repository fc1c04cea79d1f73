import { useMutation } from '@tanstack/react-query';
import type { ObjectionLookupRequest, ObjectionLookupResponse } from '@fulcrum/shared';
import { api } from '../../../lib/api.ts';

/** An objection's status and outcome, by reference code and phone number (no sign-in). */
export function useLookupObjection() {
  return useMutation({ mutationFn: (body: ObjectionLookupRequest) => api.post<ObjectionLookupResponse>('/public/objections/lookup', body) });
}
