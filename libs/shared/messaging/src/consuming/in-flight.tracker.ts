import { Injectable } from '@nestjs/common';

/**
 * Counts messages being handled and, once draining starts, refuses new ones, so shutdown can let
 * in-flight work finish (and be acked) before connections close.
 */
@Injectable()
export class InFlightTracker {
  private count = 0;
  private draining = false;
  private waiters: (() => void)[] = [];

  get accepting(): boolean {
    return !this.draining;
  }

  get inFlight(): number {
    return this.count;
  }

  start(): void {
    this.count++;
  }

  done(): void {
    this.count = Math.max(0, this.count - 1);
    if (this.count === 0) this.waiters.splice(0).forEach((wake) => wake());
  }

  /** Stop taking new messages; resolves when the last in-flight one is done or after `timeoutMs`. */
  async drain(timeoutMs: number): Promise<void> {
    this.draining = true;
    if (this.count === 0) return;
    await Promise.race([
      new Promise<void>((resolve) => this.waiters.push(resolve)),
      new Promise<void>((resolve) => setTimeout(resolve, timeoutMs).unref()),
    ]);
  }
}
