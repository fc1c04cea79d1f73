import type { DepartmentKind, Locale, OrganisationType, Role } from '../auth/roles.ts';
import type { enterpriseSizes } from '../organisations/contracts.ts';

type Label = Record<Locale, string>;

/** Display names of the enumerations, for pages and exports alike. */
export const organisationTypeLabels: Record<OrganisationType, Label> = {
  government_department: { 'zh-CN': '政府部门', 'en-US': 'Government department' },
  enterprise: { 'zh-CN': '企业', 'en-US': 'Enterprise' },
  chamber: { 'zh-CN': '商会', 'en-US': 'Chamber of commerce' },
  university: { 'zh-CN': '院校', 'en-US': 'University' },
  training_institution: { 'zh-CN': '培训机构', 'en-US': 'Training institution' },
  expert_group: { 'zh-CN': '专家组', 'en-US': 'Expert group' },
};

export const departmentKindLabels: Record<DepartmentKind, Label> = {
  hrss: { 'zh-CN': '人社局', 'en-US': 'HRSS bureau' },
  fic: { 'zh-CN': '工商联', 'en-US': 'Federation of Industry & Commerce' },
  samr: { 'zh-CN': '市场监管局', 'en-US': 'Market regulation' },
  sasac: { 'zh-CN': '国资委', 'en-US': 'State assets commission' },
  emb: { 'zh-CN': '应急管理局', 'en-US': 'Emergency management bureau' },
  party_school: { 'zh-CN': '区委党校', 'en-US': 'Party school' },
  platform: { 'zh-CN': '平台运维', 'en-US': 'Platform operations' },
  finance: { 'zh-CN': '财政局', 'en-US': 'Finance bureau' },
};

export const roleLabels: Record<Role, Label> = {
  system_admin: { 'zh-CN': '系统管理员', 'en-US': 'System administrator' },
  department_officer: { 'zh-CN': '部门经办人', 'en-US': 'Department officer' },
  department_reviewer: { 'zh-CN': '部门审核人', 'en-US': 'Department reviewer' },
  enterprise_admin: { 'zh-CN': '企业管理员', 'en-US': 'Enterprise administrator' },
  training_manager: { 'zh-CN': '培训经理', 'en-US': 'Training manager' },
  instructor: { 'zh-CN': '讲师', 'en-US': 'Instructor' },
  employee: { 'zh-CN': '员工', 'en-US': 'Employee' },
  chamber_admin: { 'zh-CN': '商会管理员', 'en-US': 'Chamber administrator' },
  mediator: { 'zh-CN': '调解员', 'en-US': 'Mediator' },
  university_admin: { 'zh-CN': '院校管理员', 'en-US': 'University administrator' },
  student: { 'zh-CN': '学生', 'en-US': 'Student' },
  expert: { 'zh-CN': '专家', 'en-US': 'Expert' },
};

export const enterpriseSizeLabels: Record<(typeof enterpriseSizes)[number], Label> = {
  micro: { 'zh-CN': '微型', 'en-US': 'Micro' },
  small: { 'zh-CN': '小型', 'en-US': 'Small' },
  medium: { 'zh-CN': '中型', 'en-US': 'Medium' },
  large: { 'zh-CN': '大型', 'en-US': 'Large' },
};
