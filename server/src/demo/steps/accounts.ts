import { memberships, users } from '../../db/schema/index.ts';
import { demoAccounts } from '../accounts.ts';
import type { Random } from '../random.ts';
import { personName, profileOf, type Sex } from '../vocabulary.ts';
import { addDays, addMonths, type DemoStep, type DemoWorld, type OrganisationRow } from '../world.ts';
import { birthDateFor, contractFor } from './workforce.ts';

interface Holder {
  age: readonly [number, number];
  /** The job the holder has (null: none on the platform, e.g. a student or an expert). */
  job?: { at: (world: DemoWorld, random: Random) => OrganisationRow; position: string; tenureDays: readonly [number, number] };
}

const at = (key: string) => (world: DemoWorld) => world.organisation(key);

/** Who holds each demo account that belongs to a person; department staff and the administrator have no person record. */
const holders: Record<string, Holder> = {
  'ent-admin': { age: [38, 50], job: { at: at('showcase'), position: '人力资源部经理', tenureDays: [2200, 4400] } },
  'ent-trainer': { age: [30, 42], job: { at: at('showcase'), position: '培训主管', tenureDays: [1100, 2900] } },
  'ent-instructor': { age: [40, 52], job: { at: at('showcase'), position: '内训师（高级技师）', tenureDays: [4400, 7300] } },
  // A new hire on a three-year contract: the kind of employee an apprenticeship class enrols.
  'ent-employee': { age: [19, 23], job: { at: at('showcase'), position: '汽车零部件装配工', tenureDays: [60, 120] } },
  mediator: {
    age: [35, 50],
    job: {
      // The HR manager of another auto-parts maker of Baodi, a member of the chamber.
      at: (world, random) => random.pick(world.enterprises().filter((o) => o.regionId === 'baodi' && o.industryDivision === '36' && o.id !== world.organisation('showcase').id)),
      position: '人力资源经理',
      tenureDays: [1500, 3600],
    },
  },
  'chamber-admin': { age: [45, 55], job: { at: at('chamber:auto'), position: '秘书长', tenureDays: [1100, 2900] } },
  'uni-admin': { age: [42, 52], job: { at: at('university'), position: '招生就业处处长', tenureDays: [2900, 6500] } },
  student: { age: [19, 21] },
  expert: { age: [50, 58] },
};

/** The demo accounts of demoAccounts, their memberships, and the person records of those who are employees, students or experts. */
export const accountsStep: DemoStep = {
  name: 'accounts',
  build(world, random) {
    const userRows = world.rows(users, 'users');
    const membershipRows = world.rows(memberships, 'memberships');
    for (const spec of demoAccounts) {
      const holder = holders[spec.username];
      const home = world.organisation(spec.organisation);
      const sex: Sex = random.chance(0.55) ? 'male' : 'female';
      let personId: string | null = null;
      let displayName = spec.role === 'system_admin' ? '系统管理员' : personName(random, sex, random.int(1972, 1992));
      if (holder) {
        const { birthDate } = birthDateFor(random, world.today, random.int(...holder.age));
        const person = world.addPerson(random, { regionId: home.regionId, sex, birthDate });
        personId = person.id;
        displayName = person.name;
        if (holder.job) {
          const org = holder.job.at(world, random);
          const startDate = addDays(world.today, -random.int(...holder.job.tenureDays));
          const contract =
            spec.role === 'employee'
              ? { contractStart: startDate, contractEnd: addDays(addMonths(startDate, 36), -1) }
              : contractFor(random, startDate, world.today, profileOf('36'));
          world.employments.push({ id: random.uuid(), personId, organisationId: org.id, position: holder.job.position, startDate, endDate: null, ...contract, createdAt: world.now });
        }
      }
      const user = {
        id: random.uuid(),
        username: spec.username,
        displayName,
        personId,
        passwordHash: spec.role === 'system_admin' ? world.adminPasswordHash : world.passwordHash,
        createdAt: world.now,
        passwordChangedAt: world.now,
      };
      userRows.push(user);
      // The first membership is the one a sign-in lands on: later ones are created a second later each.
      [{ role: spec.role, organisation: spec.organisation }, ...(spec.also ?? [])].forEach((m, i) => {
        membershipRows.push({ id: random.uuid(), userId: user.id, organisationId: world.organisation(m.organisation).id, role: m.role, createdAt: new Date(world.now.getTime() + i * 1000) });
      });
    }
  },
};
