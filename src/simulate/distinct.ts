// Distinct customers without a set of strings per campaign: ids are interned once (one map for the
// whole replay) and each campaign keeps a bit per interned customer. Memory grows with the number of
// distinct customers, never with the number of sessions.

export class Interner {
  private readonly ids = new Map<string, number>();
  // The replay interns a session's customer, then both sides' ledgers ask for the same string: the last
  // answer is kept so they compare one pointer instead of hashing the id into a large map again.
  private last: string | undefined;
  private lastIndex = -1;

  /** A dense index for the id (0, 1, 2, ... in order of first sight). */
  index(id: string): number {
    let i = this.find(id);
    if (i < 0) {
      i = this.ids.size;
      this.ids.set(id, i);
      this.lastIndex = i;
    }
    return i;
  }

  /** The id's index, or -1 when it was never interned. */
  find(id: string): number {
    if (id === this.last) return this.lastIndex;
    this.last = id;
    this.lastIndex = this.ids.get(id) ?? -1;
    return this.lastIndex;
  }

  get size(): number {
    return this.ids.size;
  }
}

export class BitSet {
  private words = new Uint32Array(8);
  private count = 0;

  add(i: number): void {
    const w = i >>> 5;
    if (w >= this.words.length) {
      const grown = new Uint32Array(Math.max(w + 1, this.words.length * 2));
      grown.set(this.words);
      this.words = grown;
    }
    const bit = 1 << (i & 31);
    const word = this.words[w]!;
    if ((word & bit) === 0) {
      this.words[w] = word | bit;
      this.count += 1;
    }
  }

  get size(): number {
    return this.count;
  }
}
