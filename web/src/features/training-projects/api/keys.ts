/** Query keys of the training projects' requests, so a change refreshes what it affects. */
export const projectKeys = {
  all: ['training-projects'] as const,
  project: (id: string) => ['training-projects', 'project', id] as const,
  enrolments: (id: string) => ['training-projects', 'enrolments', id] as const,
  submissions: (id: string) => ['training-projects', 'submissions', id] as const,
  sessions: ['training-projects', 'sessions'] as const,
  roster: (id: string) => ['training-projects', 'roster', id] as const,
  mine: ['training-projects', 'mine'] as const,
  notifications: ['training-projects', 'notifications'] as const,
};
