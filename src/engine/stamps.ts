// Per-evaluation "seen" flags that cost nothing to reset: a slot counts as set only while it holds
// the current generation, so starting an evaluation is one increment instead of clearing an array.
export class Stamps {
  private readonly slots: Uint32Array;
  private generation = 1;

  constructor(size: number) {
    this.slots = new Uint32Array(size);
  }

  /** Forget every flag. */
  reset(): void {
    this.generation = (this.generation + 1) >>> 0;
    if (this.generation === 0) {
      this.slots.fill(0);
      this.generation = 1;
    }
  }

  has(i: number): boolean {
    return this.slots[i] === this.generation;
  }

  set(i: number): void {
    this.slots[i] = this.generation;
  }
}
