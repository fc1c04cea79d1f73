import { useQuery } from '@tanstack/react-query';
import type { LearnerNotificationList } from '@fulcrum/shared';
import { api } from '../../../lib/api.ts';
import { projectKeys } from './keys.ts';

/** My latest notifications and the unread count. */
export function useNotifications() {
  return useQuery({ queryKey: projectKeys.notifications, queryFn: () => api.get<LearnerNotificationList>('/learning/notifications') });
}
