import type { Role } from '@fulcrum/shared';
import type { Dictionary } from '../i18n/zh-CN.ts';

export type NavKey = keyof Dictionary['nav'];
export interface NavItem {
  key: NavKey;
  path: string;
}

// The menu items, each written once; every role's menu below still lists its own items, in its own order.
const home: NavItem = { key: 'home', path: '/console' };
const enterprises: NavItem = { key: 'enterprises', path: '/console/enterprises' };
const organisations: NavItem = { key: 'organisations', path: '/console/organisations' };
const people: NavItem = { key: 'people', path: '/console/people' };
const users: NavItem = { key: 'users', path: '/console/users' };
const audit: NavItem = { key: 'audit', path: '/console/audit' };
const myOrganisation: NavItem = { key: 'myOrganisation', path: '/console/my-organisation' };
const employees: NavItem = { key: 'employees', path: '/console/employees' };
const employeeImport: NavItem = { key: 'employeeImport', path: '/console/employees/import' };
const myTrainingCentre: NavItem = { key: 'myTrainingCentre', path: '/console/my-training-centre' };
const trainingNeeds: NavItem = { key: 'trainingNeeds', path: '/console/training-needs' };
const annualReviews: NavItem = { key: 'annualReviews', path: '/console/annual-reviews' };
const matching: NavItem = { key: 'matching', path: '/console/matching' };
const trainingCentreApplication: NavItem = { key: 'trainingCentreApplication', path: '/console/training-centre/application' };
const trainingCentreApplications: NavItem = { key: 'trainingCentreApplications', path: '/console/training-centre-applications' };
const selectionBatches: NavItem = { key: 'selectionBatches', path: '/console/selection-batches' };
const trainingCentres: NavItem = { key: 'trainingCentres', path: '/console/training-centres' };
const notices: NavItem = { key: 'notices', path: '/console/notices' };
const calendar: NavItem = { key: 'calendar', path: '/console/calendar' };
const apprenticeshipClasses: NavItem = { key: 'apprenticeshipClasses', path: '/console/apprenticeship-classes' };
const subsidyClaims: NavItem = { key: 'subsidyClaims', path: '/console/subsidy-claims' };
const subsidyPolicies: NavItem = { key: 'subsidyPolicies', path: '/console/subsidy-policies' };
const subsidyLedger: NavItem = { key: 'subsidyLedger', path: '/console/subsidy-ledger' };
const subsidyStatistics: NavItem = { key: 'subsidyStatistics', path: '/console/subsidy-statistics' };
const learningRecords: NavItem = { key: 'learningRecords', path: '/console/learning-records' };
const learningCatalogue: NavItem = { key: 'learningCatalogue', path: '/console/learning/catalogue' };
const trainingProjects: NavItem = { key: 'trainingProjects', path: '/console/learning/projects' };
const teachingSessions: NavItem = { key: 'teachingSessions', path: '/console/learning/sessions' };
const exams: NavItem = { key: 'exams', path: '/console/learning/exams' };
const studyTimeReview: NavItem = { key: 'studyTimeReview', path: '/console/learning/study-time' };
const learningCertificates: NavItem = { key: 'learningCertificates', path: '/console/learning/certificates' };
const learningReports: NavItem = { key: 'learningReports', path: '/console/learning/reports' };
const teamHeatmap: NavItem = { key: 'teamHeatmap', path: '/console/learning/heatmap' };
const courses: NavItem = { key: 'courses', path: '/m/courses' };
const myProjects: NavItem = { key: 'myProjects', path: '/m/projects' };
const myExams: NavItem = { key: 'myExams', path: '/m/exams' };
const mobileHome: NavItem = { key: 'home', path: '/m' };
const me: NavItem = { key: 'me', path: '/m/me' };

/** Each role's workbench: employees and students get the phone layout, everyone else the console, each with their own menu. */
export const workbenches: Record<Role, { kind: 'console' | 'mobile'; menu: NavItem[] }> = {
  system_admin: { kind: 'console', menu: [home, enterprises, organisations, people, users, audit, trainingCentreApplications, selectionBatches, trainingCentres, annualReviews, matching, apprenticeshipClasses, subsidyClaims, subsidyPolicies, subsidyLedger, subsidyStatistics, notices, calendar, learningCatalogue, learningReports] },
  department_officer: { kind: 'console', menu: [home, enterprises, organisations, people, audit, trainingCentreApplications, selectionBatches, trainingCentres, annualReviews, matching, apprenticeshipClasses, subsidyClaims, subsidyPolicies, subsidyLedger, subsidyStatistics, notices, calendar, learningCatalogue, learningReports] },
  department_reviewer: { kind: 'console', menu: [home, enterprises, people, trainingCentreApplications, selectionBatches, trainingCentres, annualReviews, matching, apprenticeshipClasses, subsidyClaims, subsidyPolicies, subsidyLedger, subsidyStatistics, notices, learningReports] },
  enterprise_admin: { kind: 'console', menu: [home, myOrganisation, employees, employeeImport, users, audit, trainingCentreApplication, myTrainingCentre, trainingNeeds, apprenticeshipClasses, subsidyClaims, subsidyLedger, learningRecords, learningCatalogue, trainingProjects, exams, studyTimeReview, learningCertificates, learningReports, teamHeatmap] },
  training_manager: { kind: 'console', menu: [home, employees, employeeImport, trainingCentreApplication, myTrainingCentre, trainingNeeds, apprenticeshipClasses, subsidyClaims, subsidyLedger, learningRecords, learningCatalogue, trainingProjects, exams, studyTimeReview, learningCertificates, learningReports, teamHeatmap] },
  instructor: { kind: 'console', menu: [home, myOrganisation, myTrainingCentre, apprenticeshipClasses, teachingSessions, exams] },
  chamber_admin: { kind: 'console', menu: [home, myOrganisation, employees, users, audit, apprenticeshipClasses, subsidyClaims, subsidyLedger] },
  mediator: { kind: 'console', menu: [home, myOrganisation] },
  university_admin: { kind: 'console', menu: [home, myOrganisation, employees, users, audit] },
  expert: { kind: 'console', menu: [home, myOrganisation] },
  employee: { kind: 'mobile', menu: [mobileHome, courses, myProjects, myExams, me] },
  student: { kind: 'mobile', menu: [mobileHome, me] },
};

export const homeOf = (role: Role) => (workbenches[role].kind === 'mobile' ? '/m' : '/console');
