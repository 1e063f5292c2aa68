// Client-side pacing: a token bucket (requests per second) and a concurrency gate. Both run on the
// injected clock and sleep, so tests drive them without real time passing.

export interface Clock {
  /** Milliseconds, monotonic enough for pacing. */
  now(): number;
  sleep(ms: number): Promise<void>;
}

/** Requests per second with a burst of one second's worth; Infinity disables it. */
export class TokenBucket {
  private tokens: number;
  private last: number;
  private chain: Promise<void> = Promise.resolve();

  constructor(
    private readonly perSecond: number,
    private readonly clock: Clock,
  ) {
    this.tokens = Number.isFinite(perSecond) ? Math.max(1, perSecond) : 0;
    this.last = clock.now();
  }

  /** Resolves when a request may start. Callers are served in arrival order. */
  take(): Promise<void> {
    if (!Number.isFinite(this.perSecond)) return Promise.resolve();
    const turn = this.chain.then(() => this.waitForToken());
    this.chain = turn.catch(() => undefined);
    return turn;
  }

  /** The server said to slow down: hold every caller until `ms` from now. */
  pause(ms: number): void {
    if (!Number.isFinite(this.perSecond)) return;
    this.tokens = Math.min(this.tokens, 0) - (ms / 1000) * this.perSecond;
  }

  private async waitForToken(): Promise<void> {
    for (;;) {
      const now = this.clock.now();
      const burst = Math.max(1, this.perSecond);
      this.tokens = Math.min(burst, this.tokens + ((now - this.last) / 1000) * this.perSecond);
      this.last = now;
      if (this.tokens >= 1) {
        this.tokens -= 1;
        return;
      }
      await this.clock.sleep(Math.ceil(((1 - this.tokens) / this.perSecond) * 1000));
    }
  }
}

/** At most `limit` tasks at once. */
export class Gate {
  private active = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(private readonly limit: number) {}

  async run<T>(task: () => Promise<T>): Promise<T> {
    if (this.active >= this.limit) await new Promise<void>((resolve) => this.waiting.push(resolve));
    this.active += 1;
    try {
      return await task();
    } finally {
      this.active -= 1;
      this.waiting.shift()?.();
    }
  }
}
