import { people } from '../../db/schema/index.ts';
import type { Random } from '../random.ts';
import { profileOf, type IndustryProfile, type Sex } from '../vocabulary.ts';
import { addDays, addMonths, daysBetween, type DemoStep, type DemoWorld, type OrganisationRow } from '../world.ts';

/** How many of its staff an enterprise has registered on the platform, by size (the showcase registers more). */
function registeredStaff(random: Random, org: OrganisationRow, isShowcase: boolean): number {
  const declared = org.employeeCount ?? 0;
  if (isShowcase) return Math.min(declared, 60);
  switch (org.size) {
    case 'micro': return declared;
    case 'small': return Math.min(declared, random.int(8, 24));
    case 'medium': return Math.min(declared, random.int(18, 36));
    default: return Math.min(declared, random.int(28, 50));
  }
}

/** A birth date for someone `age` years old today, and the earliest day they could have started work (at 18). */
export function birthDateFor(random: Random, today: string, age: number) {
  const birthDate = addDays(addMonths(today, -12 * age), -random.int(0, 364));
  return { birthDate, adultFrom: addMonths(birthDate, 12 * 18) };
}

/**
 * The labour contract in force on `asOf` for a job that began on `start` (劳动合同法): most fixed-term
 * contracts of one to five years renewed back to back, open-ended (无固定期限) after long service, and short
 * contracts in seasonal trades. Returns the current contract's first and last day (null: open-ended).
 */
export function contractFor(random: Random, start: string, asOf: string, profile: IndustryProfile) {
  const years = daysBetween(start, asOf) / 365.25;
  if (random.chance(profile.shortContracts)) {
    const months = random.pick([3, 6, 6, 6]);
    let from = start;
    while (addMonths(from, months) <= asOf) from = addMonths(from, months);
    return { contractStart: from, contractEnd: addDays(addMonths(from, months), -1) };
  }
  const term = random.weighted([[1, 10], [2, 15], [3, 50], [5, 25]] as const);
  let from = start;
  let renewals = 0;
  while (addMonths(from, 12 * term) <= asOf) {
    from = addMonths(from, 12 * term);
    renewals++;
  }
  // Ten years' service, or a third contract after two fixed terms, may be open-ended (劳动合同法 art. 14).
  if ((years >= 10 && random.chance(0.8)) || (renewals >= 2 && random.chance(0.4))) return { contractStart: from, contractEnd: null };
  return { contractStart: from, contractEnd: addDays(addMonths(from, 12 * term), -1) };
}

type Band = readonly [readonly [number, number], number];
/** Ages today (19–57, before retirement) and lengths of service in days, weighted. */
const ageBands: readonly Band[] = [[[19, 24], 12], [[25, 34], 35], [[35, 44], 28], [[45, 54], 20], [[55, 57], 5]];
const tenureBands: readonly Band[] = [[[0, 365], 18], [[366, 1095], 30], [[1096, 2920], 30], [[2921, 7300], 22]];

/** Plans one employee of an enterprise: person, current (or recently ended) job and contract, sometimes a previous job. */
function planEmployee(world: DemoWorld, random: Random, org: OrganisationRow, profile: IndustryProfile, sameRegion: OrganisationRow[]) {
  const sex: Sex = random.chance(profile.maleShare) ? 'male' : 'female';
  const [minAge, maxAge] = random.weighted(ageBands);
  const { birthDate, adultFrom } = birthDateFor(random, world.today, random.int(minAge, maxAge));
  const [minTenure, maxTenure] = random.weighted(tenureBands);
  let start = addDays(world.today, -random.int(minTenure, maxTenure));
  if (start < adultFrom) start = addDays(adultFrom, random.int(0, Math.max(0, daysBetween(adultFrom, world.today))));
  const person = world.addPerson(random, { regionId: org.regionId, sex, birthDate });

  // A few moved here from another firm of the region: that earlier job ended shortly before this one began.
  const other = sameRegion.length > 1 ? random.pick(sameRegion) : undefined;
  if (other && other.id !== org.id && random.chance(0.05)) {
    const previousEnd = addDays(start, -random.int(7, 90));
    const previousStart = addDays(previousEnd, -random.int(300, 1800));
    if (previousStart >= adultFrom) {
      world.employments.push({
        id: random.uuid(), personId: person.id, organisationId: other.id, position: random.weighted(profileOf(other.industryDivision!).positions),
        startDate: previousStart, endDate: previousEnd, contractStart: previousStart, contractEnd: previousEnd, createdAt: world.now,
      });
      world.count('endedEmployments');
    }
  }

  // A few left within the last year and work nowhere on the platform now.
  const leftOn = random.chance(0.015) ? addDays(world.today, -random.int(10, 300)) : null;
  const endDate = leftOn && leftOn > addDays(start, 30) ? leftOn : null;
  const contract = contractFor(random, start, endDate ?? world.today, profile);
  world.employments.push({
    id: random.uuid(), personId: person.id, organisationId: org.id, position: random.weighted(profile.positions),
    startDate: start, endDate, contractStart: contract.contractStart, contractEnd: endDate ?? contract.contractEnd,
    createdAt: world.now,
  });
  if (endDate) world.count('endedEmployments');
}

/** The enterprises' registered staff: people with valid resident IDs, their jobs and labour contracts. */
export const workforceStep: DemoStep = {
  name: 'workforce',
  build(world, random) {
    const enterprises = world.enterprises();
    const showcase = world.organisation('showcase');
    const byRegion = new Map<string, OrganisationRow[]>();
    for (const org of enterprises) byRegion.set(org.regionId, [...(byRegion.get(org.regionId) ?? []), org]);
    // People before employments, so the writer inserts them first.
    world.rows(people, 'people');
    for (const org of enterprises) {
      const profile = profileOf(org.industryDivision!);
      const staff = registeredStaff(random, org, org.id === showcase.id);
      for (let i = 0; i < staff; i++) planEmployee(world, random, org, profile, byRegion.get(org.regionId) ?? []);
    }
  },
};
