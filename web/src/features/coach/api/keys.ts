/** Query keys of the coach's requests, so a response refreshes what it affects. */
export const coachKeys = {
  all: ['coach'] as const,
  me: ['coach', 'me'] as const,
  mastery: ['coach', 'mastery'] as const,
  heatmap: (query: object) => ['coach', 'heatmap', query] as const,
  roleProfiles: ['coach', 'role-profiles'] as const,
};
