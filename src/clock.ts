/** Where every time-dependent decision gets "now". The CLI's `--now` and tests inject a fixed one. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** A clock that stands still (tests, `--now`), movable by hand. */
export class FixedClock implements Clock {
  private current: number;
  constructor(at: Date | string) {
    this.current = new Date(at).getTime();
  }
  now(): Date {
    return new Date(this.current);
  }
  set(at: Date | string): void {
    this.current = new Date(at).getTime();
  }
  advance(ms: number): void {
    this.current += ms;
  }
}
