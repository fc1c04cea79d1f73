import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ApplicationTransition, ApplicationTransitionRequest, OnsiteCheckRequest, TrainingCentreApplication } from '@fulcrum/shared';
import { api } from '../../../lib/api.ts';
import { applicationKey } from './use-application.ts';
import { applicationsKey, applicationsPath } from './use-applications.ts';

/** The transitions a person takes on an application page (the batch ones are taken through the batch). */
export type ApplicationAction = Extract<ApplicationTransition, 'submit' | 'withdraw' | 'check_documents' | 'record_onsite_check' | 'approve' | 'return' | 'reject'>;
export const applicationActions: readonly ApplicationAction[] = ['submit', 'check_documents', 'record_onsite_check', 'approve', 'return', 'reject', 'withdraw'];

const actionPaths: Record<ApplicationAction, string> = {
  submit: 'submit',
  withdraw: 'withdraw',
  check_documents: 'check-documents',
  record_onsite_check: 'onsite-check',
  approve: 'approve',
  return: 'return',
  reject: 'reject',
};

export type TransitionInput = { id: string } & (
  | { action: Exclude<ApplicationAction, 'record_onsite_check'>; body: ApplicationTransitionRequest }
  | { action: 'record_onsite_check'; body: OnsiteCheckRequest }
);

/** Takes one workflow step on an application (POST …/:id/<step>); the answer is the application in its new state. */
export function useApplicationTransition() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, action, body }: TransitionInput) => api.post<TrainingCentreApplication>(`${applicationsPath}/${id}/${actionPaths[action]}`, body),
    onSuccess: (application) => {
      client.setQueryData(applicationKey(application.id), application);
      void client.invalidateQueries({ queryKey: applicationsKey });
    },
    // A refused step (a stale state) also means the page shows an old state: reload it.
    onError: () => void client.invalidateQueries({ queryKey: applicationsKey }),
  });
}
