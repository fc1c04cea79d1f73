import type { TFunction } from 'i18next';
import { i18n } from '../../../i18n/index.ts';

/** Entity types and actions the trail is known to hold, for the filters; others still show, by their raw name. */
export const knownEntityTypes = ['organisation', 'person', 'employment', 'user', 'membership'] as const;
export const knownActions = [
  'create',
  'update',
  'end',
  'reveal_resident_id',
  'login',
  'lock',
  'unlock',
  'grant',
  'revoke',
  'import_employees',
  'change_password',
  'bootstrap',
  'demo_load',
] as const;

/** The reader's name for an entity type, or the raw one for types this page does not know yet. */
export const entityTypeLabel = (t: TFunction, type: string) => (i18n.exists(`audit.entityTypes.${type}`) ? t(`audit.entityTypes.${type}`) : type);
export const actionLabel = (t: TFunction, action: string) => (i18n.exists(`audit.actions.${action}`) ? t(`audit.actions.${action}`) : action);
