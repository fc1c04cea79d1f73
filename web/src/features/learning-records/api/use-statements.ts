import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { StoredStatementPage } from '@fulcrum/shared';
import { api } from '../../../lib/api.ts';
import type { ListQuery } from './use-lrs-clients.ts';

export const statementsPath = '/lrs/statements';

/** The organisation's stored statements with the browser's filters, newest first. */
export function useStatements(query: ListQuery) {
  return useQuery({ queryKey: ['lrs-statements', query], queryFn: () => api.get<StoredStatementPage>(statementsPath, query), placeholderData: keepPreviousData });
}
