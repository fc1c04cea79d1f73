import type { Role } from '@fulcrum/shared';
import type { Dictionary } from '../i18n/zh-CN.ts';

export type NavKey = keyof Dictionary['nav'];
export interface NavItem {
  key: NavKey;
  path: string;
}

/** Each role's workbench: employees and students get the phone layout, everyone else the console, each with their own menu. */
export const workbenches: Record<Role, { kind: 'console' | 'mobile'; menu: NavItem[] }> = {
  system_admin: {
    kind: 'console',
    menu: [
      { key: 'home', path: '/console' },
      { key: 'enterprises', path: '/console/enterprises' },
      { key: 'organisations', path: '/console/organisations' },
      { key: 'people', path: '/console/people' },
      { key: 'users', path: '/console/users' },
      { key: 'audit', path: '/console/audit' },
    ],
  },
  department_officer: {
    kind: 'console',
    menu: [
      { key: 'home', path: '/console' },
      { key: 'enterprises', path: '/console/enterprises' },
      { key: 'organisations', path: '/console/organisations' },
      { key: 'people', path: '/console/people' },
      { key: 'audit', path: '/console/audit' },
    ],
  },
  department_reviewer: {
    kind: 'console',
    menu: [
      { key: 'home', path: '/console' },
      { key: 'enterprises', path: '/console/enterprises' },
      { key: 'people', path: '/console/people' },
    ],
  },
  enterprise_admin: {
    kind: 'console',
    menu: [
      { key: 'home', path: '/console' },
      { key: 'myOrganisation', path: '/console/my-organisation' },
      { key: 'employees', path: '/console/employees' },
      { key: 'employeeImport', path: '/console/employees/import' },
      { key: 'users', path: '/console/users' },
      { key: 'audit', path: '/console/audit' },
    ],
  },
  training_manager: {
    kind: 'console',
    menu: [
      { key: 'home', path: '/console' },
      { key: 'employees', path: '/console/employees' },
      { key: 'employeeImport', path: '/console/employees/import' },
    ],
  },
  instructor: { kind: 'console', menu: [{ key: 'home', path: '/console' }, { key: 'myOrganisation', path: '/console/my-organisation' }] },
  chamber_admin: {
    kind: 'console',
    menu: [
      { key: 'home', path: '/console' },
      { key: 'myOrganisation', path: '/console/my-organisation' },
      { key: 'employees', path: '/console/employees' },
      { key: 'users', path: '/console/users' },
      { key: 'audit', path: '/console/audit' },
    ],
  },
  mediator: { kind: 'console', menu: [{ key: 'home', path: '/console' }, { key: 'myOrganisation', path: '/console/my-organisation' }] },
  university_admin: {
    kind: 'console',
    menu: [
      { key: 'home', path: '/console' },
      { key: 'myOrganisation', path: '/console/my-organisation' },
      { key: 'employees', path: '/console/employees' },
      { key: 'users', path: '/console/users' },
      { key: 'audit', path: '/console/audit' },
    ],
  },
  expert: { kind: 'console', menu: [{ key: 'home', path: '/console' }, { key: 'myOrganisation', path: '/console/my-organisation' }] },
  employee: { kind: 'mobile', menu: [{ key: 'home', path: '/m' }, { key: 'me', path: '/m/me' }] },
  student: { kind: 'mobile', menu: [{ key: 'home', path: '/m' }, { key: 'me', path: '/m/me' }] },
};

export const homeOf = (role: Role) => (workbenches[role].kind === 'mobile' ? '/m' : '/console');
