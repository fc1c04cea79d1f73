import { z } from 'zod';

/*
 * The occupations training centres are certified for, grouped by field (for the "count by field" statistics),
 * and the five skill levels of the national vocational skill standard: 5 初级 … 1 高级技师.
 * Names follow the 中华人民共和国职业分类大典 (2022); the list covers Baodi's manufacturing and new-energy
 * industries and grows as districts need it.
 */

export const occupationFields = ['manufacturing', 'new_energy', 'electronic_information', 'modern_services'] as const;
export type OccupationField = (typeof occupationFields)[number];

export const occupationFieldLabels: Record<OccupationField, { 'zh-CN': string; 'en-US': string }> = {
  manufacturing: { 'zh-CN': '先进制造', 'en-US': 'Advanced manufacturing' },
  new_energy: { 'zh-CN': '新能源', 'en-US': 'New energy' },
  electronic_information: { 'zh-CN': '电子信息', 'en-US': 'Electronic information' },
  modern_services: { 'zh-CN': '现代服务', 'en-US': 'Modern services' },
};

export interface Occupation {
  code: string;
  nameZh: string;
  nameEn: string;
  field: OccupationField;
}

export const occupations = [
  { code: 'lathe_operator', nameZh: '车工', nameEn: 'Lathe operator', field: 'manufacturing' },
  { code: 'milling_operator', nameZh: '铣工', nameEn: 'Milling operator', field: 'manufacturing' },
  { code: 'fitter', nameZh: '钳工', nameEn: 'Fitter', field: 'manufacturing' },
  { code: 'welder', nameZh: '焊工', nameEn: 'Welder', field: 'manufacturing' },
  { code: 'cnc_operator', nameZh: '数控车工', nameEn: 'CNC lathe operator', field: 'manufacturing' },
  { code: 'cnc_programmer', nameZh: '数控程序员', nameEn: 'CNC programmer', field: 'manufacturing' },
  { code: 'electrician', nameZh: '电工', nameEn: 'Electrician', field: 'manufacturing' },
  { code: 'industrial_robot_operator', nameZh: '工业机器人系统操作员', nameEn: 'Industrial robot system operator', field: 'manufacturing' },
  { code: 'industrial_robot_maintainer', nameZh: '工业机器人系统运维员', nameEn: 'Industrial robot system maintainer', field: 'manufacturing' },
  { code: 'mould_maker', nameZh: '模具工', nameEn: 'Mould maker', field: 'manufacturing' },
  { code: 'quality_inspector', nameZh: '机械产品检验工', nameEn: 'Mechanical product inspector', field: 'manufacturing' },
  { code: 'hydraulic_fitter', nameZh: '液压液力气动密封件制造工', nameEn: 'Hydraulic and pneumatic parts maker', field: 'manufacturing' },
  { code: 'auto_assembler', nameZh: '汽车装调工', nameEn: 'Automobile assembler', field: 'manufacturing' },
  { code: 'pv_installer', nameZh: '光伏电站运维员', nameEn: 'PV power station operator', field: 'new_energy' },
  { code: 'battery_maker', nameZh: '电池制造工', nameEn: 'Battery maker', field: 'new_energy' },
  { code: 'ev_battery_tester', nameZh: '动力电池检测员', nameEn: 'Power battery tester', field: 'new_energy' },
  { code: 'wind_turbine_maintainer', nameZh: '风电机组检修工', nameEn: 'Wind turbine maintainer', field: 'new_energy' },
  { code: 'hydrogen_operator', nameZh: '氢能生产运维员', nameEn: 'Hydrogen production operator', field: 'new_energy' },
  { code: 'charging_facility_operator', nameZh: '充电设施运维员', nameEn: 'Charging facility operator', field: 'new_energy' },
  { code: 'energy_storage_operator', nameZh: '储能电站运维员', nameEn: 'Energy storage station operator', field: 'new_energy' },
  { code: 'electronics_assembler', nameZh: '电子产品装接工', nameEn: 'Electronics assembler', field: 'electronic_information' },
  { code: 'instrument_maintainer', nameZh: '仪器仪表维修工', nameEn: 'Instrument maintainer', field: 'electronic_information' },
  { code: 'network_engineer', nameZh: '网络与信息安全管理员', nameEn: 'Network and information security administrator', field: 'electronic_information' },
  { code: 'forklift_driver', nameZh: '叉车司机', nameEn: 'Forklift driver', field: 'modern_services' },
  { code: 'warehouse_keeper', nameZh: '仓储管理员', nameEn: 'Warehouse keeper', field: 'modern_services' },
  { code: 'safety_officer', nameZh: '安全评价师', nameEn: 'Safety assessor', field: 'modern_services' },
  { code: 'chef', nameZh: '中式烹调师', nameEn: 'Chinese cuisine cook', field: 'modern_services' },
] as const satisfies readonly Occupation[];

export type OccupationCode = (typeof occupations)[number]['code'];
const occupationCodes = occupations.map((o) => o.code) as [OccupationCode, ...OccupationCode[]];
export const occupationByCode = new Map<string, Occupation>(occupations.map((o) => [o.code, o]));

export const occupationField = z.enum(occupationCodes, { error: 'not a known occupation' });

/** Skill levels of the national standard, 5 初级 (lowest) … 1 高级技师 (highest). */
export const skillLevels = [5, 4, 3, 2, 1] as const;
export type SkillLevel = (typeof skillLevels)[number];
export const skillLevelField = z.number().int().min(1).max(5);

export const skillLevelLabels: Record<SkillLevel, { 'zh-CN': string; 'en-US': string }> = {
  5: { 'zh-CN': '五级/初级工', 'en-US': 'Level 5 / Junior' },
  4: { 'zh-CN': '四级/中级工', 'en-US': 'Level 4 / Intermediate' },
  3: { 'zh-CN': '三级/高级工', 'en-US': 'Level 3 / Senior' },
  2: { 'zh-CN': '二级/技师', 'en-US': 'Level 2 / Technician' },
  1: { 'zh-CN': '一级/高级技师', 'en-US': 'Level 1 / Senior technician' },
};

/** An occupation and the levels within it: one line of an application's or a certificate's scope. */
export const scopeItem = z.strictObject({
  occupation: occupationField,
  levels: z
    .array(skillLevelField)
    .min(1)
    .max(5)
    .refine((levels) => new Set(levels).size === levels.length, { message: 'each level once', params: { code: 'DUPLICATE_LEVEL' } }),
});
export type ScopeItem = z.infer<typeof scopeItem>;

/** A scope: each occupation once. */
export const scopeField = z
  .array(scopeItem)
  .min(1)
  .max(30)
  .refine((items) => new Set(items.map((i) => i.occupation)).size === items.length, {
    message: 'each occupation once',
    params: { code: 'DUPLICATE_OCCUPATION' },
  });

/** A certified centre's status as stored; `expired` is computed from the validity date, never stored. */
export const centreStatuses = ['active', 'conditional', 'suspended', 'revoked'] as const;
export type CentreStatus = (typeof centreStatuses)[number];
export const effectiveCentreStatuses = [...centreStatuses, 'expired'] as const;
export type EffectiveCentreStatus = (typeof effectiveCentreStatuses)[number];

export const centreStatusLabels: Record<EffectiveCentreStatus, { 'zh-CN': string; 'en-US': string }> = {
  active: { 'zh-CN': '有效', 'en-US': 'Valid' },
  conditional: { 'zh-CN': '有效（限期整改）', 'en-US': 'Valid (conditional)' },
  suspended: { 'zh-CN': '暂停', 'en-US': 'Suspended' },
  revoked: { 'zh-CN': '已撤销', 'en-US': 'Revoked' },
  expired: { 'zh-CN': '已过期', 'en-US': 'Expired' },
};

/** What a centre's status is on a date: a stored suspension or revocation wins; past its validity it is expired. */
export function effectiveCentreStatus(centre: { status: CentreStatus; validUntil: string }, today: string): EffectiveCentreStatus {
  if (centre.status === 'suspended' || centre.status === 'revoked') return centre.status;
  return centre.validUntil < today ? 'expired' : centre.status;
}

/** Only an active or conditionally passed centre within its validity may train and assess (its rights). */
export const centreHasRights = (centre: { status: CentreStatus; validUntil: string }, today: string) => {
  const status = effectiveCentreStatus(centre, today);
  return status === 'active' || status === 'conditional';
};
