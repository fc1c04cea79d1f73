import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Paper, PaperInput } from '@fulcrum/shared';
import { api } from '../../../lib/api.ts';
import { papersKey } from './use-papers.ts';

export function useCreatePaper() {
  const client = useQueryClient();
  return useMutation({ mutationFn: (input: PaperInput) => api.post<Paper>('/learning/papers', input), onSuccess: () => void client.invalidateQueries({ queryKey: papersKey }) });
}
