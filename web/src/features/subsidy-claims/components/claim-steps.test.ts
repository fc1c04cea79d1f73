import { describe, expect, it } from 'vitest';
import { claimStages, claimStepsPosition, isStageDone } from './claim-steps.ts';

const e = (fromState: string, toState: string) => ({ fromState, toState });
const stageOf = (status: string, history: { fromState: string; toState: string }[] = []) => claimStages[claimStepsPosition(status, history).current];

describe('claimStepsPosition', () => {
  it('puts each main-path state at the stage it waits for', () => {
    expect(stageOf('submitted')).toBe('hrss');
    expect(stageOf('finance_review')).toBe('finance');
    expect(stageOf('approved')).toBe('notice');
    expect(stageOf('in_notice')).toBe('notice');
    expect(stageOf('disbursed')).toBe('close');
    expect(claimStepsPosition('in_notice', []).status).toBe('process');
  });
  it('finishes when closed', () => {
    expect(claimStepsPosition('closed', [])).toEqual({ current: claimStages.indexOf('close'), status: 'finish' });
  });
  it('shows a returned claim failed at the HRSS review', () => {
    expect(claimStepsPosition('returned', [e('submitted', 'submitted'), e('submitted', 'returned')])).toEqual({ current: 1, status: 'error', side: 'returned' });
  });
  it('shows a claim rejected during the notice failed at the notice', () => {
    const history = [e('submitted', 'finance_review'), e('finance_review', 'approved'), e('approved', 'in_notice'), e('in_notice', 'rejected')];
    expect(claimStepsPosition('rejected', history)).toEqual({ current: claimStages.indexOf('notice'), status: 'error', side: 'rejected' });
  });
  it('walks back over side states to the last main-path state', () => {
    const history = [e('submitted', 'submitted'), e('submitted', 'returned'), e('returned', 'withdrawn')];
    expect(claimStepsPosition('withdrawn', history)).toEqual({ current: claimStages.indexOf('hrss'), status: 'error', side: 'withdrawn' });
  });
  it('finance rejection fails at the finance review', () => {
    expect(stageOf('rejected', [e('submitted', 'finance_review'), e('finance_review', 'rejected')])).toBe('finance');
  });
});

describe('isStageDone', () => {
  it('ticks the stages behind the claim only', () => {
    const inFinance = claimStepsPosition('finance_review', []);
    expect(claimStages.filter((s) => isStageDone(s, inFinance))).toEqual(['submit', 'hrss']);
    const disbursed = claimStepsPosition('disbursed', []);
    expect(claimStages.filter((s) => isStageDone(s, disbursed))).toEqual(['submit', 'hrss', 'finance', 'notice', 'disburse']);
  });
  it('ticks every stage once closed', () => {
    expect(claimStages.every((s) => isStageDone(s, claimStepsPosition('closed', [])))).toBe(true);
  });
  it('does not tick the stage a returned claim failed at', () => {
    const returned = claimStepsPosition('returned', [e('submitted', 'returned')]);
    expect(isStageDone('hrss', returned)).toBe(false);
    expect(isStageDone('submit', returned)).toBe(true);
  });
});
