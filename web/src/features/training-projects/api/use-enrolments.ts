import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { ProjectEnrolment } from '@fulcrum/shared';
import { api } from '../../../lib/api.ts';
import { projectKeys } from './keys.ts';

type Page = { items: ProjectEnrolment[]; page: number; pageSize: number; total: number };
export const enrolmentsPath = (projectId: string) => `/learning/projects/${projectId}/enrolments`;

/** A project's learners with their standing on every stage. */
export function useEnrolments(projectId: string, query: Record<string, string | number | undefined>) {
  return useQuery({ queryKey: [...projectKeys.enrolments(projectId), query], queryFn: () => api.get<Page>(enrolmentsPath(projectId), query), placeholderData: keepPreviousData });
}
