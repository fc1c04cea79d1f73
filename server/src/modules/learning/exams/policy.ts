import { definePolicy } from '../../../lib/authorize.ts';

/*
 * Exams of an organisation: its admins and training managers keep the bank, papers and exams; its instructors read
 * them, grade short answers and read results; its employees take published exams. Another organisation's records
 * are 404s (every query is scoped to the actor's organisation).
 */
export const examPolicy = definePolicy({
  manage: ['enterprise_admin', 'training_manager'],
  read: ['enterprise_admin', 'training_manager', 'instructor'],
  grade: ['enterprise_admin', 'training_manager', 'instructor'],
  take: ['employee'],
});
