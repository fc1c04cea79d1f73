import { syntheticUscc } from '../../lib/synthetic-ids.ts';
import type { Random } from '../random.ts';
import { divisionWeights, personName, profileOf, tradeName, type IndustryProfile } from '../vocabulary.ts';
import type { DemoStep, DemoWorld, OrganisationRow } from '../world.ts';

/** How many enterprises the demo district has: a generator setting, not a statistic. */
export const DEMO_ENTERPRISES = 300;
/** First serial of the demo's synthetic USCCs, well above those the test factories use. */
const USCC_SERIAL_BASE = 1_000_000;

type Size = 'micro' | 'small' | 'medium' | 'large';

const departments = [
  { key: 'platform', regionId: 'baodi', kind: 'platform', name: '支点平台运维中心' },
  { key: 'hrss', regionId: 'baodi', kind: 'hrss', name: '天津市宝坻区人力资源和社会保障局' },
  { key: 'fic', regionId: 'baodi', kind: 'fic', name: '天津市宝坻区工商业联合会' },
  { key: 'samr', regionId: 'baodi', kind: 'samr', name: '天津市宝坻区市场监督管理局' },
  { key: 'sasac', regionId: 'baodi', kind: 'sasac', name: '天津市宝坻区人民政府国有资产监督管理委员会' },
  { key: 'emb', regionId: 'baodi', kind: 'emb', name: '天津市宝坻区应急管理局' },
  { key: 'party_school', regionId: 'baodi', kind: 'party_school', name: '中共天津市宝坻区委党校' },
  { key: 'finance', regionId: 'baodi', kind: 'finance', name: '天津市宝坻区财政局' },
  { key: 'hrss:tongzhou', regionId: 'tongzhou', kind: 'hrss', name: '北京市通州区人力资源和社会保障局' },
  { key: 'hrss:tangshan', regionId: 'tangshan', kind: 'hrss', name: '唐山市人力资源和社会保障局' },
] as const;

const chambers = [
  { key: 'chamber:auto', name: '天津市宝坻区汽车零部件商会' },
  { key: 'chamber:catering', name: '天津市宝坻区餐饮商会' },
  { key: 'chamber:equipment', name: '天津市宝坻区装备制造商会' },
  { key: 'chamber:logistics', name: '天津市宝坻区现代物流商会' },
] as const;

const others = [
  { key: 'university', type: 'university', name: '天津宝坻职业技术学院', title: '招生就业处处长' },
  { key: 'training:skills', type: 'training_institution', name: '天津市宝坻区匠心职业培训学校', title: '校长' },
  { key: 'training:safety', type: 'training_institution', name: '天津市宝坻区安泰安全生产培训中心', title: '主任' },
  { key: 'experts', type: 'expert_group', name: '宝坻区安全生产与企业管理专家组', title: '联络员' },
] as const;

/** Name prefixes (行政区划) firms of each region register under. */
const namePrefixes: Record<string, readonly (readonly [string, number])[]> = {
  baodi: [['天津宝坻', 5], ['天津', 3], ['天津市宝坻区', 2]],
  tongzhou: [['北京', 6], ['北京通州', 2]],
  tangshan: [['唐山', 6], ['唐山市', 3]],
};
/** Where the province sits in a name of the form 字号（天津）行业有限公司. */
const provinceOf: Record<string, string> = { baodi: '天津', tongzhou: '北京', tangshan: '唐山' };

const sizeWeights: readonly (readonly [Size, number])[] = [['micro', 30], ['small', 45], ['medium', 18], ['large', 7]];
/** Divisions where state-owned firms are the rule rather than the exception (utilities, public works). */
const stateHeavy = new Set(['44', '46', '48']);

function contactsFor(world: DemoWorld, random: Random, titles: readonly string[]) {
  return titles.map((title) => ({
    name: personName(random, random.chance(0.6) ? 'male' : 'female', random.int(1965, 1992)),
    phone: world.uniquePhone(random),
    title,
  }));
}

function companyName(random: Random, regionId: string, profile: IndustryProfile, size: Size, stateOwned: boolean): string {
  const word = random.pick(profile.words);
  const trade = tradeName(random);
  const form = stateOwned
    ? random.pick(['有限责任公司', '集团有限公司'])
    : size === 'large' && random.chance(0.3)
      ? '股份有限公司'
      : '有限公司';
  if (regionId === 'baodi' && random.chance(0.15)) return `${trade}（${provinceOf[regionId]}）${word}${form}`;
  return `${random.weighted(namePrefixes[regionId] ?? [['', 1]])}${trade}${word}${form}`;
}

/** A park of the region for firms of the trade, or none (town-centre shops, sites, and firms outside any park). */
function parkFor(world: DemoWorld, random: Random, regionId: string, profile: IndustryProfile): string | null {
  const parks = world.parksOf(regionId);
  if (!parks.length) return null;
  if (!profile.inParks) return random.chance(0.15) ? random.pick(parks).id : null;
  if (random.chance(0.15)) return null;
  // Software firms favour the science city and the design town, manufacturers the development zones.
  const weight = (name: string) => (profile.division === '65' && /科技|设计/.test(name) ? 6 : /新城|设计/.test(name) ? 0.5 : 2);
  return random.weighted(parks.map((p) => [p.id, weight(p.nameZh)] as const));
}

function planEnterprise(world: DemoWorld, random: Random, serial: number, names: Set<string>, fixed?: { regionId: string; division: string; size: Size; park: string }): OrganisationRow {
  const regionId = fixed?.regionId ?? random.weighted([['baodi', 8], ['tongzhou', 1], ['tangshan', 1]] as const);
  const profile = profileOf(fixed?.division ?? random.weighted(divisionWeights));
  let size: Size = fixed?.size ?? random.weighted(sizeWeights);
  const stateOwned = !fixed && random.chance(stateHeavy.has(profile.division) ? 0.6 : 0.09);
  if (stateOwned && size === 'micro') size = 'small';
  const [min, max] = profile.sizeBands[size];
  let name = companyName(random, regionId, profile, size, stateOwned);
  while (names.has(name)) name = companyName(random, regionId, profile, size, stateOwned);
  names.add(name);
  const park = fixed ? world.parksOf(regionId).find((p) => p.nameZh === fixed.park)?.id ?? null : parkFor(world, random, regionId, profile);
  return {
    id: random.uuid(),
    type: 'enterprise',
    regionId,
    name,
    uscc: syntheticUscc(USCC_SERIAL_BASE + serial, world.region(regionId).divisionCode),
    industryDivision: profile.division,
    industrialParkId: park,
    size,
    stateOwned,
    employeeCount: random.int(min, max),
    contacts: contactsFor(world, random, random.chance(0.6) ? ['总经理', '人力资源经理'] : ['总经理']),
    createdAt: world.now,
    updatedAt: world.now,
  };
}

/**
 * The organisations of the district: the platform's department, Baodi's departments and the partner regions'
 * HRSS bureaus, chambers, a vocational college, two training institutions, an expert group and the enterprises.
 * Enterprise 'showcase' (a medium auto-parts maker in the development zone) is where the enterprise demo accounts work.
 */
export const organisationsStep: DemoStep = {
  name: 'organisations',
  build(world, random) {
    const base = (type: string, regionId: string, name: string) => ({ id: random.uuid(), type, regionId, name, createdAt: world.now, updatedAt: world.now });
    for (const d of departments) {
      world.addOrganisation({ ...base('government_department', d.regionId, d.name), departmentKind: d.kind, contacts: contactsFor(world, random, ['办公室主任']) }, d.key);
      world.count('departments');
    }
    for (const c of chambers) {
      world.addOrganisation({ ...base('chamber', 'baodi', c.name), contacts: contactsFor(world, random, ['秘书长']) }, c.key);
      world.count('chambers');
    }
    for (const o of others) {
      world.addOrganisation({ ...base(o.type, 'baodi', o.name), contacts: contactsFor(world, random, [o.title]) }, o.key);
      world.count(o.type === 'university' ? 'universities' : o.type === 'training_institution' ? 'trainingInstitutions' : 'expertGroups');
    }
    const names = new Set<string>();
    for (let serial = 0; serial < DEMO_ENTERPRISES; serial++) {
      const fixed = serial === 0 ? { regionId: 'baodi', division: '36', size: 'medium' as const, park: '宝坻经济开发区' } : undefined;
      const row = planEnterprise(world, random, serial + 1, names, fixed);
      world.addOrganisation(row, serial === 0 ? 'showcase' : undefined);
      world.count('enterprises');
      if (row.stateOwned) world.count('stateOwnedEnterprises');
    }
  },
};
