import { definePolicy } from '../../lib/authorize.ts';

/*
 * The AI coach. An enterprise's staff are its learners: each sees their own coach (gaps, pushes, recommendations,
 * mastery) and answers their own pushes — another person's push is a 404 whatever the role. The enterprise's admins
 * and training managers see the team gap heat map of their organisation only.
 */
export const coachPolicy = definePolicy({
  learn: ['enterprise_admin', 'training_manager', 'instructor', 'employee'],
  viewTeam: ['enterprise_admin', 'training_manager'],
});
