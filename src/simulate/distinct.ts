// Distinct customers without a set of strings per campaign: ids are interned once (one map for the
// whole replay) and each campaign keeps a bit per interned customer. Memory grows with the number of
// distinct customers, never with the number of sessions.

/**
 * Ids to dense indexes, in an open-addressing table of its own rather than a Map: every session's
 * customer is looked up, in a table of tens of thousands, with a string just read from the file, and a
 * Map hashes such a string in the runtime and walks a chain across more of memory. Here the hash is a
 * few multiplications in JavaScript and each slot is one (hash, index) pair, so a lookup touches the
 * pair's cache line and, on a hash match, the id it holds.
 */
export class Interner {
  /** Pairs (hash, index + 1); 0 in the second is an empty slot. */
  private slots = new Int32Array(2 * 1024);
  private readonly ids: string[] = [];
  // The replay interns a session's customer, then both sides' ledgers ask for the same string: the last
  // answer is kept so they compare one pointer instead of looking the id up again.
  private last: string | undefined;
  private lastIndex = -1;
  /** Where find() stopped for `last` when it was missing: index() fills that slot. */
  private lastSlot = -1;
  private lastHash = 0;

  /** A dense index for the id (0, 1, 2, ... in order of first sight). */
  index(id: string): number {
    const found = this.find(id);
    if (found >= 0) return found;
    const i = this.ids.length;
    this.ids.push(id);
    this.slots[this.lastSlot] = this.lastHash;
    this.slots[this.lastSlot + 1] = i + 1;
    this.lastIndex = i;
    // At most half full, so probes stay short.
    if (this.ids.length * 4 > this.slots.length) this.grow();
    return i;
  }

  /** The id's index, or -1 when it was never interned. */
  find(id: string): number {
    if (id === this.last) return this.lastIndex;
    let h = 0x811c9dc5;
    for (let i = 0; i < id.length; i++) h = Math.imul(h ^ id.charCodeAt(i), 0x01000193);
    const slots = this.slots;
    const mask = slots.length - 2;
    let at = (h << 1) & mask;
    for (;; at = (at + 2) & mask) {
      const entry = slots[at + 1]!;
      if (entry === 0) break;
      if (slots[at] === h && this.ids[entry - 1] === id) {
        this.last = id;
        this.lastIndex = entry - 1;
        return entry - 1;
      }
    }
    this.last = id;
    this.lastIndex = -1;
    this.lastSlot = at;
    this.lastHash = h;
    return -1;
  }

  get size(): number {
    return this.ids.length;
  }

  private grow(): void {
    const old = this.slots;
    const slots = new Int32Array(old.length * 2);
    const mask = slots.length - 2;
    for (let at = 0; at < old.length; at += 2) {
      if (old[at + 1] === 0) continue;
      let to = (old[at]! << 1) & mask;
      while (slots[to + 1] !== 0) to = (to + 2) & mask;
      slots[to] = old[at]!;
      slots[to + 1] = old[at + 1]!;
    }
    this.slots = slots;
    // A slot remembered for a missing id belongs to the old table.
    this.last = undefined;
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
