// The emulators' sense of time: an injected base clock plus a test-controlled offset or freeze,
// so tests move time (codes expire, tokens lapse, versions publish) without sleeping.

export type Now = () => Date;

export interface EmulatorClock {
  now(): Date;
  /** Freeze at `at`, or unfreeze with undefined (back to base clock + offset). */
  set(at: Date | undefined): void;
  advance(ms: number): void;
}

export function createClock(base: Now): EmulatorClock {
  let offsetMs = 0;
  let frozen: Date | undefined;
  return {
    now: () => (frozen ? new Date(frozen.getTime() + offsetMs) : new Date(base().getTime() + offsetMs)),
    set(at) {
      frozen = at ? new Date(at.getTime()) : undefined;
      offsetMs = 0;
    },
    advance(ms) {
      offsetMs += ms;
    },
  };
}
