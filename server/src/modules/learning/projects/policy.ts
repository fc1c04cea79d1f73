import { definePolicy } from '../../../lib/authorize.ts';

/*
 * Training projects. An enterprise's admins and training managers manage its projects (stages, sessions, enrolment,
 * grading, exports, reminders); instructors run the sessions they teach and grade the practical tasks of projects they
 * teach in; managers may stand in for an instructor. Learning (my projects, registration, check-in, submissions) is
 * scoped to the signed-in person's own enrolments, whatever their role.
 */
export const projectPolicy = definePolicy({
  manage: ['enterprise_admin', 'training_manager'],
  teach: ['enterprise_admin', 'training_manager', 'instructor'],
});

/** Roles that manage every project of their organisation (the others reach only the sessions they teach). */
export const isManager = (role: string) => role === 'enterprise_admin' || role === 'training_manager';
