import { z } from 'zod';

/** One step of a record's history, as the workflow engine recorded it. */
export const workflowEvent = z.object({
  id: z.number().int(),
  transition: z.string().describe('the transition taken; "create" for the record\'s creation'),
  fromState: z.string(),
  toState: z.string(),
  actorName: z.string().nullable(),
  actorRole: z.string().nullable(),
  comment: z.string().nullable(),
  attachmentIds: z.array(z.uuid()),
  data: z.unknown().nullable(),
  dueOn: z.string().nullable().describe('deadline (working days) of the state entered'),
  at: z.iso.datetime({ offset: true }),
});
export type WorkflowEvent = z.infer<typeof workflowEvent>;

/** The body of a plain transition: a comment and supporting attachments. */
export const transitionRequest = z.strictObject({
  comment: z.string().trim().max(2000).nullable().optional(),
  attachmentIds: z.array(z.uuid()).max(20).optional(),
});
export type TransitionRequest = z.infer<typeof transitionRequest>;
