import { roles } from '@fulcrum/shared';
import { definePolicy } from '../../lib/authorize.ts';

/** Every signed-in user reads the calendar (deadlines are shown everywhere); only a system admin corrects it. */
export const calendarPolicy = definePolicy({
  read: roles,
  editOverrides: ['system_admin'],
});
