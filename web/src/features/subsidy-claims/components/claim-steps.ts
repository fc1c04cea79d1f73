import type { ClaimStatus } from '@fulcrum/shared';

/**
 * The stages of a claim for the Steps bar: 提交 → 人社审核 → 财政审核 → 公示 → 拨付 → 办结.
 * A stage is what the claim waits for: a submitted claim waits for the HRSS review, a disbursed one for closing.
 */
export const claimStages = ['submit', 'hrss', 'finance', 'notice', 'disburse', 'close'] as const;
export type ClaimStage = (typeof claimStages)[number];

const stageOfState: Partial<Record<ClaimStatus, number>> = {
  submitted: 1,
  finance_review: 2,
  approved: 3,
  in_notice: 3,
  disbursed: 5,
  closed: 5,
};

/** The states that leave the main path: shown as failed at the stage they left it. */
export const sideStates = ['returned', 'rejected', 'withdrawn'] as const satisfies readonly ClaimStatus[];
export type SideState = (typeof sideStates)[number];
const isSide = (state: string): state is SideState => (sideStates as readonly string[]).includes(state);

export interface StepsPosition {
  /** Index into claimStages. */
  current: number;
  /** antd Steps status of the current stage. */
  status: 'process' | 'finish' | 'error';
  /** Why the claim left the path at `current`. */
  side?: SideState;
}

/**
 * Where a claim stands on its path. A returned, rejected or withdrawn claim stands at the stage it left from, found by
 * walking its history back to the last main-path state it was in (a claim rejected in notice failed at the notice).
 */
export function claimStepsPosition(status: string, history: readonly { fromState: string; toState: string }[]): StepsPosition {
  if (status === 'closed') return { current: stageOfState.closed!, status: 'finish' };
  if (!isSide(status)) return { current: stageOfState[status as ClaimStatus] ?? 0, status: 'process' };
  for (let i = history.length - 1; i >= 0; i--) {
    const from = history[i]!.fromState;
    const stage = stageOfState[from as ClaimStatus];
    if (stage !== undefined && from !== 'closed') return { current: stage, status: 'error', side: status };
  }
  // Without history the claim can only have left from the HRSS review, where every claim starts.
  return { current: stageOfState.submitted!, status: 'error', side: status };
}

/** Whether a stage is behind the claim (ticked on the bar): every stage before the current one, and the last once closed. */
export function isStageDone(stage: ClaimStage, position: StepsPosition): boolean {
  const index = claimStages.indexOf(stage);
  return index < position.current || (position.status === 'finish' && index === position.current);
}
