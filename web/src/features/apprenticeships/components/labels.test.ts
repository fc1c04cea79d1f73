import { describe, expect, it } from 'vitest';
import {
  apprenticeRefusalOf,
  claimableKind,
  classStages,
  classStepsPosition,
  hoursOf,
  mayCreateClass,
  mayGroup,
  transitionRefusal,
  viewerOf,
} from './labels.ts';

const e = (fromState: string, toState: string) => ({ fromState, toState });

describe('classStepsPosition', () => {
  it('puts a class on the main path at its own stage', () => {
    expect(classStepsPosition('draft')).toEqual({ current: 0, status: 'process' });
    expect(classStages[classStepsPosition('filed').current]).toBe('filed');
    expect(classStages[classStepsPosition('registered').current]).toBe('registered');
  });
  it('finishes at completion', () => {
    expect(classStepsPosition('completed')).toEqual({ current: 3, status: 'finish' });
  });
  it('shows a returned or rejected class failed at the registration review', () => {
    expect(classStepsPosition('returned', [e('draft', 'filed'), e('filed', 'returned')])).toEqual({ current: 1, status: 'error', side: 'returned' });
    expect(classStepsPosition('rejected', [e('draft', 'filed'), e('filed', 'rejected')])).toEqual({ current: 1, status: 'error', side: 'rejected' });
  });
  it('shows a withdrawn class at the stage it was withdrawn from', () => {
    expect(classStepsPosition('withdrawn', [e('draft', 'withdrawn')])).toEqual({ current: 0, status: 'error', side: 'withdrawn' });
    expect(classStepsPosition('withdrawn', [e('draft', 'filed'), e('filed', 'withdrawn')])).toEqual({ current: 1, status: 'error', side: 'withdrawn' });
    expect(classStepsPosition('withdrawn', [e('draft', 'filed'), e('filed', 'returned'), e('returned', 'withdrawn')])).toEqual({ current: 1, status: 'error', side: 'withdrawn' });
  });
  it('falls back to the first stage for a withdrawn class without history', () => {
    expect(classStepsPosition('withdrawn', [])).toEqual({ current: 0, status: 'error', side: 'withdrawn' });
  });
});

describe('apprenticeRefusalOf', () => {
  it('puts a name mismatch on the name and the other reasons on the resident ID', () => {
    expect(apprenticeRefusalOf('APPRENTICE_NOT_ELIGIBLE', { reason: 'NAME_MISMATCH' }, false)).toEqual({ field: 'name', key: 'NAME_MISMATCH', values: {} });
    for (const reason of ['UNKNOWN_PERSON', 'NOT_EMPLOYED', 'CONTRACT_TOO_SHORT']) {
      expect(apprenticeRefusalOf('APPRENTICE_NOT_ELIGIBLE', { reason }, false)).toEqual({ field: 'residentId', key: reason, values: {} });
    }
  });
  it('blames the chosen employer when a grouped class apprentice is not employed there', () => {
    expect(apprenticeRefusalOf('APPRENTICE_NOT_ELIGIBLE', { reason: 'NOT_EMPLOYED' }, true)?.field).toBe('employerOrganisationId');
    expect(apprenticeRefusalOf('APPRENTICE_NOT_ELIGIBLE', { reason: 'CONTRACT_TOO_SHORT' }, true)?.field).toBe('residentId');
  });
  it('names the other open class', () => {
    expect(apprenticeRefusalOf('ALREADY_IN_OPEN_CLASS', { classId: 'x', className: '2025数控车工班' }, false)).toEqual({
      field: 'residentId',
      key: 'ALREADY_IN_OPEN_CLASS',
      values: { className: '2025数控车工班' },
    });
    expect(apprenticeRefusalOf('ALREADY_IN_OPEN_CLASS', undefined, false)?.key).toBe('ALREADY_IN_OPEN_CLASS_UNNAMED');
  });
  it('reads an unknown reason as not eligible, a conflict as already on this roster, and leaves other errors alone', () => {
    expect(apprenticeRefusalOf('APPRENTICE_NOT_ELIGIBLE', { reason: 'SOMETHING_NEW' }, false)?.key).toBe('NOT_ELIGIBLE');
    expect(apprenticeRefusalOf('CONFLICT', {}, false)?.key).toBe('ALREADY_ON_ROSTER');
    expect(apprenticeRefusalOf('FORBIDDEN', {}, false)).toBeNull();
  });
});

describe('transitionRefusal', () => {
  it('explains an empty roster and apprentices still in training', () => {
    expect(transitionRefusal('CONFLICT', { roster: 0 })).toEqual({ key: 'needsRoster', values: {} });
    expect(transitionRefusal('CONFLICT', { active: 3 })).toEqual({ key: 'stillActive', values: { n: 3 } });
  });
  it('leaves other refusals to the error code', () => {
    expect(transitionRefusal('INVALID_TRANSITION', { roster: 0 })).toBeNull();
    expect(transitionRefusal('CONFLICT', undefined)).toBeNull();
    expect(transitionRefusal('CONFLICT', { active: 0 })).toBeNull();
  });
});

describe('who does what', () => {
  it('lets enterprises, chambers and the FIC register classes, and only chambers and the FIC group them', () => {
    expect(mayCreateClass('enterprise_admin', null)).toBe(true);
    expect(mayCreateClass('chamber_admin', null)).toBe(true);
    expect(mayCreateClass('department_officer', 'fic')).toBe(true);
    expect(mayCreateClass('department_officer', 'hrss')).toBe(false);
    expect(mayCreateClass('instructor', null)).toBe(false);
    expect(mayGroup('enterprise_admin', null)).toBe(false);
    expect(mayGroup('chamber_admin', null)).toBe(true);
    expect(mayGroup('department_officer', 'fic')).toBe(true);
    expect(mayGroup('department_reviewer', 'fic')).toBe(false);
  });
  it('shows departments the queue, organisers their classes, instructors their enterprise’s', () => {
    expect(viewerOf('department_reviewer')).toBe('department');
    expect(viewerOf('system_admin')).toBe('department');
    expect(viewerOf('training_manager')).toBe('organiser');
    expect(viewerOf('instructor')).toBe('instructor');
  });
  it('offers an advance while training and the settlement once completed', () => {
    expect(claimableKind('registered')).toBe('advance');
    expect(claimableKind('completed')).toBe('settlement');
    expect(claimableKind('filed')).toBeNull();
  });
});

describe('hoursOf', () => {
  it('shows minutes as hours with at most one decimal', () => {
    expect(hoursOf(0)).toBe('0');
    expect(hoursOf(9600)).toBe('160');
    expect(hoursOf(750)).toBe('12.5');
    expect(hoursOf(100)).toBe('1.7');
  });
});
