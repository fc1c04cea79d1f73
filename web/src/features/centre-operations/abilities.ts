import type { Role } from '@fulcrum/shared';

/**
 * Which roles of a centre's own enterprise may do what, as the server's centre-operations policy decides
 * (server/src/modules/centre-operations/policy.ts); the page only hides what the server would refuse anyway.
 * Match answers and annual-review decisions come with the record's `availableTransitions` instead.
 */
export const centreAbilities = {
  recordAssessment: ['enterprise_admin', 'training_manager', 'instructor'] as Role[],
  recordTraining: ['enterprise_admin', 'training_manager', 'instructor'] as Role[],
  fileAnnualReview: ['enterprise_admin', 'training_manager'] as Role[],
  /** The incoming match requests tab (the matches list answers an instructor with nothing to do). */
  seeMatchRequests: ['enterprise_admin', 'training_manager'] as Role[],
};

export const can = (role: Role, ability: keyof typeof centreAbilities) => centreAbilities[ability].includes(role);
