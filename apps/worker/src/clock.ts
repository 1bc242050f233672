/** The worker's notion of now; an offset lets tests and demos reach a deadline without waiting for it. */
export class Clock {
  constructor(private readonly offsetMs = 0) {}

  now(): number {
    return Date.now() + this.offsetMs;
  }

  /** The real time that corresponds to `clockMs` on this clock (BullMQ schedules in real time). */
  toReal(clockMs: number): number {
    return clockMs - this.offsetMs;
  }

  date(): Date {
    return new Date(this.now());
  }
}
