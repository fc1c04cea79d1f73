import { roles } from '@fulcrum/shared';
import { definePolicy } from '../../lib/authorize.ts';

/** Anyone signed in uploads files for their organisation; a file is read by whoever reaches its owner (lib/authorize.ts reaches). */
export const attachmentPolicy = definePolicy({
  upload: roles,
  read: roles,
});
