import { describe, expect, it } from 'vitest';
import { applicationStages, stepsPosition } from './application-steps.ts';

const e = (fromState: string, toState: string) => ({ fromState, toState });

describe('stepsPosition', () => {
  it('puts a state on the main path at the stage it waits for', () => {
    expect(stepsPosition('draft', [])).toEqual({ current: 0, status: 'process' });
    expect(applicationStages[stepsPosition('submitted', [e('draft', 'submitted')]).current]).toBe('documents');
    expect(applicationStages[stepsPosition('documents_checked', []).current]).toBe('onsite');
    expect(applicationStages[stepsPosition('in_batch', []).current]).toBe('selection');
  });
  it('finishes at certification', () => {
    expect(stepsPosition('certified', [])).toEqual({ current: 5, status: 'finish' });
  });
  it('shows a returned application failed at the stage that returned it', () => {
    const history = [e('draft', 'draft'), e('draft', 'submitted'), e('submitted', 'documents_checked'), e('documents_checked', 'returned')];
    expect(stepsPosition('returned', history)).toEqual({ current: applicationStages.indexOf('onsite'), status: 'error', side: 'returned' });
  });
  it('walks back over side states to the last main-path state', () => {
    const history = [e('draft', 'submitted'), e('submitted', 'returned'), e('returned', 'withdrawn')];
    expect(stepsPosition('withdrawn', history)).toEqual({ current: applicationStages.indexOf('documents'), status: 'error', side: 'withdrawn' });
  });
  it('rejects after approval at the selection stage', () => {
    const history = [e('onsite_checked', 'approved'), e('approved', 'rejected')];
    expect(stepsPosition('rejected', history)).toEqual({ current: applicationStages.indexOf('selection'), status: 'error', side: 'rejected' });
  });
});
