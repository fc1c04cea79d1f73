/** The one source of "now", injectable so tests can move time past idle timeouts, lockouts and deadlines. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** A clock tests can set and advance. */
export class ManualClock implements Clock {
  constructor(private current = new Date('2026-03-02T09:00:00+08:00')) {}
  now(): Date {
    return new Date(this.current);
  }
  advance(ms: number): void {
    this.current = new Date(this.current.getTime() + ms);
  }
  set(date: Date): void {
    this.current = new Date(date);
  }
}

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;

/**
 * Real time moved forward by an offset an administrator can grow (never shrink): the clock of a server started
 * with SHIFTABLE_CLOCK=1, for demonstrations and browser tests that must see a public notice end or a deadline
 * pass. Never set in a real installation: every date the platform decides on follows it.
 */
export class ShiftableClock implements Clock {
  private offsetMs = 0;
  now(): Date {
    return new Date(Date.now() + this.offsetMs);
  }
  get offset(): number {
    return this.offsetMs;
  }
  advance(ms: number): void {
    if (ms < 0) throw new RangeError('the clock only moves forward');
    this.offsetMs += ms;
  }
}
