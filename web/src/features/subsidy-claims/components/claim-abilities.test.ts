import { describe, expect, it } from 'vitest';
import { isOfficer, mayPublish, mayResolveFindings } from './claim-abilities.ts';

describe('mayResolveFindings', () => {
  it('is the HRSS reviewer’s while the claim waits for the HRSS review', () => {
    expect(mayResolveFindings({ status: 'submitted', availableTransitions: ['return', 'hrss_approve', 'reject'] })).toBe(true);
  });
  it('is not the organiser’s, who may only withdraw a submitted claim', () => {
    expect(mayResolveFindings({ status: 'submitted', availableTransitions: ['submit', 'withdraw'] })).toBe(false);
  });
  it('ends once the claim has left the HRSS review', () => {
    expect(mayResolveFindings({ status: 'finance_review', availableTransitions: ['reject'] })).toBe(false);
    expect(mayResolveFindings({ status: 'returned', availableTransitions: ['resubmit'] })).toBe(false);
  });
});

describe('isOfficer and mayPublish', () => {
  it('tells department staff from organisers', () => {
    expect(isOfficer('department_reviewer')).toBe(true);
    expect(isOfficer('system_admin')).toBe(true);
    expect(isOfficer('enterprise_admin')).toBe(false);
    expect(isOfficer('chamber_admin')).toBe(false);
  });
  it('offers publication only where the server offers the step', () => {
    expect(mayPublish({ availableTransitions: ['publish_notice', 'reject'] })).toBe(true);
    expect(mayPublish({ availableTransitions: [] })).toBe(false);
  });
});
