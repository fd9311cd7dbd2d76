import { Injectable } from '@nestjs/common';

/**
 * The one source of "now" for every time-based rule (expiries, lock windows, grace periods).
 * SQL receives its times from here rather than calling now(), so tests can move time.
 */
@Injectable()
export class ClockService {
  private offsetMilliseconds = 0;

  now(): Date {
    return new Date(this.nowMilliseconds());
  }

  nowMilliseconds(): number {
    return Date.now() + this.offsetMilliseconds;
  }

  nowSeconds(): number {
    return Math.floor(this.nowMilliseconds() / 1000);
  }

  /** Moves the clock forward (tests). */
  advance(milliseconds: number): void {
    this.offsetMilliseconds += milliseconds;
  }

  reset(): void {
    this.offsetMilliseconds = 0;
  }
}
