// A list an engine fills during an evaluation and empties for the next, then copies out at its exact
// length. A fresh array per result list reserved room for 17 entries on its first push (~180 bytes) for
// the one or two most evaluations hold; and emptying an array by `length = 0` would give its room back,
// so the next evaluation would reserve it again. Evaluations of one engine never nest, so one serves.

/** The empty result, shared: most evaluations apply no fee, grant nothing and reject nothing. */
export const NONE: readonly never[] = Object.freeze([]);

export class Scratch<T> {
  private readonly items: T[] = [];
  /** Entries of the evaluation under way; items past it are an earlier one's. */
  length = 0;

  reset(): void {
    this.length = 0;
  }

  push(item: T): void {
    if (this.length === this.items.length) this.items.push(item);
    else this.items[this.length] = item;
    this.length++;
  }

  /** Entry i of the evaluation under way (i < length). */
  at(i: number): T {
    return this.items[i]!;
  }

  /** The entries as a new array of exactly their number, or NONE. */
  copy(): readonly T[] {
    const n = this.length;
    if (n === 0) return NONE;
    // A loop, not slice(): for the few entries an evaluation holds, the builtin's call cost more than the copy.
    const out = new Array<T>(n);
    for (let i = 0; i < n; i++) out[i] = this.items[i]!;
    return out;
  }
}
