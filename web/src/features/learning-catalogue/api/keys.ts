/** Query keys of the catalogue: every change invalidates the whole catalogue (lists are small and related). */
export const catalogueKey = ['learning-catalogue'] as const;
