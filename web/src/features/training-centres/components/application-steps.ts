/**
 * The stages an application goes through, for the Steps bar on the enterprise's and the reviewer's page.
 * A stage is what the application waits for: "submitted" waits for the document check, and so on.
 */
export const applicationStages = ['fill', 'documents', 'onsite', 'decision', 'selection', 'certified'] as const;
export type ApplicationStage = (typeof applicationStages)[number];

const stageOfState: Record<string, number> = {
  draft: 0,
  submitted: 1,
  documents_checked: 2,
  onsite_checked: 3,
  approved: 4,
  in_batch: 4,
  certified: 5,
};

/** The states that leave the main path: the stage they left it at is shown as failed. */
export const sideStates = ['returned', 'rejected', 'withdrawn'] as const;
export type SideState = (typeof sideStates)[number];
const isSide = (state: string): state is SideState => (sideStates as readonly string[]).includes(state);

export interface StepsPosition {
  /** Index into applicationStages. */
  current: number;
  /** antd Steps status of the current stage. */
  status: 'process' | 'finish' | 'error';
  /** Why the application left the path at `current` (returned, rejected or withdrawn). */
  side?: SideState;
}

/**
 * Where an application stands on its path. A returned, rejected or withdrawn application stands at the stage
 * it left from, found by walking its history back to the last main-path state it was in.
 */
export function stepsPosition(status: string, history: readonly { fromState: string; toState: string }[]): StepsPosition {
  if (status === 'certified') return { current: stageOfState.certified!, status: 'finish' };
  if (!isSide(status)) return { current: stageOfState[status] ?? 0, status: 'process' };
  for (let i = history.length - 1; i >= 0; i--) {
    const stage = stageOfState[history[i]!.fromState];
    if (stage !== undefined && history[i]!.fromState !== 'certified') return { current: stage, status: 'error', side: status };
  }
  return { current: 0, status: 'error', side: status };
}
