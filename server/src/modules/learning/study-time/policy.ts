import { definePolicy } from '../../../lib/authorize.ts';

/*
 * Study time. Anyone whose account is a person studies (the player works on their own sessions only); an enterprise's
 * admins and training managers review the flags of their organisation's learners and read a learner's daily time.
 */
export const studyTimePolicy = definePolicy({
  study: ['employee', 'instructor', 'training_manager', 'enterprise_admin'],
  reviewFlags: ['enterprise_admin', 'training_manager'],
  readLearnerTime: ['enterprise_admin', 'training_manager'],
});
