import { definePolicy, can } from '../../../lib/authorize.ts';
import type { Actor } from '../../../lib/context.ts';
import { notFound } from '../../../lib/errors.ts';

/*
 * Learning certificates: an enterprise's admins and training managers keep its rules and see its certificates; every
 * signed-in person sees their own; anyone verifies one by its code. The platform's certificate pages do not exist
 * for other roles: they get 404, as for another organisation's records.
 */
export const certificatePolicy = definePolicy({
  manage: ['enterprise_admin', 'training_manager'],
});

/** 404 for a role without the ability, so the pages' existence is not told to those who cannot use them. */
export function assertManager(actor: Actor): void {
  if (!can(actor, certificatePolicy, 'manage')) throw notFound('certificate rules and certificates');
}
