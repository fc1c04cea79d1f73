import { definePolicy } from '../../lib/authorize.ts';

/**
 * Officers of the region's departments read the notices published there and handle objections (only the department
 * of the publisher's kind — checked in the service); a system admin sets the minimum period. The public reads
 * notices and files objections without signing in.
 */
export const noticePolicy = definePolicy({
  list: ['system_admin', 'department_officer', 'department_reviewer'],
  read: ['system_admin', 'department_officer', 'department_reviewer'],
  handleObjection: ['system_admin', 'department_officer', 'department_reviewer'],
  readSettings: ['system_admin', 'department_officer', 'department_reviewer'],
  editSettings: ['system_admin'],
});
