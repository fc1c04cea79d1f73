import type { PgTable } from 'drizzle-orm/pg-core';
import type { industrialParks, regions } from '../db/schema/index.ts';
import { employments, organisations, people } from '../db/schema/index.ts';
import { syntheticResidentId } from '../lib/synthetic-ids.ts';
import type { Random } from './random.ts';
import { mobileNumber, nearbyCounties, personName, type Sex } from './vocabulary.ts';

export type OrganisationRow = typeof organisations.$inferInsert & { id: string; regionId: string; name: string; type: string };
export type PersonRow = typeof people.$inferInsert & { id: string; name: string; residentId: string };
export type EmploymentRow = typeof employments.$inferInsert & { id: string };
type RegionRow = typeof regions.$inferSelect;
type ParkRow = typeof industrialParks.$inferSelect;

/** One table's rows planned by the steps, written in the order its first use registered it. */
interface Planned {
  label: string;
  table: PgTable;
  rows: Record<string, unknown>[];
}

/** A step of the demo generator: plans rows into the world, drawing only from its own random stream. */
export interface DemoStep {
  /** Also names the step's random stream: renaming a step changes its data. */
  name: string;
  build(world: DemoWorld, random: Random): void | Promise<void>;
}

const DAY = 86_400_000;

/** yyyy-mm-dd of a date in China Standard Time (UTC+8), the calendar every date of the district is on. */
export const chinaDate = (at: Date) => new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
export const addDays = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10);
/** Adds calendar months, clamping to the month's last day (2024-01-31 + 1 month = 2024-02-29). */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const first = new Date(Date.UTC(y, m - 1 + months, 1));
  const last = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
  first.setUTCDate(Math.min(d, last));
  return first.toISOString().slice(0, 10);
}
export const daysBetween = (from: string, to: string) => Math.round((Date.parse(to) - Date.parse(from)) / DAY);

/**
 * Everything the generator has planned so far: the rows of each table and the named organisations later
 * steps (and later modules' steps) build on. Nothing touches the database until loadDemo writes the plan.
 */
export class DemoWorld {
  /** Today in the district's calendar, from the injected now. */
  readonly today: string;
  readonly counts: Record<string, number> = {};
  private readonly planned: Planned[] = [];
  private readonly keyed = new Map<string, OrganisationRow>();
  private readonly residentIds = new Set<string>();
  private readonly phones = new Set<string>();

  constructor(
    readonly seed: number,
    readonly now: Date,
    readonly regions: readonly RegionRow[],
    readonly parks: readonly ParkRow[],
    /** The demo password's argon2id hash, computed once and shared by every account. */
    readonly passwordHash: string,
    /** The first administrator's hash (ADMIN_PASSWORD when set, else the demo password's). */
    readonly adminPasswordHash: string,
  ) {
    this.today = chinaDate(now);
  }

  /** The planned rows of a table; the first call fixes where the table comes in the write order (parents first). */
  rows<T extends PgTable>(table: T, label: string): T['$inferInsert'][] {
    let entry = this.planned.find((p) => p.table === table);
    if (!entry) {
      entry = { label, table, rows: [] };
      this.planned.push(entry);
    }
    return entry.rows as T['$inferInsert'][];
  }

  /** Tables in write order with their rows. */
  plan(): readonly Planned[] {
    return this.planned;
  }

  get organisations(): OrganisationRow[] {
    return this.rows(organisations, 'organisations') as OrganisationRow[];
  }
  get people(): PersonRow[] {
    return this.rows(people, 'people') as PersonRow[];
  }
  get employments(): EmploymentRow[] {
    return this.rows(employments, 'employments') as EmploymentRow[];
  }

  region(id: string): RegionRow {
    const region = this.regions.find((r) => r.id === id);
    if (!region) throw new RangeError(`no region ${id}; seed the reference data first`);
    return region;
  }

  parksOf(regionId: string): ParkRow[] {
    return this.parks.filter((p) => p.regionId === regionId);
  }

  addOrganisation(row: OrganisationRow, key?: string): OrganisationRow {
    this.organisations.push(row);
    if (key) {
      if (this.keyed.has(key)) throw new Error(`demo organisation key ${key} used twice`);
      this.keyed.set(key, row);
    }
    return row;
  }

  /** A named organisation (e.g. 'hrss', 'showcase', 'chamber:auto') planned by an earlier step. */
  organisation(key: string): OrganisationRow {
    const row = this.keyed.get(key);
    if (!row) throw new Error(`no demo organisation ${key}`);
    return row;
  }

  enterprises(): OrganisationRow[] {
    return this.organisations.filter((o) => o.type === 'enterprise');
  }

  count(key: string, by = 1) {
    this.counts[key] = (this.counts[key] ?? 0) + by;
  }

  /** A mobile number no one else in the demo has. */
  uniquePhone(random: Random): string {
    let phone = mobileNumber(random);
    while (this.phones.has(phone)) phone = mobileNumber(random);
    this.phones.add(phone);
    return phone;
  }

  /**
   * Plans a person of the region: a name of their sex and generation, a valid resident ID that is unique in
   * the demo (birth place mostly the region itself, else a nearby county; the sequence code's last digit
   * carries the sex, odd for men), and a mobile number.
   */
  addPerson(random: Random, options: { regionId: string; sex: Sex; birthDate: string }): PersonRow {
    const birthYear = Number(options.birthDate.slice(0, 4));
    const home = this.region(options.regionId).divisionCode;
    const born = options.birthDate.replace(/-/g, '');
    const draw = () => {
      const county = random.chance(0.7) ? home : random.pick(nearbyCounties[options.regionId] ?? [home]);
      const sexDigit = 2 * random.int(0, 4) + (options.sex === 'male' ? 1 : 0);
      return syntheticResidentId(random.int(1, 99) * 10 + sexDigit, born, county);
    };
    let residentId = draw();
    while (this.residentIds.has(residentId)) residentId = draw();
    this.residentIds.add(residentId);
    const person: PersonRow = {
      id: random.uuid(),
      name: personName(random, options.sex, birthYear),
      residentId,
      phone: this.uniquePhone(random),
      createdAt: this.now,
      updatedAt: this.now,
    };
    this.people.push(person);
    return person;
  }
}
