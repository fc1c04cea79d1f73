import {
  occupationByCode,
  occupationFieldLabels,
  occupationFields,
  occupations,
  skillLevelLabels,
  apprenticeshipLevels,
  type ClaimKind,
  type ClassStatus,
  type DepartmentKind,
  type Locale,
  type Role,
  type SkillLevel,
} from '@fulcrum/shared';

/** An occupation's name in the reader's language (the code itself if the catalogue no longer has it). */
export function occupationName(code: string, locale: Locale): string {
  const occupation = occupationByCode.get(code);
  if (!occupation) return code;
  return locale === 'zh-CN' ? occupation.nameZh : occupation.nameEn;
}

export function levelName(level: number, locale: Locale): string {
  return skillLevelLabels[level as SkillLevel]?.[locale] ?? String(level);
}

/** Occupation options grouped by field, for a Select. */
export function occupationOptions(locale: Locale) {
  return occupationFields.map((field) => ({
    label: occupationFieldLabels[field][locale],
    title: occupationFieldLabels[field][locale],
    options: occupations.filter((o) => o.field === field).map((o) => ({ value: o.code, label: locale === 'zh-CN' ? o.nameZh : o.nameEn })),
  }));
}

/** Levels an apprenticeship may aim at: 中级工 and above only (人社部发〔2021〕39号). */
export const targetLevelOptions = (locale: Locale) => apprenticeshipLevels.map((level) => ({ value: level, label: levelName(level, locale) }));

/** Minutes as hours with one decimal ("160", "12.5"): policies state hours, sessions are kept in minutes. */
export function hoursOf(minutes: number): string {
  return String(Math.round((minutes / 60) * 10) / 10);
}

/**
 * How the apprenticeship pages treat the signed-in user, as the server's subsidy policy decides
 * (server/src/modules/subsidies/policy.ts): organisers prepare classes (an enterprise, a chamber, or the FIC for
 * grouped classes), instructors record sessions of their enterprise's classes, departments see the region's queue.
 */
export type ClassViewer = 'organiser' | 'instructor' | 'department';

export function viewerOf(role: Role): ClassViewer {
  if (role === 'instructor') return 'instructor';
  if (role === 'enterprise_admin' || role === 'training_manager' || role === 'chamber_admin') return 'organiser';
  return 'department';
}

/** Whether the user may register new classes: an enterprise's or chamber's organisers, and the FIC's officers (grouped classes). */
export function mayCreateClass(role: Role, departmentKind: DepartmentKind | null | undefined): boolean {
  if (role === 'enterprise_admin' || role === 'training_manager' || role === 'chamber_admin') return true;
  return role === 'department_officer' && departmentKind === 'fic';
}

/** Grouped classes of small firms are organised by the FIC or a chamber together with the HRSS (Tianjin 2021 notice). */
export function mayGroup(role: Role, departmentKind: DepartmentKind | null | undefined): boolean {
  return role === 'chamber_admin' || (role === 'department_officer' && departmentKind === 'fic');
}

/** Who may change the roster and record progress of a class of their own organisation (the server checks ownership too). */
export const rosterRoles: readonly Role[] = ['enterprise_admin', 'training_manager', 'chamber_admin', 'department_officer'];
export const progressRoles: readonly Role[] = [...rosterRoles, 'instructor'];

// --- stages of a class ---------------------------------------------------------------------------------------------

/** The main path of a class's registration (备案), for the Steps bar. */
export const classStages = ['draft', 'filed', 'registered', 'completed'] as const;
export type ClassStage = (typeof classStages)[number];
export const classSideStates = ['returned', 'rejected', 'withdrawn'] as const;
export type ClassSideState = (typeof classSideStates)[number];

export interface ClassStepsPosition {
  current: number;
  status: 'process' | 'finish' | 'error' | 'wait';
  side?: ClassSideState;
}

/**
 * Where a class stands on draft → filed → registered → completed. A returned class waits at "filed" for the
 * organiser; a rejected one stopped at "filed"; a withdrawn one at the stage it was withdrawn from (its history).
 */
export function classStepsPosition(status: ClassStatus, history: readonly { fromState: string; toState: string }[] = []): ClassStepsPosition {
  if (status === 'completed') return { current: 3, status: 'finish' };
  const main = classStages.indexOf(status as ClassStage);
  if (main >= 0) return { current: main, status: 'process' };
  if (status === 'returned' || status === 'rejected') return { current: 1, status: 'error', side: status };
  const last = [...history].reverse().find((e) => e.toState === 'withdrawn');
  const from = last ? classStages.indexOf(last.fromState as ClassStage) : -1;
  // A class withdrawn while returned stands at "filed", where it was sent back.
  const stage = from >= 0 ? from : last?.fromState === 'returned' ? 1 : 0;
  return { current: stage, status: 'error', side: 'withdrawn' };
}

// --- the server's refusals of an apprentice ------------------------------------------------------------------------

export const eligibilityReasons = ['UNKNOWN_PERSON', 'NAME_MISMATCH', 'NOT_EMPLOYED', 'CONTRACT_TOO_SHORT'] as const;
export type EligibilityReason = (typeof eligibilityReasons)[number];

/** The form field a refusal belongs on: a name that does not match goes on the name, the employer's on the employer. */
const reasonField: Record<EligibilityReason, 'name' | 'residentId' | 'employerOrganisationId'> = {
  UNKNOWN_PERSON: 'residentId',
  NAME_MISMATCH: 'name',
  NOT_EMPLOYED: 'residentId',
  CONTRACT_TOO_SHORT: 'residentId',
};

export interface ApprenticeRefusal {
  /** The add-apprentice form field the message goes on. */
  field: 'name' | 'residentId' | 'employerOrganisationId';
  /** A key under `apprenticeships.eligibility`. */
  key: string;
  values: Record<string, string>;
}

/**
 * Turns the server's refusal to add an apprentice (422 APPRENTICE_NOT_ELIGIBLE with details.reason, 409
 * ALREADY_IN_OPEN_CLASS with the other class, 409 CONFLICT for someone already on this roster) into a message on a
 * field of the form; null for any other error (shown as a plain message).
 */
export function apprenticeRefusalOf(code: string, details: Record<string, unknown> | undefined, grouped: boolean): ApprenticeRefusal | null {
  if (code === 'APPRENTICE_NOT_ELIGIBLE') {
    const reason = String(details?.reason ?? '');
    if ((eligibilityReasons as readonly string[]).includes(reason)) {
      const r = reason as EligibilityReason;
      const field = r === 'NOT_EMPLOYED' && grouped ? 'employerOrganisationId' : reasonField[r];
      return { field, key: r, values: {} };
    }
    return { field: 'residentId', key: 'NOT_ELIGIBLE', values: {} };
  }
  if (code === 'ALREADY_IN_OPEN_CLASS') {
    const className = typeof details?.className === 'string' ? details.className : '';
    return { field: 'residentId', key: className ? 'ALREADY_IN_OPEN_CLASS' : 'ALREADY_IN_OPEN_CLASS_UNNAMED', values: { className } };
  }
  if (code === 'CONFLICT') return { field: 'residentId', key: 'ALREADY_ON_ROSTER', values: {} };
  return null;
}

/**
 * The plain reason a step was refused when the server's 409 CONFLICT names it: filing an empty roster
 * (details.roster = 0) or completing while apprentices are still in training (details.active = n).
 */
export function transitionRefusal(code: string, details: Record<string, unknown> | undefined): { key: 'needsRoster' | 'stillActive'; values: Record<string, number> } | null {
  if (code !== 'CONFLICT' || !details) return null;
  if (details.roster === 0) return { key: 'needsRoster', values: {} };
  if (typeof details.active === 'number' && details.active > 0) return { key: 'stillActive', values: { n: details.active } };
  return null;
}

/** The kind of claim a class may file now: an advance while it trains, the settlement once it has completed. */
export function claimableKind(status: ClassStatus): ClaimKind | null {
  if (status === 'registered') return 'advance';
  if (status === 'completed') return 'settlement';
  return null;
}
